import {
  decodeEvent,
  EVENT_CATALOGUE,
  isEventType,
  upcast,
  type LedgerEvent,
  type RecordedEvent,
} from '@plafond/core'

/**
 * How events are read before projections apply them:
 * - `validate`: core's `decodeEvent` (upcast, then the zod schema): for logs whose origin is not
 *   known to be this ledger.
 * - `trust`: upcast only, no schema check: for events the ledger validated on write and whose hash
 *   chain verified (or that `ledger.readAll()` already decoded). About ten times cheaper; see ADR 5.
 */
export type ReadMode = 'validate' | 'trust'

/**
 * Reads a stored event as a typed ledger event. In `trust` mode an unknown type or a future
 * schema version still throws `INVALID_EVENT` (both are one comparison), but the data is not
 * checked against its schema.
 */
export function readEvent(recorded: RecordedEvent, mode: ReadMode): LedgerEvent {
  if (mode === 'validate') return decodeEvent(recorded)
  const type = recorded.type
  if (!isEventType(type)) return decodeEvent(recorded)
  const current = EVENT_CATALOGUE[type].schemaVersion
  if (recorded.schemaVersion === current) return recorded as LedgerEvent
  if (recorded.schemaVersion > current) return decodeEvent(recorded)
  return {
    ...recorded,
    schemaVersion: current,
    data: upcast(type, recorded.schemaVersion, recorded.data),
  } as LedgerEvent
}
