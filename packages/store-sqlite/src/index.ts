/**
 * `@plafond/store-sqlite`: Plafond's `EventStore` on a SQLite file (better-sqlite3), the embedded
 * default on disk. WAL with `synchronous=FULL`, a versioned schema migrated on open, atomic
 * multi-stream appends with the hash chain, batched reads, and several processes on one file.
 *
 * ```ts
 * import { createLedger } from '@plafond/core'
 * import { createSqliteStore } from '@plafond/store-sqlite'
 *
 * const ledger = createLedger({ store: createSqliteStore({ path: 'ledger.db' }) })
 * const verified = await ledger.verify()
 * await ledger.close()
 * ```
 *
 * @packageDocumentation
 */

export { createSqliteStore } from './create-sqlite-store.js'
export type { SqliteStoreOptions, SqliteSynchronous } from './sqlite-store-options.js'
export { PLAFOND_APPLICATION_ID, SCHEMA_VERSION } from './schema-migrations.js'
