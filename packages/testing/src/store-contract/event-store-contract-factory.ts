import type { EventStore } from '@plafond/core'

/**
 * How the conformance suite gets stores. Each test calls `create` for a store of its own, may
 * `reopen` it, and at the end closes the latest instance and passes it to `destroy`.
 *
 * ```ts
 * describeEventStoreContract('SQLite store', {
 *   create: async () => createSqliteStore({ path: freshPath() }),
 *   reopen: async (previous) => { await previous.close(); return createSqliteStore({ path: pathOf(previous) }) },
 *   destroy: async (store) => removeFile(pathOf(store)),
 * })
 * ```
 */
export interface EventStoreContractFactory {
  /** A new, empty store (no event, outcome or checkpoint), isolated from every other store. */
  create(): Promise<EventStore>
  /**
   * Closes `previous` and opens the same file or database again, as a restarted process would.
   * Omit it for stores that cannot outlive their instance (in-memory): the reopen tests then skip.
   */
  reopen?(previous: EventStore): Promise<EventStore>
  /**
   * Removes what `create` made (file, schema, database), after the suite closed `store`. Receives
   * the latest instance of each storage: the one `create` returned or the last `reopen` returned.
   */
  destroy?(store: EventStore): Promise<void>
}
