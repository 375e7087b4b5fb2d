import { LedgerError, isLedgerError } from '@plafond/core'
import Database from 'better-sqlite3'

/** Where a failure happened, for the error message: the file and the operation. */
export interface SqliteFailureContext {
  readonly path: string
  /** What the store was doing, as a short phrase ("appending", "reading the log"). */
  readonly doing: string
  readonly busyTimeoutMs: number
}

function codeOf(error: unknown): string | undefined {
  return error instanceof Database.SqliteError ? error.code : undefined
}

/**
 * Whether `error` is the outcomes' primary key refusing a command id that already has an outcome:
 * the append then owes the caller `duplicateOutcome`, which names the id.
 */
export function isOutcomeConflict(error: unknown): boolean {
  return (
    codeOf(error) === 'SQLITE_CONSTRAINT_PRIMARYKEY' &&
    /command_outcomes\.command_id/.test((error as Error).message)
  )
}

/**
 * Turns a better-sqlite3 error into the `LedgerError` the port promises, with the driver's error as
 * `cause`. `LedgerError`s pass through; errors that are not the driver's (bugs) are rethrown as is.
 */
export function translateSqliteError(error: unknown, context: SqliteFailureContext): unknown {
  if (isLedgerError(error)) return error
  const code = codeOf(error)
  if (code === undefined) return error
  const where = `${context.path} while ${context.doing}`
  const details = { path: context.path, sqliteCode: code }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new LedgerError(
      'STORE_UNAVAILABLE',
      `SQLite file ${where}: another connection held the lock for longer than the busy timeout (${context.busyTimeoutMs} ms). Retry, or raise busyTimeoutMs if long writes are expected.`,
      { cause: error, details },
    )
  }
  if (
    code === 'SQLITE_CONSTRAINT_UNIQUE' &&
    error instanceof Error &&
    /events\.id/.test(error.message)
  ) {
    return new LedgerError(
      'INVALID_ARGUMENT',
      `SQLite file ${where}: an event id is already in the log (or repeated in the append); every event needs a new id. Nothing was written.`,
      { cause: error, details },
    )
  }
  if (
    code.startsWith('SQLITE_CORRUPT') ||
    code === 'SQLITE_NOTADB' ||
    code.startsWith('SQLITE_CONSTRAINT')
  ) {
    return new LedgerError(
      'CORRUPT_LOG',
      `SQLite file ${where}: the file contradicts the ledger's own bookkeeping (${code}: ${(error as Error).message}). Run verify to find the first bad position, and restore from a backup.`,
      { cause: error, details },
    )
  }
  return new LedgerError(
    'STORE_UNAVAILABLE',
    `SQLite file ${where} failed (${code}: ${(error as Error).message}). Check the disk (space, permissions, the file system) and retry.`,
    { cause: error, details },
  )
}
