import {
  LedgerError,
  checkReadAllOptions,
  checkReadStreamOptions,
  checkWriteShape,
  isLedgerError,
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
import { Pool, type PoolClient } from 'pg'
import { appendEvents } from './append-events.js'
import { MissingCheckpointParts, loadCheckpoint, saveCheckpoint } from './checkpoint-table.js'
import { translateDriverError } from './driver-error.js'
import { EVENT_COLUMNS, eventFromRow, type EventRow } from './event-row.js'
import { openSchema } from './open-schema.js'
import { DEFAULT_SCHEMA, storeTables } from './store-tables.js'

/**
 * How the store reaches PostgreSQL: a connection string, from which it makes a pool of its own
 * (ended by `close()`), or a pool the caller made and keeps (left open by `close()`).
 */
export type PostgresConnection =
  | {
      /** `postgres://user@host:5432/database`, as libpq reads it. */
      readonly connectionString: string
      /** Connections in the store's pool; 10 by default. */
      readonly maxConnections?: number
      /** How long to wait for a connection before `STORE_UNAVAILABLE`; 10 000 ms by default. */
      readonly connectTimeoutMs?: number
      /** The `application_name` of the connections, as `pg_stat_activity` shows it; `plafond` by default. */
      readonly applicationName?: string
    }
  | {
      /** A pg pool the caller owns; the store borrows connections from it. */
      readonly pool: Pool
    }

/** Options of `createPostgresStore`. */
export interface PostgresStoreOptions {
  /** The PostgreSQL schema that holds the ledger's tables; `plafond` by default. */
  readonly schema?: string
  /** Events fetched per query by `readAll` and `readStream` when the caller does not say; 1000 by default. */
  readonly batchSize?: number
  /**
   * Whether opening may create or migrate the tables (true by default). With false, a missing or
   * older schema is `INCOMPATIBLE_STORE`: for application roles that may not run DDL.
   */
  readonly migrate?: boolean
  /**
   * How long an append waits for the head row, which every append locks in turn, before
   * `STORE_UNAVAILABLE`; 10 000 ms by default. A normal queue of writers clears in milliseconds:
   * a longer wait means a session holds the row (see docs/operations.md).
   */
  readonly lockTimeoutMs?: number
}

/** The `EventStore` on PostgreSQL, with what operations need besides the port. */
export interface PostgresStore extends EventStore {
  /** The PostgreSQL schema of the ledger's tables. */
  readonly schema: string
  /**
   * Opens the schema now (checking and migrating it) instead of at the first call: call it at
   * startup to fail fast on `STORE_UNAVAILABLE` or `INCOMPATIBLE_STORE`.
   */
  ready(): Promise<void>
}

/** Listens to connection errors that also reach the caller through a failed query. */
const acknowledge = (): void => undefined

function positiveInteger(value: number, name: string): number {
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new LedgerError(
      'INVALID_ARGUMENT',
      `Expected ${name} to be a positive integer, found ${String(value)}.`,
      { details: { [name]: value } },
    )
  }
  return value
}

/** The largest position PostgreSQL's bigint column holds. */
const MAX_POSITION = 9_223_372_036_854_775_807n

/** The largest stream version PostgreSQL's integer column holds. */
const MAX_VERSION = 2_147_483_647

interface OutcomeRow {
  readonly command_id: string
  readonly type: string
  readonly content: string
  readonly result: string
  readonly recorded_at: string
}

/**
 * Creates an `EventStore` on PostgreSQL. Opening is lazy: the first call (or `ready()`) checks
 * the schema, creating or migrating its tables under an advisory lock. Appends from any number of
 * processes are serialised on one head row, so positions appear in order and without gaps.
 *
 * ```ts
 * import { createLedger } from '@plafond/core'
 * import { createPostgresStore } from '@plafond/store-postgres'
 *
 * const store = createPostgresStore({ connectionString: 'postgres://postgres@127.0.0.1:5432/plafond' })
 * await store.ready()
 * const ledger = createLedger({ store })
 * ```
 */
export function createPostgresStore(
  connection: PostgresConnection,
  options: PostgresStoreOptions = {},
): PostgresStore {
  const tables = storeTables(options.schema ?? DEFAULT_SCHEMA)
  const defaultBatch = positiveInteger(options.batchSize ?? 1000, 'batchSize')
  const migrate = options.migrate ?? true
  const lockTimeoutMs = positiveInteger(options.lockTimeoutMs ?? 10_000, 'lockTimeoutMs')
  const ownsPool = !('pool' in connection)
  const pool =
    'pool' in connection
      ? connection.pool
      : new Pool({
          connectionString: connection.connectionString,
          max: positiveInteger(connection.maxConnections ?? 10, 'maxConnections'),
          connectionTimeoutMillis: connection.connectTimeoutMs ?? 10_000,
          keepAlive: true,
          application_name: connection.applicationName ?? 'plafond',
        })
  // An idle connection the server drops emits 'error' on the pool, which would crash the process
  // without a listener. The pool discards that connection; the next query gets a fresh one.
  if (ownsPool) pool.on('error', acknowledge)

  let closed = false
  let opening: Promise<void> | undefined
  let ending: Promise<void> | undefined

  const translate = (error: unknown, doing: string): unknown =>
    translateDriverError(error, { schema: tables.schema, doing })

  function ensureOpen(): void {
    if (closed) {
      throw new LedgerError(
        'STORE_CLOSED',
        `The PostgreSQL store of schema ${tables.schema} was closed; create a new one.`,
        { details: { schema: tables.schema } },
      )
    }
  }

  /**
   * Borrows a connection for a transaction. A connection that dies while borrowed rejects the
   * query in flight, which is how the store learns of it; it also emits 'error', which would
   * crash the process without a listener, so the listener only acknowledges it.
   */
  async function connect(doing: string): Promise<PoolClient> {
    try {
      const client = await pool.connect()
      client.on('error', acknowledge)
      return client
    } catch (error) {
      throw translate(error, doing)
    }
  }

  /** Returns a borrowed connection; a broken one is destroyed rather than pooled. */
  function giveBack(client: PoolClient, broken: Error | undefined): void {
    client.off('error', acknowledge)
    client.release(broken)
  }

  async function open(): Promise<void> {
    const client = await connect('opening the schema')
    let broken: Error | undefined
    try {
      await openSchema(client, tables, migrate)
    } catch (error) {
      if (!isLedgerError(error)) broken = error instanceof Error ? error : new Error(String(error))
      throw translate(error, 'opening the schema')
    } finally {
      giveBack(client, broken)
    }
  }

  function ready(): Promise<void> {
    // A failed open is forgotten, so that a later call tries again (the server may be back).
    opening ??= open().catch((error: unknown) => {
      opening = undefined
      throw error
    })
    return opening
  }

  /** Runs one query-level operation on an open store, translating driver errors. */
  async function run<T>(doing: string, work: () => Promise<T>): Promise<T> {
    ensureOpen()
    await ready()
    try {
      return await work()
    } catch (error) {
      throw translate(error, doing)
    }
  }

  async function append(
    writes: readonly StreamWrite[],
    appendOptions: AppendOptions = {},
  ): Promise<AppendResult> {
    ensureOpen()
    const outcomes = appendOptions.outcomes ?? []
    checkWriteShape(writes, outcomes)
    if (writes.length === 0 && outcomes.length === 0) return { events: [] }
    await ready()
    const client = await connect('appending')
    let broken: Error | undefined
    try {
      return { events: await appendEvents(client, tables, writes, outcomes, lockTimeoutMs) }
    } catch (error) {
      // A connection that failed mid-transaction is destroyed rather than returned to the pool.
      const translated = translate(error, 'appending')
      if (!isLedgerError(error) && isLedgerError(translated, 'STORE_UNAVAILABLE')) {
        broken = translated
      }
      throw translated
    } finally {
      giveBack(client, broken)
    }
  }

  async function* readStream(
    stream: string,
    readOptions: ReadStreamOptions = {},
  ): AsyncIterable<RecordedEvent> {
    ensureOpen()
    checkReadStreamOptions(stream, readOptions)
    let from = Math.max(readOptions.fromVersion ?? 1, 1)
    const to = Math.min(readOptions.toVersion ?? MAX_VERSION, MAX_VERSION)
    while (from <= to) {
      const rows = await run('reading a stream', async () => {
        const result = await pool.query<EventRow>(
          `SELECT ${EVENT_COLUMNS} FROM ${tables.events} e
            WHERE e.stream = $1 AND e.version BETWEEN $2 AND $3
            ORDER BY e.version LIMIT $4`,
          [stream, from, to, defaultBatch],
        )
        return result.rows
      })
      for (const row of rows) yield eventFromRow(row)
      if (rows.length < defaultBatch) return
      from = rows[rows.length - 1]!.version + 1
    }
  }

  async function* readAllBatches(readOptions: ReadAllOptions = {}): AsyncIterable<RecordedEvent[]> {
    ensureOpen()
    const batchSize = readOptions.batchSize ?? defaultBatch
    checkReadAllOptions({ ...readOptions, batchSize })
    let from = BigInt(readOptions.fromPosition ?? '1')
    if (from < 1n) from = 1n
    // Keyset pagination: each batch is one short query from where the last one ended, so no
    // connection or snapshot is held while the caller works through a batch.
    while (from <= MAX_POSITION) {
      const rows = await run('reading the log', async () => {
        const result = await pool.query<EventRow>(
          `SELECT ${EVENT_COLUMNS} FROM ${tables.events} e
            WHERE e.position >= $1 ORDER BY e.position LIMIT $2`,
          [from.toString(), batchSize],
        )
        return result.rows
      })
      if (rows.length > 0) yield rows.map(eventFromRow)
      if (rows.length < batchSize) return
      from = BigInt(rows[rows.length - 1]!.position) + 1n
    }
  }

  async function* readAll(readOptions: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    for await (const events of readAllBatches(readOptions)) {
      for (const event of events) yield event
    }
  }

  async function saveParts(
    checkpoint: Omit<ProjectionCheckpoint, 'parts'>,
    parts: Iterable<string>,
  ): Promise<void> {
    ensureOpen()
    await ready()
    const client = await connect('saving a projection checkpoint')
    let broken: Error | undefined
    try {
      await saveCheckpoint(client, tables, checkpoint, parts)
    } catch (error) {
      const translated = translate(error, 'saving a projection checkpoint')
      if (!isLedgerError(error) && isLedgerError(translated, 'STORE_UNAVAILABLE')) {
        broken = translated
      }
      throw translated
    } finally {
      giveBack(client, broken)
    }
  }

  return {
    schema: tables.schema,
    ready: async () => {
      ensureOpen()
      await ready()
    },
    append,
    readStream,
    readAll,
    readAllBatches,

    head: () =>
      run('reading the log head', async (): Promise<LogHead | undefined> => {
        const { rows } = await pool.query<{ position: string; hash: string }>(
          `SELECT position::text AS position, hash FROM ${tables.logHead} WHERE singleton = 1`,
        )
        const row = rows[0]
        // Position 0 is the empty log. A missing row is left for verify() to report.
        return row && row.position !== '0' ? { position: row.position, hash: row.hash } : undefined
      }),

    findOutcome: (commandId: string) =>
      run('reading a command outcome', async (): Promise<CommandOutcome | undefined> => {
        const { rows } = await pool.query<OutcomeRow>(
          `SELECT command_id, type, content, result, recorded_at
             FROM ${tables.commandOutcomes} WHERE command_id = $1`,
          [commandId],
        )
        const row = rows[0]
        return (
          row && {
            commandId: row.command_id,
            commandType: row.type,
            content: row.content,
            result: JSON.parse(row.result) as OutcomeResult,
            recordedAt: row.recorded_at,
          }
        )
      }),

    loadCheckpoint: (name: string) =>
      run('reading a projection checkpoint', async () => {
        try {
          return await loadCheckpoint(pool, tables, name)
        } catch (error) {
          if (!(error instanceof MissingCheckpointParts)) throw error
          throw new LedgerError(
            'CORRUPT_LOG',
            `PostgreSQL schema ${tables.schema}: ${error.message}; it was damaged or edited by hand. Delete the checkpoint (the projection then rebuilds) or restore it from a backup.`,
            { details: { schema: tables.schema, checkpoint: name } },
          )
        }
      }),

    saveCheckpoint: (checkpoint: ProjectionCheckpoint) => saveParts(checkpoint, checkpoint.parts),

    saveCheckpointParts: saveParts,

    async close(): Promise<void> {
      closed = true
      if (!ownsPool) return
      ending ??= pool.end().catch(() => undefined)
      await ending
    },
  }
}
