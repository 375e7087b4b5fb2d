import { problemReply, type HttpReply } from './http-reply.js'

/** The request header that carries the idempotency key, as Node lower-cases it. */
export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key'

/** The command body with its idempotency key settled, or the 422 reply for a mismatch. */
export type KeyedBody =
  { readonly ok: true; readonly body: unknown } | { readonly ok: false; readonly reply: HttpReply }

/**
 * Reconciles the `Idempotency-Key` header with the command's `commandId`, which is the ledger's
 * idempotency key: the header supplies `commandId` when the body has none, must equal it when
 * the body has one (422 `idempotency_key_mismatch` otherwise), and changes nothing when absent.
 * The ledger then validates `commandId` like any other field.
 *
 * The IETF draft (draft-ietf-httpapi-idempotency-key-header) writes the key as a quoted string,
 * `Idempotency-Key: "award-42"`; most APIs send it bare. Both are accepted.
 */
export function applyIdempotencyKey(
  body: unknown,
  value: string | readonly string[] | undefined,
): KeyedBody {
  if (value === undefined) return { ok: true, body }
  // Node joins repeated headers with ", ", which no valid command id contains: refused below
  // when the body has a commandId, by the ledger's validation when it has none.
  const raw = typeof value === 'string' ? value : value.join(', ')
  const header = /^"[^"\\]*"$/.test(raw) ? raw.slice(1, -1) : raw
  // Not an object: let the ledger say what a command looks like (`invalid_command`).
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return { ok: true, body }
  const command = body as Readonly<Record<string, unknown>>
  if (command.commandId === undefined) return { ok: true, body: { ...command, commandId: header } }
  if (command.commandId === header) return { ok: true, body }
  return {
    ok: false,
    reply: problemReply(
      422,
      'idempotency_key_mismatch',
      `Expected the Idempotency-Key header to equal the command's commandId, found ${JSON.stringify(header)} and ${JSON.stringify(command.commandId)}. Send one key: drop the header, or make it the commandId.`,
      { path: 'commandId', idempotencyKey: header, commandId: command.commandId },
    ),
  }
}
