import type { ZodType } from 'zod'
import { LedgerError } from '../ledger/ledger-error.js'
import { asStored } from './canonical-json.js'
import type { RecordedEvent } from './envelope.js'
import { EVENT_CATALOGUE, isEventType, type DomainEvent } from './event-catalogue.js'
import { upcast } from './upcasters.js'
import { compileParser, NOT_SURE, type CompiledParser } from '../validation/compiled-parser.js'

/** A recorded event whose data has been validated against its schema: typed by `type`. */
export type LedgerEvent = Omit<RecordedEvent, 'type' | 'data'> & DomainEvent

function issuesOf(error: {
  readonly issues: readonly { path: readonly PropertyKey[]; message: string }[]
}): string {
  return error.issues
    .map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`)
    .join('; ')
}

const compiled = new Map<string, CompiledParser>()

/** The event data schema of a type, compiled once (`compileParser`), as zod would parse it. */
function parseData(
  type: DomainEvent['type'],
  data: unknown,
): { success: true; data: unknown } | ReturnType<ZodType['safeParse']> {
  let parser = compiled.get(type)
  if (parser === undefined) {
    parser = compileParser(EVENT_CATALOGUE[type].schema as ZodType)
    compiled.set(type, parser)
  }
  const fast = parser(data)
  if (fast !== NOT_SURE) return { success: true, data: fast }
  return (EVENT_CATALOGUE[type].schema as ZodType).safeParse(data)
}

/**
 * Validates a domain event's data against its schema before it is written, and returns it in
 * canonical form. Throws `INVALID_EVENT` when a decider produced data its schema refuses.
 */
export function encodeEvent(event: DomainEvent): {
  type: string
  schemaVersion: number
  data: unknown
} {
  const encoded = validatedEvent(event)
  // The parser's output is already a fresh object: copy it again only to drop undefined members.
  return { ...encoded, data: asStored(encoded.data) }
}

/**
 * `encodeEvent` without dropping `undefined` members: for the ledger, whose store drops them as it
 * serializes the event (and gives back what it kept), so that no one walks the data twice.
 */
export function validatedEvent(event: DomainEvent): {
  type: string
  schemaVersion: number
  data: unknown
} {
  const parsed = parseData(event.type, event.data)
  if (!parsed.success) {
    throw new LedgerError(
      'INVALID_EVENT',
      `Refusing to write a ${event.type} event whose data does not match its schema: ${issuesOf(parsed.error)}.`,
      { details: { type: event.type } },
    )
  }
  return {
    type: event.type,
    schemaVersion: EVENT_CATALOGUE[event.type].schemaVersion,
    data: parsed.data,
  }
}

/**
 * Reads a stored event: upcasts older schema versions to the current one, then validates the data.
 * Throws `INVALID_EVENT` for an unknown type, a future schema version or data that fails its schema.
 */
export function decodeEvent(recorded: RecordedEvent): LedgerEvent {
  if (!isEventType(recorded.type)) {
    throw new LedgerError(
      'INVALID_EVENT',
      `Event at position ${recorded.position} has unknown type ${recorded.type}; it was written by another program or a newer Plafond. Upgrade @plafond/core.`,
      { details: { position: recorded.position, type: recorded.type } },
    )
  }
  const definition = EVENT_CATALOGUE[recorded.type]
  if (recorded.schemaVersion > definition.schemaVersion) {
    throw new LedgerError(
      'INVALID_EVENT',
      `Event at position ${recorded.position} is ${recorded.type} v${recorded.schemaVersion}, newer than this Plafond knows (v${definition.schemaVersion}). Upgrade @plafond/core.`,
      {
        details: {
          position: recorded.position,
          type: recorded.type,
          schemaVersion: recorded.schemaVersion,
        },
      },
    )
  }
  const data = upcast(recorded.type, recorded.schemaVersion, recorded.data)
  const parsed = parseData(recorded.type, data)
  if (!parsed.success) {
    throw new LedgerError(
      'INVALID_EVENT',
      `Event at position ${recorded.position} (${recorded.type}) does not match its schema: ${issuesOf(parsed.error)}.`,
      { details: { position: recorded.position, type: recorded.type } },
    )
  }
  return { ...recorded, schemaVersion: definition.schemaVersion, data: parsed.data } as LedgerEvent
}
