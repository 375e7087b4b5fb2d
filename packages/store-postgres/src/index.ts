/**
 * `@plafond/store-postgres`: the `EventStore` of `@plafond/core` on PostgreSQL, for a ledger
 * shared by many processes. Appends are serialised on one head row, so global positions become
 * visible in order and without gaps, and the hash chain is extended from the committed head.
 *
 * ```ts
 * import { createLedger } from '@plafond/core'
 * import { createPostgresStore } from '@plafond/store-postgres'
 *
 * const store = createPostgresStore(
 *   { connectionString: 'postgres://postgres@127.0.0.1:5432/plafond' },
 *   { schema: 'plafond' },
 * )
 * const ledger = createLedger({ store })
 * await ledger.close()
 * ```
 *
 * @packageDocumentation
 */

export { createPostgresStore } from './create-postgres-store.js'
export type {
  PostgresConnection,
  PostgresStore,
  PostgresStoreOptions,
} from './create-postgres-store.js'
export { DEFAULT_SCHEMA } from './store-tables.js'
export { SCHEMA_VERSION } from './schema-migrations.js'
