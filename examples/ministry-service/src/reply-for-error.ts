import { randomUUID } from 'node:crypto'
import { isLedgerError, type LedgerErrorCode } from '@plafond/core'
import { problemReply, type HttpReply } from './http-reply.js'
import type { ServiceLog } from './service-log.js'

/**
 * Ledger failures that pass with time, and how many seconds a client should wait before sending
 * the same request again. Nothing was written (or the write committed and a retry with the same
 * `commandId` returns it), so the retry is safe.
 */
const TRANSIENT: Partial<Record<LedgerErrorCode, number>> = {
  // Other writers kept winning through the ledger's retries: a moment is enough.
  CONCURRENCY_CONFLICT: 1,
  // The database is down, locked or unreachable: give it time to come back or fail over.
  STORE_UNAVAILABLE: 5,
  // The service is shutting down; another instance, or this one restarted, will answer.
  STORE_CLOSED: 5,
}

/**
 * The reply to an error thrown while serving a request: 503 with `Retry-After` for a ledger
 * failure that passes with time, 500 otherwise. The body never carries a stack trace or the
 * driver's message (they may name hosts, files or SQL); the log gets them, under an `errorId`
 * that the body repeats so that an operator can find the entry.
 */
export function replyForError(error: unknown, log: ServiceLog): HttpReply {
  const errorId = randomUUID()
  const code = isLedgerError(error) ? error.code : undefined
  const retryAfter = code === undefined ? undefined : TRANSIENT[code]
  log({
    level: 'error',
    message: 'A request failed.',
    errorId,
    ...(code === undefined ? {} : { code }),
    error: describeError(error),
  })
  if (code !== undefined && retryAfter !== undefined) {
    return problemReply(
      503,
      code,
      `The ledger could not take the request now (${code}); nothing is lost. Send the same request again, with the same commandId, after ${retryAfter} s.`,
      { errorId, retryAfterSeconds: retryAfter },
      { 'Retry-After': String(retryAfter) },
    )
  }
  return problemReply(
    500,
    code ?? 'internal_error',
    `The service failed while handling the request${code === undefined ? '' : ` (${code})`}. Report errorId ${errorId} to the service's operators; a command may be sent again with the same commandId.`,
    { errorId },
  )
}

/** What the log keeps of an error: everything, including the stack and the chain of causes. */
function describeError(error: unknown, depth = 0): unknown {
  if (!(error instanceof Error)) return String(error)
  return {
    name: error.name,
    message: error.message,
    ...(isLedgerError(error) ? { code: error.code, details: error.details } : {}),
    stack: error.stack,
    ...(error.cause === undefined || depth > 4
      ? {}
      : { cause: describeError(error.cause, depth + 1) }),
  }
}
