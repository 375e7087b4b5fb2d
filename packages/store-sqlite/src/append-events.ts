import {
  GENESIS_HASH,
  canonicalJson,
  duplicateOutcome,
  hashEvent,
  outcomeResultJson,
  startVersions,
  undefinedMembersSkipped,
  withoutUndefined,
  type CanonicalParts,
  type CommandOutcome,
  type RecordedEvent,
  type StreamWrite,
} from '@plafond/core'
import type Database from 'better-sqlite3'
import { ChunkedInsert } from './chunked-insert.js'
import { isOutcomeConflict } from './sqlite-error.js'
import type { StoreStatements } from './store-statements.js'

/** The columns an event's row is written with, in the order `appendEvents` writes its values. */
const EVENT_WRITE_COLUMNS = [
  'position',
  'id',
  'stream',
  'version',
  'type',
  'schema_version',
  'data',
  'meta',
  'prev_hash',
  'hash',
] as const

const OUTCOME_WRITE_COLUMNS = ['command_id', 'type', 'content', 'result', 'recorded_at'] as const

/** A recorded event while it is built: `hash` is filled last, once the rest is final. */
type Sealing = { -readonly [K in keyof RecordedEvent]: RecordedEvent[K] }

/**
 * Appends writes and outcomes in one `BEGIN IMMEDIATE` transaction and returns the events as
 * stored. Throws `CONCURRENCY_CONFLICT` for a stale expected version or a command id that already
 * has an outcome, and the driver's error for anything else, having written nothing.
 */
export type AppendEvents = (
  writes: readonly StreamWrite[],
  outcomes: readonly CommandOutcome[],
) => RecordedEvent[]

/**
 * Prepares the append of a store: multi-row inserts (`ChunkedInsert`) for events and outcomes, and
 * the version and head reads. The database's constraints do the checks they can: a recorded
 * command id is refused by the outcomes' primary key and a repeated event id by the events' unique
 * index, each failing the statement and so the transaction; no lookup runs per row beforehand.
 */
export function prepareAppendEvents(
  db: Database.Database,
  statements: StoreStatements,
): AppendEvents {
  const eventRows = new ChunkedInsert(db, 'events', EVENT_WRITE_COLUMNS)
  const outcomeRows = new ChunkedInsert(db, 'command_outcomes', OUTCOME_WRITE_COLUMNS)

  const transaction = db.transaction(
    (writes: readonly StreamWrite[], outcomes: readonly CommandOutcome[]): RecordedEvent[] => {
      // Expected versions first: a conflict there is reported whatever else is wrong.
      const versions = startVersions(writes, (stream) => statements.streamVersion.get(stream) ?? 0)
      // Outcomes before events, so that a recorded command id is reported before a repeated
      // event id, as when outcomes were looked up first.
      outcomeRows.clear()
      const o = outcomeRows.values
      for (const outcome of outcomes) {
        const at = outcomeRows.reserve()
        o[at] = outcome.commandId
        o[at + 1] = outcome.commandType
        o[at + 2] = outcome.content
        o[at + 3] = outcomeResultJson(outcome.result)
        o[at + 4] = outcome.recordedAt
      }
      outcomeRows.flush()

      const head = statements.head.get()
      let position = head?.position ?? 0
      let prevHash = head?.hash ?? GENESIS_HASH
      const written: RecordedEvent[] = []
      eventRows.clear()
      const e = eventRows.values
      // One object for every event's texts: hashEvent reads it and keeps nothing.
      const canonical: { -readonly [K in keyof CanonicalParts]: string } = { data: '', meta: '' }
      for (let w = 0; w < writes.length; w++) {
        const write = writes[w]!
        let version = versions[w]!
        for (const event of write.events) {
          position += 1
          version += 1
          // Serialized once: the text stored is the text hashed.
          const skipped = undefinedMembersSkipped()
          canonical.data = canonicalJson(event.data)
          canonical.meta = canonicalJson(event.meta)
          // The caller's objects unless their text left out `undefined` members, which the row
          // drops: what append returns is what a read gives back.
          const dropped = undefinedMembersSkipped() !== skipped
          const recorded: Sealing = {
            id: event.id,
            stream: write.stream,
            version,
            position: String(position),
            type: event.type,
            schemaVersion: event.schemaVersion,
            data: dropped ? withoutUndefined(event.data) : event.data,
            meta: dropped ? withoutUndefined(event.meta) : event.meta,
            prevHash,
            hash: '',
          }
          recorded.hash = hashEvent(recorded, canonical)
          const at = eventRows.reserve()
          e[at] = position
          e[at + 1] = recorded.id
          e[at + 2] = recorded.stream
          e[at + 3] = version
          e[at + 4] = recorded.type
          e[at + 5] = recorded.schemaVersion
          e[at + 6] = canonical.data
          e[at + 7] = canonical.meta
          e[at + 8] = prevHash
          e[at + 9] = recorded.hash
          prevHash = recorded.hash
          written.push(recorded)
        }
      }
      eventRows.flush()
      if (written.length > 0) statements.saveHead.run(position, prevHash)
      return written
    },
  )

  return (writes, outcomes) => {
    try {
      return transaction.immediate(writes, outcomes)
    } catch (error) {
      if (!isOutcomeConflict(error)) throw error
      // Rolled back by now; outcomes are never deleted, so the id the primary key refused is
      // still there to be named. The append refuses repeated ids within itself beforehand.
      const recorded = outcomes.find((outcome) => statements.outcomeExists.get(outcome.commandId))
      throw recorded === undefined ? error : duplicateOutcome(recorded.commandId)
    }
  }
}
