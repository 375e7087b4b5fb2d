import type { Actor } from '@plafond/core'

/**
 * The value of the `X-Plafond-Actor` header for an actor: the base64url of its JSON. What a
 * trusted gateway would compute after verifying the caller's token.
 *
 * ```ts
 * encodeActor({ id: 'dinum', roles: [{ role: 'coordinator' }] })
 * // 'eyJpZCI6ImRpbnVtIiwicm9sZXMiOlt7InJvbGUiOiJjb29yZGluYXRvciJ9XX0'
 * ```
 */
export function encodeActor(actor: Actor): string {
  return Buffer.from(JSON.stringify(actor), 'utf8').toString('base64url')
}
