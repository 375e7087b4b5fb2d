import type { EventMeta, RecordedEvent } from '@plafond/core'

/** A row of the `events` table as the store selects it. */
export interface EventRow {
  readonly position: string
  readonly id: string
  readonly stream: string
  readonly version: number
  readonly type: string
  readonly schema_version: number
  readonly data: string
  readonly meta: string
  readonly prev_hash: string
  readonly hash: string
}

/**
 * The SELECT list of `EventRow`, over the events table aliased `e`. The position is cast to text
 * so that it stays exact whatever type parser the caller's pg installed for bigint; queries must
 * then sort by `e.position`, since a bare `position` names the text column of the output.
 */
export const EVENT_COLUMNS =
  'e.position::text AS position, e.id, e.stream, e.version, e.type, e.schema_version, e.data, e.meta, e.prev_hash, e.hash'

/** The recorded event a row stores: `data` and `meta` parsed from their canonical JSON. */
export function eventFromRow(row: EventRow): RecordedEvent {
  return {
    id: row.id,
    stream: row.stream,
    version: row.version,
    position: row.position,
    type: row.type,
    schemaVersion: row.schema_version,
    data: JSON.parse(row.data) as unknown,
    meta: JSON.parse(row.meta) as EventMeta,
    prevHash: row.prev_hash,
    hash: row.hash,
  }
}
