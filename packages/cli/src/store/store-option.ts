import type { CliIo } from '../cli-io.js'
import { DEFAULT_STORE, STORE_ENV, parseStoreSpec, type StoreSpec } from './store-spec.js'

/** The `--store` option, as `util.parseArgs` declares it; every subcommand that opens a ledger takes it. */
export const STORE_OPTION = { store: { type: 'string' } } as const

/** The lines of help that describe `--store`, the same under every subcommand. */
export const STORE_OPTION_HELP = `  --store SPEC         where the ledger lives:
                         sqlite:PATH        a SQLite file (default: ${DEFAULT_STORE}, in the current directory)
                         postgres://user@host:5432/db[?schema=NAME]   (or postgresql://…; schema "plafond" by default)
                         memory             a fresh in-memory ledger, gone at exit (for trials)
                       When --store is absent, ${STORE_ENV} is read, then the default applies.
                       Prefer ${STORE_ENV} for a URL with a password: arguments show in the process list.`

/** The store named by `--store`, else by `PLAFOND_STORE`, else `sqlite:plafond.db`. */
export function storeSpecFrom(option: string | undefined, io: CliIo): StoreSpec {
  if (option !== undefined) return parseStoreSpec(option, io.cwd, '--store')
  const fromEnv = io.env[STORE_ENV]
  if (fromEnv !== undefined && fromEnv !== '') return parseStoreSpec(fromEnv, io.cwd, STORE_ENV)
  return parseStoreSpec(DEFAULT_STORE, io.cwd)
}
