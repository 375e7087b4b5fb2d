/** Codes of infrastructure failures. Domain refusals are never errors: they are returned. */
export const LEDGER_ERROR_CODES = [
  'CONCURRENCY_CONFLICT',
  'STORE_UNAVAILABLE',
  'STORE_CLOSED',
  'CORRUPT_LOG',
  'INVALID_EVENT',
  'INCOMPATIBLE_STORE',
  'INVALID_ARGUMENT',
] as const

/** The code of a `LedgerError`. */
export type LedgerErrorCode = (typeof LEDGER_ERROR_CODES)[number]

/**
 * An infrastructure failure: the store is unreachable, the log is corrupt, writers kept
 * conflicting past the retries. The driver's error, if any, is `cause`.
 */
export class LedgerError extends Error {
  override readonly name = 'LedgerError'
  /** What failed, as a stable UPPER_CASE code. */
  readonly code: LedgerErrorCode
  /** Facts about the failure (stream, versions, position, …). */
  readonly details: Readonly<Record<string, unknown>>

  constructor(
    code: LedgerErrorCode,
    message: string,
    options: {
      readonly cause?: unknown
      readonly details?: Readonly<Record<string, unknown>>
    } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause })
    this.code = code
    this.details = options.details ?? {}
  }
}

/** Whether `error` is a `LedgerError`, optionally with a given code. Checks the name, not the class, so it works across copies of the package. */
export function isLedgerError(error: unknown, code?: LedgerErrorCode): error is LedgerError {
  return (
    error instanceof Error &&
    error.name === 'LedgerError' &&
    (LEDGER_ERROR_CODES as readonly string[]).includes((error as LedgerError).code) &&
    (code === undefined || (error as LedgerError).code === code)
  )
}
