import { createHash } from 'node:crypto'
import { canonicalJson } from './canonical-json.js'
import type { RecordedEvent } from './envelope.js'

/** The `prevHash` of the first event in a log. */
export const GENESIS_HASH = '0'.repeat(64)

/** The parts of a recorded event that its hash covers: everything but `hash`. */
export type UnhashedEvent = Omit<RecordedEvent, 'hash'>

/** sha256(prevHash + canonical JSON of the envelope without `hash`), as lowercase hex. */
export function hashEvent(event: UnhashedEvent): string {
  // The same bytes as canonicalJson of the envelope, with its keys written in their sorted order
  // directly: this runs for every event written and every event verified.
  const body =
    `{"data":${canonicalJson(event.data)},"id":${JSON.stringify(event.id)},"meta":${canonicalJson(event.meta)}` +
    `,"position":${JSON.stringify(event.position)},"prevHash":${JSON.stringify(event.prevHash)}` +
    `,"schemaVersion":${canonicalJson(event.schemaVersion)},"stream":${JSON.stringify(event.stream)}` +
    `,"type":${JSON.stringify(event.type)},"version":${canonicalJson(event.version)}}`
  return createHash('sha256')
    .update(event.prevHash + body)
    .digest('hex')
}

/** Adds `hash` to an event whose other fields, `prevHash` included, are final. */
export function sealEvent(event: UnhashedEvent): RecordedEvent {
  return { ...event, hash: hashEvent(event) }
}
