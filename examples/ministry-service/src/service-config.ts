/** Where the ledger lives, read from `PLAFOND_STORE`. */
export type StoreConfig =
  | { readonly kind: 'sqlite'; readonly path: string }
  | { readonly kind: 'postgres'; readonly connectionString: string; readonly schema: string }

/** The service's configuration, read from the environment. */
export interface ServiceConfig {
  /** The ledger's store. */
  readonly store: StoreConfig
  /** The TCP port to listen on; 0 lets the system choose. */
  readonly port: number
  /** The address to listen on; only this machine by default. */
  readonly host: string
}

/** `PLAFOND_STORE` when unset: a SQLite file in the working directory. */
export const DEFAULT_STORE = 'sqlite:./ministry.db'

/** `PORT` when unset. */
export const DEFAULT_PORT = 8080

/** `HOST` when unset: only this machine; put a gateway in front before opening it wider. */
export const DEFAULT_HOST = '127.0.0.1'

const SCHEMA = /^[a-z_][a-z0-9_]{0,62}$/

/**
 * Reads the configuration: `PLAFOND_STORE` (`sqlite:PATH` or a `postgres://` URL),
 * `PLAFOND_PG_SCHEMA` (the PostgreSQL schema, `plafond` by default), `PORT` and `HOST`.
 * Throws an error that names the variable, what it expected and what it found.
 */
export function readServiceConfig(
  env: Readonly<Record<string, string | undefined>>,
): ServiceConfig {
  return {
    store: readStore(env.PLAFOND_STORE || DEFAULT_STORE, env.PLAFOND_PG_SCHEMA || 'plafond'),
    port: readPort(env.PORT || String(DEFAULT_PORT)),
    host: env.HOST || DEFAULT_HOST,
  }
}

function readStore(value: string, schema: string): StoreConfig {
  if (value.startsWith('sqlite:')) {
    const path = value.slice('sqlite:'.length)
    if (path === '') {
      throw new Error(
        'PLAFOND_STORE expected sqlite:PATH with a file path, found "sqlite:" alone. Write e.g. sqlite:./ministry.db.',
      )
    }
    return { kind: 'sqlite', path }
  }
  if (value.startsWith('postgres://') || value.startsWith('postgresql://')) {
    if (!SCHEMA.test(schema)) {
      throw new Error(
        `PLAFOND_PG_SCHEMA expected a schema name of lower-case letters, digits and _, found ${JSON.stringify(schema)}.`,
      )
    }
    return { kind: 'postgres', connectionString: value, schema }
  }
  throw new Error(
    `PLAFOND_STORE expected sqlite:PATH or a postgres:// URL, found ${JSON.stringify(redact(value))}. Write e.g. sqlite:./ministry.db or postgres://user@host:5432/database.`,
  )
}

function readPort(value: string): number {
  const port = Number(value)
  if (!/^[0-9]{1,5}$/.test(value) || port > 65_535) {
    throw new Error(`PORT expected a TCP port from 0 to 65535, found ${JSON.stringify(value)}.`)
  }
  return port
}

/** The store as it may appear in a log: a PostgreSQL URL without its password. */
export function describeStore(store: StoreConfig): string {
  switch (store.kind) {
    case 'sqlite':
      return `sqlite:${store.path}`
    case 'postgres':
      return `${redact(store.connectionString)} (schema ${store.schema})`
  }
}

function redact(value: string): string {
  return value.replace(/^([a-z]+:\/\/[^:/@]*):[^@]*@/i, '$1:***@')
}
