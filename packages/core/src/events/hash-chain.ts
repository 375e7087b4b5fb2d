import { createHash } from 'node:crypto'
import { canonicalJson } from './canonical-json.js'
import type { RecordedEvent } from './envelope.js'

/** The `prevHash` of the first event in a log. */
export const GENESIS_HASH = '0'.repeat(64)

/** The parts of a recorded event that its hash covers: everything but `hash`. */
export type UnhashedEvent = Omit<RecordedEvent, 'hash'>

/** sha256(prevHash + canonical JSON of the envelope without `hash`), as lowercase hex. */
export function hashEvent(event: UnhashedEvent): string {
  const body = canonicalJson({
    id: event.id,
    stream: event.stream,
    version: event.version,
    position: event.position,
    type: event.type,
    schemaVersion: event.schemaVersion,
    data: event.data,
    meta: event.meta,
    prevHash: event.prevHash,
  })
  return createHash('sha256').update(event.prevHash).update(body).digest('hex')
}

/** Adds `hash` to an event whose other fields, `prevHash` included, are final. */
export function sealEvent(event: UnhashedEvent): RecordedEvent {
  return { ...event, hash: hashEvent(event) }
}
