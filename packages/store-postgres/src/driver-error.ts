import { LedgerError, isLedgerError } from '@plafond/core'

/** Where a failure happened, for the message: the schema and what the store was doing. */
export interface FailureContext {
  readonly schema: string
  /** A short phrase: "appending", "reading the log". */
  readonly doing: string
}

/** Errors of the socket under the driver: the server is down, unreachable or went away. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
])

/** Messages pg gives, without a code, when it has no usable connection. */
const CONNECTION_MESSAGES = [
  /connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /not queryable/i,
  /cannot use a pool after calling end/i,
  /query read timeout/i,
]

/**
 * A connection lost while COMMIT was on the wire leaves the append's fate unknown to the client;
 * the command id settles it.
 */
const UNKNOWN_COMMIT =
  'An append that failed this way either committed just before the failure or wrote nothing: retry the command with the same commandId, and the ledger returns the first outcome if there was one.'

/** The SQLSTATE of a server error (five characters), if `error` is one. */
function sqlStateOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined
}

function isConnectionFailure(error: unknown): boolean {
  if (!(error instanceof Error)) return false
  const code = (error as { code?: unknown }).code
  if (typeof code === 'string' && NETWORK_CODES.has(code)) return true
  if (error instanceof AggregateError && error.errors.some(isConnectionFailure)) return true
  return CONNECTION_MESSAGES.some((pattern) => pattern.test(error.message))
}

/**
 * Turns a pg error into the `LedgerError` the port promises, with the driver's error as `cause`.
 * `LedgerError`s pass through; errors that come neither from the server nor from the connection
 * (bugs) are returned unchanged for the caller to rethrow.
 */
export function translateDriverError(error: unknown, context: FailureContext): unknown {
  if (isLedgerError(error)) return error
  const where = `PostgreSQL schema ${context.schema}, while ${context.doing}`
  const message = error instanceof Error ? error.message : String(error)
  const sqlState = sqlStateOf(error)
  const details = { schema: context.schema, sqlState }
  if (sqlState === undefined) {
    if (!isConnectionFailure(error)) return error
    return new LedgerError(
      'STORE_UNAVAILABLE',
      `Cannot reach PostgreSQL (${where}): ${message}. Check that the server is up and the connection string is right, then retry. ${UNKNOWN_COMMIT}`,
      { cause: error, details },
    )
  }
  const constraint = (error as { constraint?: unknown }).constraint
  if (sqlState === '23505' && constraint === 'events_id_key') {
    return new LedgerError(
      'INVALID_ARGUMENT',
      `An event id is already in the log (${where}): every event needs a new id (a ULID). Nothing was written.`,
      { cause: error, details: { ...details, constraint } },
    )
  }
  if (sqlState === '55P03') {
    return new LedgerError(
      'STORE_UNAVAILABLE',
      `A lock stayed held past the lock timeout (${where}: ${message}): a session is holding the log head or a table. Nothing was written. Find it in pg_locks / pg_stat_activity and end it, then retry.`,
      { cause: error, details },
    )
  }
  // 23505: another writer stored the same stream version or command outcome first; 40001, 40P01:
  // the server aborted the transaction to keep transactions serialisable.
  if (['23505', '40001', '40P01'].includes(sqlState)) {
    return new LedgerError(
      'CONCURRENCY_CONFLICT',
      `Another writer changed the same data at the same time (${where}: ${message}). Nothing was written; reload and decide again.`,
      { cause: error, details: { ...details, constraint } },
    )
  }
  // Undefined table, column or schema: something dropped or altered the store's tables.
  if (['42P01', '42703', '3F000'].includes(sqlState)) {
    return new LedgerError(
      'INCOMPATIBLE_STORE',
      `The store's tables are not what this @plafond/store-postgres expects (${where}: ${message}): they were dropped or altered by someone else. Restore the schema from a backup, or point the store at another schema.`,
      { cause: error, details },
    )
  }
  // Data exceptions: a value PostgreSQL cannot store (a NUL character in text, a number out of range).
  if (sqlState.startsWith('22')) {
    return new LedgerError(
      'INVALID_ARGUMENT',
      `PostgreSQL refused a value (${where}: ${message}). Nothing was written; remove the offending value.`,
      { cause: error, details },
    )
  }
  return new LedgerError(
    'STORE_UNAVAILABLE',
    `PostgreSQL failed (${where}: ${sqlState} ${message}). Check the server (its log, disk space, permissions of the role), then retry. ${UNKNOWN_COMMIT}`,
    { cause: error, details },
  )
}
