import { existsSync } from 'node:fs'
import { createInMemoryStore, isLedgerError, type EventStore } from '@plafond/core'
import { CliError } from '../cli-error.js'
import type { StoreSpec } from './store-spec.js'

/**
 * What the command will do with the store: `write` creates the ledger (file or tables) when it is
 * missing; `read` never creates or migrates anything, so that verifying a wrong path fails instead
 * of leaving an empty ledger behind.
 */
export type StoreAccess = 'write' | 'read'

/**
 * Opens the store a spec names, ready to use: a PostgreSQL store is opened at once, so that an
 * unreachable server or a foreign schema fails before any work starts. The drivers are loaded
 * only when asked for, so `plafond --help` and a SQLite run never load pg.
 */
export async function openStore(spec: StoreSpec, access: StoreAccess): Promise<EventStore> {
  try {
    return await open(spec, access)
  } catch (error) {
    // The store's advice speaks of its options (readonly, migrate); say it in the CLI's terms.
    if (access === 'read' && isLedgerError(error, 'INCOMPATIBLE_STORE')) {
      throw new CliError(
        'store',
        `${error.message} (INCOMPATIBLE_STORE)\n  This command opens the store read-only and never creates or migrates a ledger: check --store (${spec.display}), or create or migrate the ledger by replaying commands into it with \`plafond replay\`.`,
        { cause: error },
      )
    }
    throw error
  }
}

async function open(spec: StoreSpec, access: StoreAccess): Promise<EventStore> {
  switch (spec.kind) {
    case 'memory':
      return createInMemoryStore()
    case 'sqlite': {
      if (access === 'read' && !existsSync(spec.path)) {
        throw new CliError(
          'store',
          `Expected a Plafond ledger at ${spec.path} (--store ${spec.display}), found no file there. Check the path (the default is sqlite:plafond.db in the current directory), or create the ledger with \`plafond replay FILE --store ${spec.display}\`.`,
        )
      }
      const { createSqliteStore } = await import('@plafond/store-sqlite')
      return createSqliteStore({ path: spec.path, readonly: access === 'read' })
    }
    case 'postgres': {
      const { createPostgresStore } = await import('@plafond/store-postgres')
      const store = createPostgresStore(
        {
          connectionString: spec.connectionString,
          maxConnections: 2,
          applicationName: 'plafond-cli',
        },
        {
          ...(spec.schema === undefined ? {} : { schema: spec.schema }),
          migrate: access === 'write',
        },
      )
      try {
        await store.ready()
      } catch (error) {
        await store.close()
        throw error
      }
      return store
    }
  }
}
