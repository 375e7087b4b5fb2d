import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { CommandInput, Ledger } from '@plafond/core'
import { applyIdempotencyKey, IDEMPOTENCY_KEY_HEADER } from './apply-idempotency-key.js'
import { problemReply, sendReply, type HttpReply } from './http-reply.js'
import { ACTOR_HEADER, readActor, type ActorReading } from './read-actor.js'
import { readEventsPage } from './read-events-page.js'
import { readJsonBody } from './read-json-body.js'
import { replyForError } from './reply-for-error.js'
import { replyForResult } from './reply-for-result.js'
import { logToStderr, type ServiceLog } from './service-log.js'

/** The largest request body accepted by default: 1 MiB, a batch of about 3 000 commands. */
export const DEFAULT_BODY_LIMIT_BYTES = 1024 * 1024

/** Options of `createService`. */
export interface ServiceOptions {
  /** The largest request body accepted, in bytes; larger ones get 413. 1 MiB by default. */
  readonly bodyLimitBytes?: number
  /** Where failures are logged, with their stack and an `errorId`; JSON lines on stderr by default. */
  readonly log?: ServiceLog
}

type Route = (request: IncomingMessage, url: URL) => Promise<HttpReply>

/**
 * The ministry's HTTP service around a ledger, not yet listening: `POST /commands`,
 * `POST /commands/batch`, `GET /events`, `GET /verify` and `GET /health` (README, "HTTP API").
 * The caller owns the ledger: `server.close()` does not close it (see `stopGracefully`).
 *
 * ```ts
 * const server = createService(createLedger())
 * server.listen(8080, '127.0.0.1')
 * ```
 */
export function createService(ledger: Ledger, options: ServiceOptions = {}): Server {
  const bodyLimit = options.bodyLimitBytes ?? DEFAULT_BODY_LIMIT_BYTES
  const log = options.log ?? logToStderr

  const executeOne: Route = async (request) => {
    const actor = readActor(request.headers[ACTOR_HEADER])
    if (!actor.ok) return actor.reply
    const body = await readJsonBody(request, bodyLimit)
    if (!body.ok) return body.reply
    const keyed = applyIdempotencyKey(body.value, request.headers[IDEMPOTENCY_KEY_HEADER])
    if (!keyed.ok) return keyed.reply
    return replyForResult(await ledger.execute(keyed.body as CommandInput, { actor: actor.actor }))
  }

  const executeBatch: Route = async (request) => {
    const actor = readActor(request.headers[ACTOR_HEADER])
    if (!actor.ok) return actor.reply
    if (request.headers[IDEMPOTENCY_KEY_HEADER] !== undefined) {
      return problemReply(
        422,
        'idempotency_key_not_supported',
        'Expected no Idempotency-Key header on a batch, found one: each command of a batch is its own idempotency key through its commandId. Remove the header.',
      )
    }
    const body = await readJsonBody(request, bodyLimit)
    if (!body.ok) return body.reply
    if (!Array.isArray(body.value)) {
      const message = `Expected a JSON array of commands, found ${body.value === null ? 'null' : typeof body.value}.`
      return problemReply(
        422,
        'invalid_command',
        `${message} Send [ { "type": …, "commandId": … }, … ].`,
        {
          path: '(root)',
          issues: [{ path: '(root)', message }],
        },
      )
    }
    const results = await ledger.executeBatch(body.value as CommandInput[], { actor: actor.actor })
    // Each result is what POST /commands would have answered for that command alone.
    const replies = results.map(replyForResult).map(({ status, body }) => ({ status, body }))
    return { status: 200, body: { results: replies } }
  }

  const readEvents: Route = async (request, url) => {
    const reader = readReader(request)
    if (!reader.ok) return reader.reply
    return readEventsPage(ledger, url.searchParams)
  }

  const verify: Route = async (request) => {
    const reader = readReader(request)
    if (!reader.ok) return reader.reply
    const result = await ledger.verify()
    if (result.ok) return { status: 200, body: result }
    // The ledger's own data is damaged: a server-side failure, which monitoring must see.
    return problemReply(
      500,
      'verification_failed',
      `The log does not verify at position ${result.position}: ${result.reason}. Stop writing, keep a copy of the store and follow docs/operations.md ("CORRUPT_LOG").`,
      { ok: false, position: result.position, reason: result.reason },
    )
  }

  const health: Route = async () => {
    if (!server.listening) {
      return problemReply(
        503,
        'stopping',
        'The service is shutting down.',
        {},
        { 'Retry-After': '5' },
      )
    }
    // Touches the store, so that a load balancer stops sending to an instance that lost it.
    await ledger.head()
    return { status: 200, body: { status: 'ok' } }
  }

  const routes: Readonly<Record<string, Readonly<Record<string, Route>>>> = {
    '/commands': { POST: executeOne },
    '/commands/batch': { POST: executeBatch },
    '/events': { GET: readEvents },
    '/verify': { GET: verify },
    '/health': { GET: health },
  }

  async function answer(request: IncomingMessage): Promise<HttpReply> {
    try {
      return await dispatch(request)
    } catch (error) {
      return replyForError(error, log)
    }
  }

  async function dispatch(request: IncomingMessage): Promise<HttpReply> {
    const url = new URL(request.url ?? '/', 'http://service.invalid')
    const methods = routes[url.pathname]
    if (methods === undefined) {
      return problemReply(
        404,
        'not_found',
        `No route ${url.pathname}. The service answers POST /commands, POST /commands/batch, GET /events, GET /verify and GET /health.`,
      )
    }
    const route = methods[request.method ?? '']
    if (route === undefined) {
      const allowed = Object.keys(methods).join(', ')
      return problemReply(
        405,
        'method_not_allowed',
        `${url.pathname} answers ${allowed}, not ${request.method ?? 'this method'}.`,
        {},
        { Allow: allowed },
      )
    }
    return route(request, url)
  }

  const server = createServer((request, response) => {
    void answer(request).then((reply) => {
      // Stopping: answer, then close the connection instead of keeping it alive for another
      // request, so that the server's close completes as soon as the last answer is out.
      if (!server.listening) response.setHeader('Connection', 'close')
      sendReply(response, reply)
    })
  })
  // A client has this long to send its whole request; a slow trickle does not hold a socket.
  server.requestTimeout = 30_000
  return server
}

/** The actor of a read: anyone authenticated who holds a role (an auditor, a buyer, …). */
function readReader(request: IncomingMessage): ActorReading {
  const reading = readActor(request.headers[ACTOR_HEADER])
  if (!reading.ok || reading.actor.roles.length > 0) return reading
  return {
    ok: false,
    reply: problemReply(
      403,
      'forbidden',
      `Actor ${reading.actor.id} holds no role, so it may read nothing. Give it a role (an auditor reads everything).`,
    ),
  }
}
