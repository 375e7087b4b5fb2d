import {
  LedgerError,
  checkReadAllOptions,
  checkReadStreamOptions,
  checkWriteShape,
  type AppendOptions,
  type AppendResult,
  type CommandOutcome,
  type EventStore,
  type LogHead,
  type OutcomeResult,
  type ProjectionCheckpoint,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type StreamWrite,
} from '@plafond/core'
import { prepareAppendEvents } from './append-events.js'
import { MissingCheckpointParts, prepareCheckpointTable } from './checkpoint-table.js'
import { eventFromLine, LINE_SQL, positionOfLine, prepareLineStatement } from './event-line.js'
import { eventFromRow, type EventRow } from './event-row.js'
import { openLedgerDatabase } from './open-ledger-database.js'
import { startReadAhead, type ReadAhead } from './read-ahead.js'
import { translateSqliteError } from './sqlite-error.js'
import { resolveSqliteStoreOptions, type SqliteStoreOptions } from './sqlite-store-options.js'
import { prepareStoreStatements } from './store-statements.js'

/**
 * Pages a worker may read ahead of a catch-up: about 4 000 events, a few MB of text; it reads the
 * next three when the reader is down to one.
 */
const READ_AHEAD_PAGES = 4

/** The first position to read, from a `fromPosition` that `checkReadAllOptions` accepted. */
function startPosition(fromPosition: string | undefined): number {
  if (fromPosition === undefined) return 1
  const position = BigInt(fromPosition)
  if (position < 1n) return 1
  return position > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(position)
}

function parseJson<T>(text: string, what: string, path: string): T {
  try {
    return JSON.parse(text) as T
  } catch (error) {
    throw new LedgerError(
      'CORRUPT_LOG',
      `SQLite file ${path}: ${what} is not valid JSON; the file was damaged or edited by hand. Restore it from a backup.`,
      { cause: error, details: { path } },
    )
  }
}

/**
 * An `EventStore` on a SQLite file (better-sqlite3): WAL, `synchronous=FULL` by default, a busy
 * timeout so that several processes share one file, a versioned schema migrated on open. Every
 * append is one `BEGIN IMMEDIATE` transaction: checks, outcomes, events, hash chain and head, all
 * or nothing. Throws `INCOMPATIBLE_STORE`, without touching the file, for a file that is not a
 * Plafond ledger or was written by a newer schema.
 *
 * ```ts
 * import { createLedger } from '@plafond/core'
 * import { createSqliteStore } from '@plafond/store-sqlite'
 *
 * const ledger = createLedger({ store: createSqliteStore({ path: 'ledger.db' }) })
 * console.log(await ledger.verify())
 * await ledger.close()
 * ```
 */
export function createSqliteStore(options: SqliteStoreOptions): EventStore {
  const resolved = resolveSqliteStoreOptions(options)
  const { path, busyTimeoutMs, readonly, readAheadEvents } = resolved
  const defaultBatch = resolved.batchSize
  const { db, version } = openLedgerDatabase(resolved)
  const statements = prepareStoreStatements(db, defaultBatch)
  const checkpoints = prepareCheckpointTable(db, version)
  const readLines = prepareLineStatement(db)
  let closed = false

  /** Runs `work` on the open connection, turning driver errors into `LedgerError`s. */
  function use<T>(doing: string, work: () => T): T {
    if (closed) {
      throw new LedgerError(
        'STORE_CLOSED',
        `The SQLite store on ${path} was closed; create a new one to keep ${doing}.`,
        { details: { path } },
      )
    }
    try {
      return work()
    } catch (error) {
      throw translateSqliteError(error, { path, doing, busyTimeoutMs })
    }
  }

  function refuseReadonly(doing: string): void {
    if (readonly) {
      throw new LedgerError(
        'INVALID_ARGUMENT',
        `The SQLite store on ${path} was opened read-only; open it without \`readonly\` for ${doing}.`,
        { details: { path } },
      )
    }
  }

  const appendEvents = prepareAppendEvents(db, statements)

  /** Keyset pagination: each batch is its own short read, so no lock is held between batches. */
  async function* batches(
    doing: string,
    fetch: (after: EventRow | undefined) => EventRow[],
  ): AsyncIterable<RecordedEvent[]> {
    let last: EventRow | undefined
    for (;;) {
      const rows = use(doing, () => fetch(last))
      if (rows.length === 0) return
      last = rows[rows.length - 1]
      const events = new Array<RecordedEvent>(rows.length)
      for (let i = 0; i < rows.length; i++) events[i] = eventFromRowIn(rows[i]!)
      yield events
    }
  }

  /** The log from `readOptions.fromPosition` on, a batch at a time. */
  function logBatches(readOptions: ReadAllOptions): AsyncIterable<RecordedEvent[]> {
    const size = readOptions.batchSize ?? defaultBatch
    use('reading the log', () => checkReadAllOptions({ ...readOptions, batchSize: size }))
    const from = startPosition(readOptions.fromPosition)
    return batches('reading the log', (last) =>
      statements.readAll.all(last === undefined ? from : last[0] + 1, size),
    )
  }

  /**
   * `logBatches` read as one text per event (`event-line.ts`), for streaming readers: about 15 %
   * faster, but an event kept keeps its whole line.
   */
  function lineBatches(readOptions: ReadAllOptions): AsyncIterable<RecordedEvent[]> {
    const size = readOptions.batchSize ?? defaultBatch
    use('reading the log', () => checkReadAllOptions({ ...readOptions, batchSize: size }))
    return linePages(startPosition(readOptions.fromPosition), size)
  }

  /**
   * Keyset pagination over lines, as `batches` over rows. A long read takes its pages from a
   * worker thread that reads them ahead on its own connection (`read-ahead.ts`, ADR 15) while the
   * caller folds the previous ones; if the worker cannot start or fails, the rest is read here.
   */
  async function* linePages(from: number, size: number): AsyncIterable<RecordedEvent[]> {
    let next = from
    const ahead = readsAhead(from) ? startPageReader(next, size) : undefined
    try {
      while (ahead !== undefined) {
        // As `use` would: a store closed meanwhile stops the read.
        if (closed) use('reading the log', () => undefined)
        const page = await ahead.next()
        if (page.kind === 'end') return
        if (page.kind === 'failed') break
        const events = eventsOfLines(page.lines)
        next = positionOfLine(page.lines[page.lines.length - 1]!) + 1
        yield events
      }
    } finally {
      ahead?.stop()
    }
    for (;;) {
      const lines = use('reading the log', () => readLines.all(next, size))
      if (lines.length === 0) return
      const events = eventsOfLines(lines)
      next = positionOfLine(lines[lines.length - 1]!) + 1
      yield events
    }
  }

  /** Whether a read from `from` has at least `readAheadEvents` positions before the head. */
  function readsAhead(from: number): boolean {
    if (db.memory || !Number.isFinite(readAheadEvents)) return false
    const head = use('reading the head', () => statements.head.get())
    return head !== undefined && head.position - from + 1 >= readAheadEvents
  }

  function startPageReader(from: number, size: number): ReadAhead | undefined {
    return startReadAhead({
      path,
      sql: LINE_SQL,
      from,
      size,
      window: READ_AHEAD_PAGES,
      resume: 1,
      busyTimeoutMs,
    })
  }

  function eventsOfLines(lines: readonly string[]): RecordedEvent[] {
    const events = new Array<RecordedEvent>(lines.length)
    for (let i = 0; i < lines.length; i++) events[i] = eventFromLineIn(lines[i]!)
    return events
  }

  function eventFromLineIn(line: string): RecordedEvent {
    let event: RecordedEvent | undefined
    try {
      event = eventFromLine(line)
    } catch (error) {
      throw unparsable(String(positionOfLine(line)), error)
    }
    if (event !== undefined) return event
    // A column holds the separator: read this event's columns instead.
    const position = positionOfLine(line)
    const row = use('reading the log', () => statements.readAll.all(position, 1))[0]
    if (row?.[0] !== position) throw unparsable(String(position), new Error('the row is gone'))
    return eventFromRowIn(row)
  }

  function eventFromRowIn(row: EventRow): RecordedEvent {
    try {
      return eventFromRow(row)
    } catch (error) {
      throw unparsable(String(row[0]), error)
    }
  }

  function unparsable(position: string, error: unknown): LedgerError {
    return new LedgerError(
      'CORRUPT_LOG',
      `SQLite file ${path}: the event at position ${position} does not parse (${(error as Error).message}); the file was damaged or edited by hand. Run verify up to it and restore from a backup.`,
      { cause: error, details: { path, position } },
    )
  }

  return {
    async append(writes: readonly StreamWrite[], appendOptions: AppendOptions = {}) {
      return use('appending', (): AppendResult => {
        refuseReadonly('appending')
        const outcomes = appendOptions.outcomes ?? []
        checkWriteShape(writes, outcomes)
        return { events: appendEvents(writes, outcomes) }
      })
    },

    async *readStream(stream: string, readOptions: ReadStreamOptions = {}) {
      use('reading a stream', () => checkReadStreamOptions(stream, readOptions))
      const from = Math.max(readOptions.fromVersion ?? 1, 1)
      const to = readOptions.toVersion ?? Number.MAX_SAFE_INTEGER
      const pages = batches(`reading stream ${stream}`, (last) =>
        statements.readStream.all(stream, last === undefined ? from : last[3] + 1, to),
      )
      for await (const events of pages) yield* events
    },

    async *readAll(readOptions: ReadAllOptions = {}) {
      // One asynchronous step per batch, then a plain loop: `yield*` of a generator that yields
      // each event costs a promise per event and per level.
      for await (const events of logBatches(readOptions)) {
        for (const event of events) yield event
      }
    },

    readAllBatches(readOptions: ReadAllOptions = {}) {
      return lineBatches(readOptions)
    },

    async head(): Promise<LogHead | undefined> {
      return use('reading the head', () => {
        const row = statements.head.get()
        return row && { position: String(row.position), hash: row.hash }
      })
    },

    async findOutcome(commandId: string): Promise<CommandOutcome | undefined> {
      return use('finding a command outcome', () => {
        const row = statements.findOutcome.get(commandId)
        return (
          row && {
            commandId: row.command_id,
            commandType: row.type,
            content: row.content,
            result: parseJson<OutcomeResult>(row.result, `the outcome of ${commandId}`, path),
            recordedAt: row.recorded_at,
          }
        )
      })
    },

    async loadCheckpoint(name: string): Promise<ProjectionCheckpoint | undefined> {
      return use('loading a checkpoint', () => {
        try {
          return checkpoints.load(name)
        } catch (error) {
          if (!(error instanceof MissingCheckpointParts)) throw error
          throw new LedgerError(
            'CORRUPT_LOG',
            `SQLite file ${path}: ${error.message}; the file was damaged or edited by hand. Delete the checkpoint (the projection then rebuilds) or restore the file from a backup.`,
            { details: { path, checkpoint: name } },
          )
        }
      })
    },

    async saveCheckpoint(checkpoint: ProjectionCheckpoint): Promise<void> {
      use('saving a checkpoint', () => {
        refuseReadonly('saving checkpoints')
        checkpoints.save(checkpoint, checkpoint.parts)
      })
    },

    async saveCheckpointParts(
      checkpoint: Omit<ProjectionCheckpoint, 'parts'>,
      parts: Iterable<string>,
    ): Promise<void> {
      use('saving a checkpoint', () => {
        refuseReadonly('saving checkpoints')
        checkpoints.save(checkpoint, parts)
      })
    },

    async close(): Promise<void> {
      if (closed) return
      closed = true
      db.close()
    },
  }
}
