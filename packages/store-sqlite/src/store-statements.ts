import type Database from 'better-sqlite3'
import { EVENT_COLUMNS, type EventRow } from './event-row.js'

/** A row of `log_head`. */
export interface HeadRow {
  readonly position: number
  readonly hash: string
}

/** A row of `command_outcomes`. */
export interface OutcomeRow {
  readonly command_id: string
  readonly type: string
  readonly content: string
  readonly result: string
  readonly recorded_at: string
}

/**
 * The statements the store runs on the log and outcomes, prepared once when it opens; appends
 * insert their rows with `ChunkedInsert`s (`append-events.ts`).
 */
export interface StoreStatements {
  readonly streamVersion: Database.Statement<[string], number>
  readonly outcomeExists: Database.Statement<[string], number>
  readonly head: Database.Statement<[], HeadRow>
  readonly saveHead: Database.Statement<[number, string]>
  readonly findOutcome: Database.Statement<[string], OutcomeRow>
  readonly readAll: Database.Statement<[number, number], EventRow>
  readonly readStream: Database.Statement<[string, number, number], EventRow>
}

/**
 * Prepares the store's statements on an open ledger database. A stream is read `batchSize` rows
 * at a time, a limit written into the statement: bound as a parameter, it cost SQLite about 3 µs
 * more on every run (5.0 against 2.3 µs for a stream with no events), and a ledger reads the
 * empty stream of every call-off it awards.
 */
export function prepareStoreStatements(db: Database.Database, batchSize: number): StoreStatements {
  if (!Number.isSafeInteger(batchSize) || batchSize < 1) {
    throw new RangeError(`Expected a positive integer batch size, found ${batchSize}.`)
  }
  return {
    // The UNIQUE (stream, version) index answers this without touching the rows.
    streamVersion: db
      .prepare<[string], number>(
        'SELECT version FROM events WHERE stream = ? ORDER BY version DESC LIMIT 1',
      )
      .pluck(),
    // Only to name the command id the outcomes' primary key refused, after the append failed.
    outcomeExists: db
      .prepare<[string], number>('SELECT 1 FROM command_outcomes WHERE command_id = ?')
      .pluck(),
    head: db.prepare<[], HeadRow>('SELECT position, hash FROM log_head WHERE singleton = 1'),
    saveHead: db.prepare<[number, string]>(
      `INSERT INTO log_head (singleton, position, hash) VALUES (1, ?, ?)
       ON CONFLICT (singleton) DO UPDATE SET position = excluded.position, hash = excluded.hash`,
    ),
    findOutcome: db.prepare<[string], OutcomeRow>(
      'SELECT command_id, type, content, result, recorded_at FROM command_outcomes WHERE command_id = ?',
    ),
    // Keyset pagination: each batch starts after the last row of the previous one.
    readAll: db
      .prepare<[number, number], EventRow>(
        `SELECT ${EVENT_COLUMNS} FROM events WHERE position >= ? ORDER BY position LIMIT ?`,
      )
      .raw(),
    readStream: db
      .prepare<[string, number, number], EventRow>(
        `SELECT ${EVENT_COLUMNS} FROM events WHERE stream = ? AND version >= ? AND version <= ? ORDER BY version LIMIT ${batchSize}`,
      )
      .raw(),
  }
}
