import type { ServerResponse } from 'node:http'

/** What a route answers: an HTTP status, a JSON body and any extra headers. */
export interface HttpReply {
  /** The HTTP status code. */
  readonly status: number
  /** The body, serialised as JSON. */
  readonly body: unknown
  /** Headers beside `Content-Type` and `Content-Length` (`Retry-After`, `Allow`, …). */
  readonly headers?: Readonly<Record<string, string>>
}

/**
 * A reply that explains a refusal or a failure in the same shape as a ledger rejection:
 * `{ code, message, ...details }`, so that clients read every non-2xx answer the same way.
 */
export function problemReply(
  status: number,
  code: string,
  message: string,
  details: Readonly<Record<string, unknown>> = {},
  headers?: Readonly<Record<string, string>>,
): HttpReply {
  return {
    status,
    // code and message first, for a person reading the answer.
    body: { code, message, ...details },
    ...(headers === undefined ? {} : { headers }),
  }
}

/** Writes a reply as JSON. Answers are never cached: they describe the ledger at one instant. */
export function sendReply(response: ServerResponse, reply: HttpReply): void {
  const text = JSON.stringify(reply.body)
  response.writeHead(reply.status, {
    ...reply.headers,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  })
  response.end(text)
}
