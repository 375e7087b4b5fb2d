import type { EventMeta, RecordedEvent } from '@plafond/core'

/** A row of the `events` table, in column order (statements read it in raw mode, as an array). */
export type EventRow = readonly [
  position: number,
  id: string,
  stream: string,
  version: number,
  type: string,
  schemaVersion: number,
  data: string,
  meta: string,
  prevHash: string,
  hash: string,
]

/** The columns of `EventRow`, for SELECT lists. */
export const EVENT_COLUMNS =
  'position, id, stream, version, type, schema_version, data, meta, prev_hash, hash'

/** The recorded event a row stores. `data` and `meta` are parsed; positions become decimal strings. */
export function eventFromRow(row: EventRow): RecordedEvent {
  return {
    id: row[1],
    stream: row[2],
    version: row[3],
    position: String(row[0]),
    type: row[4],
    schemaVersion: row[5],
    data: JSON.parse(row[6]) as unknown,
    meta: JSON.parse(row[7]) as EventMeta,
    prevHash: row[8],
    hash: row[9],
  }
}
