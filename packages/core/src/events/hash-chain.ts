import { hash } from 'node:crypto'
import { canonicalJson, quotedString } from './canonical-json.js'
import type { RecordedEvent } from './envelope.js'

/** The `prevHash` of the first event in a log. */
export const GENESIS_HASH = '0'.repeat(64)

/** The parts of a recorded event that its hash covers: everything but `hash`. */
export type UnhashedEvent = Omit<RecordedEvent, 'hash'>

/** `data` and `meta` already serialized by `canonicalJson`, for a store that writes that text. */
export interface CanonicalParts {
  readonly data: string
  readonly meta: string
}

/**
 * sha256(prevHash + canonical JSON of the envelope without `hash`), as lowercase hex. A store that
 * keeps `canonicalJson(data)` and `canonicalJson(meta)` passes them as `canonical`, so that they
 * are not serialized twice; the hash then covers exactly the text it stores.
 */
export function hashEvent(event: UnhashedEvent, canonical?: CanonicalParts): string {
  return hashOfText(event.prevHash, hashedText(event, canonical))
}

/**
 * The canonical JSON of an event without its `hash`: the text its hash covers after `prevHash`.
 * `JSON.parse` of it gives back every member, without `undefined` ones.
 */
export function hashedText(event: UnhashedEvent, canonical?: CanonicalParts): string {
  // The same bytes as canonicalJson of the envelope, with its keys written in their sorted order
  // directly: this runs for every event written and every event verified.
  const data = canonical === undefined ? canonicalJson(event.data) : canonical.data
  const meta = canonical === undefined ? canonicalJson(event.meta) : canonical.meta
  return (
    `{"data":${data},"id":${quotedString(event.id)},"meta":${meta}` +
    `,"position":${quotedString(event.position)},"prevHash":${quotedString(event.prevHash)}` +
    `,"schemaVersion":${canonicalJson(event.schemaVersion)},"stream":${quotedString(event.stream)}` +
    `,"type":${quotedString(event.type)},"version":${canonicalJson(event.version)}}`
  )
}

/** An event's hash from its `prevHash` and its `hashedText`. */
export function hashOfText(prevHash: string, text: string): string {
  // The one-shot hash: a third of the cost of createHash().update().digest() for one event.
  return hash('sha256', prevHash + text, 'hex')
}

/** Adds `hash` to an event whose other fields, `prevHash` included, are final. */
export function sealEvent(event: UnhashedEvent): RecordedEvent {
  return { ...event, hash: hashEvent(event) }
}
