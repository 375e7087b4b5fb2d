import { Actor } from '@plafond/core'
import { problemReply, type HttpReply } from './http-reply.js'

/** The request header that carries the actor, as Node lower-cases it. */
export const ACTOR_HEADER = 'x-plafond-actor'

const NAME = 'X-Plafond-Actor'

// RFC 9110 asks a 401 to name a scheme. This one is the example's own: see README, "Security".
const CHALLENGE = { 'WWW-Authenticate': 'PlafondActor realm="plafond"' }

const BASE64URL = /^[A-Za-z0-9_-]+={0,2}$/

/** The actor of a request, or the 401 reply that says why there is none. */
export type ActorReading =
  { readonly ok: true; readonly actor: Actor } | { readonly ok: false; readonly reply: HttpReply }

/**
 * Reads the actor from `X-Plafond-Actor: <base64url of the JSON { id, roles }>` and validates it
 * with core's `Actor` schema.
 *
 * This trusts whoever sends the header, which is only acceptable in an example or behind a
 * gateway that sets it from a verified token and strips it from outside requests.
 */
export function readActor(header: string | readonly string[] | undefined): ActorReading {
  if (header === undefined || header === '') {
    return refuse(
      'missing_actor',
      `Expected an ${NAME} header holding the base64url JSON of { id, roles }; found none. Send who acts, e.g. { "id": "dinum", "roles": [{ "role": "coordinator" }] } encoded in base64url.`,
    )
  }
  if (typeof header !== 'string') {
    return refuse(
      'invalid_actor',
      `Expected one ${NAME} header, found ${header.length}. Send the actor once.`,
    )
  }
  if (!BASE64URL.test(header)) {
    return refuse(
      'invalid_actor',
      `Expected the ${NAME} header to be base64url (A-Z, a-z, 0-9, - and _), found other characters. Encode the actor's JSON with base64url, not plain base64 or raw JSON.`,
    )
  }
  let decoded: unknown
  try {
    decoded = JSON.parse(Buffer.from(header, 'base64url').toString('utf8'))
  } catch (error) {
    return refuse(
      'invalid_actor',
      `Expected the ${NAME} header to decode to JSON, but it does not (${(error as Error).message}). Encode JSON.stringify(actor) with base64url.`,
    )
  }
  const parsed = Actor.safeParse(decoded)
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => ({
      path: ['actor', ...issue.path.map(String)].join('.'),
      message: issue.message,
    }))
    const first = issues[0]!
    return refuse(
      'invalid_actor',
      `Expected the actor to be { id, roles } with roles such as { "role": "buyer", "beneficiaryId": "<SIRET>" }; at ${first.path}: ${first.message}. Fix the ${NAME} header.`,
      { path: first.path, issues },
    )
  }
  return { ok: true, actor: parsed.data }
}

function refuse(
  code: 'missing_actor' | 'invalid_actor',
  message: string,
  details: Readonly<Record<string, unknown>> = {},
): ActorReading {
  return { ok: false, reply: problemReply(401, code, message, details, CHALLENGE) }
}
