import type { ExecuteResult } from '@plafond/core'
import type { HttpReply } from './http-reply.js'
import { statusForRejection } from './status-for-rejection.js'

/** Set to `true` on the answer to a command id the ledger had already seen. */
export const REPLAYED_HEADER = 'Idempotent-Replayed'

/**
 * The reply to one executed command: 201 with its events when it wrote them, 200 with the same
 * events when they had been written by an earlier request with the same `commandId`, and the
 * rejection's status (403, 409 or 422) with `{ code, message, ...details }` when it was refused,
 * first or again.
 */
export function replyForResult(result: ExecuteResult): HttpReply {
  const headers = { [REPLAYED_HEADER]: String(result.replayed) }
  if (result.ok) {
    return {
      status: result.replayed ? 200 : 201,
      body: { replayed: result.replayed, events: result.events },
      headers,
    }
  }
  const { code, message, ...details } = result.rejection
  return {
    status: statusForRejection(code),
    // code and message first, for a person reading the answer.
    body: { code, message, ...details, replayed: result.replayed },
    headers,
  }
}
