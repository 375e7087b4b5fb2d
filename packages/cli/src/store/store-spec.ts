import { isAbsolute, resolve } from 'node:path'
import { CliError } from '../cli-error.js'

/** Where the ledger lives, as `--store` names it. */
export type StoreSpec =
  | {
      readonly kind: 'sqlite'
      /** The ledger file, absolute. */
      readonly path: string
      /** The spec as the user wrote it, for messages. */
      readonly display: string
    }
  | {
      readonly kind: 'postgres'
      /** The connection string without the `schema` parameter, which is not libpq's. */
      readonly connectionString: string
      /** The PostgreSQL schema of the ledger's tables, when `?schema=` names one. */
      readonly schema: string | undefined
      /** The connection string with its password masked, for messages. */
      readonly display: string
    }
  | { readonly kind: 'memory'; readonly display: 'memory' }

/** The store used when neither `--store` nor `PLAFOND_STORE` names one. */
export const DEFAULT_STORE = 'sqlite:plafond.db'

/** The environment variable read when `--store` is not given. */
export const STORE_ENV = 'PLAFOND_STORE'

const EXPECTED = 'sqlite:PATH, postgres://… or postgresql://… (optionally ?schema=NAME), or memory'

/**
 * Reads a store spec: `sqlite:PATH` (relative to `cwd`), `postgres://…` or `postgresql://…` with an
 * optional `?schema=NAME`, or `memory` (a fresh in-memory ledger, for tests). `source` names where
 * the text came from (`--store`, `PLAFOND_STORE`) so the error can say which one to fix.
 */
export function parseStoreSpec(text: string, cwd: string, source = '--store'): StoreSpec {
  if (text === 'memory') return { kind: 'memory', display: 'memory' }
  if (text.startsWith('sqlite:')) {
    const path = text.slice('sqlite:'.length)
    if (path === '') {
      throw new CliError(
        'usage',
        `Expected ${source} to name a file after "sqlite:", found nothing. Write for example ${source === '--store' ? '--store ' : `${source}=`}sqlite:ledger.db.`,
      )
    }
    return { kind: 'sqlite', path: isAbsolute(path) ? path : resolve(cwd, path), display: text }
  }
  if (text.startsWith('postgres://') || text.startsWith('postgresql://'))
    return postgres(text, source)
  const looksLikeFile = /[/\\]|\.(db|sqlite3?)$/.test(text)
  throw new CliError(
    'usage',
    `Expected ${source} to be ${EXPECTED}; found ${JSON.stringify(text)}.${
      looksLikeFile ? ` To use the SQLite file ${text}, write sqlite:${text}.` : ''
    }`,
  )
}

function postgres(text: string, source: string): StoreSpec {
  let url: URL
  try {
    url = new URL(text)
  } catch (error) {
    throw new CliError(
      'usage',
      `Expected ${source} to be a PostgreSQL URL such as postgres://user@host:5432/database?schema=plafond; found one that does not parse (${masked(text)}). Check its characters: a password with @, : or / must be percent-encoded.`,
      { cause: error },
    )
  }
  const schema = url.searchParams.get('schema') ?? undefined
  if (schema === '') {
    throw new CliError(
      'usage',
      `Expected ?schema= in ${source} to name a PostgreSQL schema, found it empty. Remove it to use the default schema "plafond", or write ?schema=NAME.`,
    )
  }
  url.searchParams.delete('schema')
  const connectionString = url.toString()
  return { kind: 'postgres', connectionString, schema, display: masked(text) }
}

/** The URL with its password replaced by `***`, for messages and logs. */
function masked(text: string): string {
  return text.replace(/^(postgres(?:ql)?:\/\/[^:/@]*:)[^@/]*@/, '$1***@')
}
