import { createLedger, type Ledger } from '@plafond/core'
import { createPostgresStore } from '@plafond/store-postgres'
import { createSqliteStore } from '@plafond/store-sqlite'
import type { StoreConfig } from './service-config.js'

/**
 * Opens the ledger over the configured store, checking it now rather than at the first request:
 * a SQLite file is opened (and migrated) at once; a PostgreSQL schema is checked and migrated by
 * `ready()`, which fails fast when the server is down or the schema belongs to someone else.
 */
export async function openLedger(config: StoreConfig): Promise<Ledger> {
  switch (config.kind) {
    case 'sqlite':
      return createLedger({ store: createSqliteStore({ path: config.path }) })
    case 'postgres': {
      const store = createPostgresStore(
        { connectionString: config.connectionString, applicationName: 'plafond-ministry-service' },
        { schema: config.schema },
      )
      try {
        await store.ready()
      } catch (error) {
        await store.close()
        throw error
      }
      return createLedger({ store })
    }
  }
}
