import { LedgerError } from '@plafond/core'

/** How much SQLite waits for the disk at each commit (see the README's "Durability"). */
export type SqliteSynchronous = 'FULL' | 'NORMAL'

/** Options of `createSqliteStore`. */
export interface SqliteStoreOptions {
  /** The ledger file; created with the current schema when missing (`':memory:'` for a private, non-durable database). */
  readonly path: string
  /**
   * `'FULL'` (default): `append` resolves only once the commit is on disk, so it survives a power
   * loss. `'NORMAL'`: commits are synced at checkpoints only, faster, and a power loss (not a
   * process crash) may lose the last commits, never the file's consistency.
   */
  readonly synchronous?: SqliteSynchronous
  /** How long a write waits for another process's lock before `STORE_UNAVAILABLE`; 5000 ms by default. */
  readonly busyTimeoutMs?: number
  /** Events fetched per query by `readAll` and `readStream` when the caller does not say; 1000 by default. */
  readonly batchSize?: number
  /**
   * Opens an existing ledger for reading only: appends and checkpoint saves are refused, and a file
   * of an older schema is read as it is (a read-only store cannot migrate it).
   */
  readonly readonly?: boolean
  /**
   * A batched read of the log (`readAllBatches`, a projection catch-up) with at least this many
   * events before the head reads them on a worker thread, on its own read-only connection, while
   * the caller works on the previous pages (ADR 15); 20 000 by default, `Infinity` for never.
   */
  readonly readAheadEvents?: number
}

/** The options with their defaults filled in, checked. */
export type ResolvedSqliteStoreOptions = Required<SqliteStoreOptions>

function invalid(name: string, expected: string, found: unknown): LedgerError {
  return new LedgerError(
    'INVALID_ARGUMENT',
    `Expected ${name} to be ${expected}, found ${JSON.stringify(found) ?? String(found)}.`,
    { details: { [name]: found } },
  )
}

/** Fills in the defaults and throws `INVALID_ARGUMENT` for a value the store cannot use. */
export function resolveSqliteStoreOptions(options: SqliteStoreOptions): ResolvedSqliteStoreOptions {
  const resolved = {
    path: options.path,
    synchronous: options.synchronous ?? 'FULL',
    busyTimeoutMs: options.busyTimeoutMs ?? 5000,
    batchSize: options.batchSize ?? 1000,
    readonly: options.readonly ?? false,
    readAheadEvents: options.readAheadEvents ?? 20_000,
  }
  if (typeof resolved.path !== 'string' || resolved.path === '') {
    throw invalid('path', 'the path of the ledger file', resolved.path)
  }
  if (resolved.synchronous !== 'FULL' && resolved.synchronous !== 'NORMAL') {
    throw invalid('synchronous', "'FULL' or 'NORMAL'", resolved.synchronous)
  }
  if (!Number.isSafeInteger(resolved.busyTimeoutMs) || resolved.busyTimeoutMs < 0) {
    throw invalid('busyTimeoutMs', 'a whole number of milliseconds ≥ 0', resolved.busyTimeoutMs)
  }
  if (!Number.isSafeInteger(resolved.batchSize) || resolved.batchSize < 1) {
    throw invalid('batchSize', 'a positive integer', resolved.batchSize)
  }
  const ahead = resolved.readAheadEvents
  if (ahead !== Infinity && (!Number.isSafeInteger(ahead) || ahead < 1)) {
    throw invalid('readAheadEvents', 'a positive integer or Infinity', ahead)
  }
  return resolved
}
