import {
  LedgerError,
  canonicalJson,
  duplicateOutcome,
  outcomeResultJson,
  sealEvent,
  startVersions,
  withoutUndefined,
  type CommandOutcome,
  type RecordedEvent,
  type StreamWrite,
} from '@plafond/core'
import { escapeLiteral, type PoolClient, type QueryResult } from 'pg'
import type { StoreTables } from './store-tables.js'

/**
 * How long a session may sit idle inside an append transaction, head row locked, before the
 * server ends it: a client that froze or lost its network between the two round trips would
 * otherwise block every writer until TCP keepalives noticed, hours later.
 */
const IDLE_HOLDER_TIMEOUT_MS = 60_000

/** An SQL literal for a string, escaped by the driver; PostgreSQL text cannot hold NUL. */
function textLiteral(value: string): string {
  if (value.includes('\0')) {
    throw new LedgerError(
      'INVALID_ARGUMENT',
      `PostgreSQL text cannot hold a NUL character, found one in ${JSON.stringify(value.slice(0, 80))}. Nothing was written; remove it.`,
    )
  }
  return escapeLiteral(value)
}

/** An SQL array literal of strings. */
function textArray(values: readonly string[]): string {
  return `ARRAY[${values.map(textLiteral).join(',')}]::text[]`
}

/** An SQL array literal of integers (a bigint's decimal string or a safe integer). */
function integerArray(values: readonly (string | number)[], type: 'bigint' | 'integer'): string {
  return `ARRAY[${values.map(String).join(',')}]::${type}[]`
}

/**
 * Round trip 1: opens the transaction, locks the head row (the one serial point of all appends),
 * then, in statements that start after the lock is held and so see every earlier append, reads
 * the current version of each written stream and which command ids already have an outcome.
 * READ COMMITTED whatever the server's default: each statement takes a fresh snapshot, which is
 * what makes the checks after the lock see the previous holder's commit (under REPEATABLE READ
 * the lock would instead fail with a serialization error whenever another append got in first).
 * Two limits keep one stuck session from stopping every writer: waiting for the head row longer
 * than `lockTimeoutMs` fails (55P03), and a session that holds it while idle is ended by the server.
 */
function lockAndCheckSql(
  tables: StoreTables,
  streams: readonly string[],
  commandIds: readonly string[],
  lockTimeoutMs: number,
): string {
  return `BEGIN ISOLATION LEVEL READ COMMITTED;
    SET LOCAL lock_timeout = ${Math.round(lockTimeoutMs)};
    SET LOCAL idle_in_transaction_session_timeout = ${IDLE_HOLDER_TIMEOUT_MS};
    SELECT position::text AS position, hash FROM ${tables.logHead} WHERE singleton = 1 FOR UPDATE;
    SELECT s.stream, coalesce((
      SELECT e.version FROM ${tables.events} e
       WHERE e.stream = s.stream ORDER BY e.version DESC LIMIT 1), 0) AS version
      FROM unnest(${textArray(streams)}) AS s(stream);
    SELECT command_id FROM ${tables.commandOutcomes}
     WHERE command_id = ANY(${textArray(commandIds)})`
}

/**
 * Round trip 2: writes outcomes, events and the new head, and commits. The values are literals
 * escaped by the driver rather than parameters because a parameterised statement cannot share a
 * round trip with COMMIT, and every round trip here is time the head lock is held by this writer.
 */
function writeAndCommitSql(
  tables: StoreTables,
  outcomes: readonly CommandOutcome[],
  events: readonly RecordedEvent[],
  head: { readonly position: string; readonly hash: string },
): string {
  const statements: string[] = []
  if (outcomes.length > 0) {
    statements.push(`INSERT INTO ${tables.commandOutcomes} (command_id, type, content, result, recorded_at)
      SELECT * FROM unnest(
        ${textArray(outcomes.map((o) => o.commandId))},
        ${textArray(outcomes.map((o) => o.commandType))},
        ${textArray(outcomes.map((o) => o.content))},
        ${textArray(outcomes.map((o) => outcomeResultJson(o.result)))},
        ${textArray(outcomes.map((o) => o.recordedAt))})`)
  }
  if (events.length > 0) {
    statements.push(`INSERT INTO ${tables.events}
        (position, id, stream, version, type, schema_version, data, meta, prev_hash, hash)
      SELECT * FROM unnest(
        ${integerArray(
          events.map((e) => e.position),
          'bigint',
        )},
        ${textArray(events.map((e) => e.id))},
        ${textArray(events.map((e) => e.stream))},
        ${integerArray(
          events.map((e) => e.version),
          'integer',
        )},
        ${textArray(events.map((e) => e.type))},
        ${integerArray(
          events.map((e) => e.schemaVersion),
          'integer',
        )},
        ${textArray(events.map((e) => canonicalJson(e.data)))},
        ${textArray(events.map((e) => canonicalJson(e.meta)))},
        ${textArray(events.map((e) => e.prevHash))},
        ${textArray(events.map((e) => e.hash))})`)
    statements.push(
      `UPDATE ${tables.logHead} SET position = ${head.position}, hash = ${textLiteral(head.hash)} WHERE singleton = 1`,
    )
  }
  statements.push('COMMIT')
  return statements.join(';\n')
}

function checkEvent(write: StreamWrite, index: number): void {
  const event = write.events[index]!
  if (event.data === undefined || !Number.isSafeInteger(event.schemaVersion)) {
    throw new LedgerError(
      'INVALID_ARGUMENT',
      `Event ${index} of stream ${write.stream} has ${event.data === undefined ? 'no data' : `schemaVersion ${String(event.schemaVersion)}`}: expected JSON data and an integer schemaVersion. Nothing was written.`,
      { details: { stream: write.stream, index } },
    )
  }
}

/**
 * Appends in one transaction on `client`: lock the head row, check every expected version and
 * that no command id has an outcome yet, assign the next positions and versions, seal each event
 * onto the hash chain, write events, outcomes and the new head, commit. Two round trips hold the
 * lock. On any failure the transaction is rolled back and the error rethrown untranslated.
 */
export async function appendEvents(
  client: PoolClient,
  tables: StoreTables,
  writes: readonly StreamWrite[],
  outcomes: readonly CommandOutcome[],
  lockTimeoutMs: number,
): Promise<RecordedEvent[]> {
  writes.forEach((write) => write.events.forEach((_, index) => checkEvent(write, index)))
  try {
    const results = (await client.query(
      lockAndCheckSql(
        tables,
        [...new Set(writes.map((w) => w.stream))],
        outcomes.map((o) => o.commandId),
        lockTimeoutMs,
      ),
    )) as unknown as QueryResult[]
    const head = results.at(-3)?.rows[0] as { position: string; hash: string } | undefined
    if (!head) {
      throw new LedgerError(
        'CORRUPT_LOG',
        `The log head row of PostgreSQL schema ${tables.schema} is missing: someone deleted it. Run verify, and restore the schema from a backup.`,
        { details: { schema: tables.schema } },
      )
    }
    const versions = new Map(
      (results.at(-2)?.rows as { stream: string; version: number }[]).map((r) => [
        r.stream,
        r.version,
      ]),
    )
    const starts = startVersions(writes, (stream) => versions.get(stream) ?? 0)
    const taken = results.at(-1)?.rows as { command_id: string }[]
    if (taken.length > 0) throw duplicateOutcome(taken[0]!.command_id)

    const recorded: RecordedEvent[] = []
    let position = BigInt(head.position)
    let prevHash = head.hash
    for (const [index, write] of writes.entries()) {
      let version = starts[index]!
      for (const event of write.events) {
        position += 1n
        version += 1
        const sealed = sealEvent({
          id: event.id,
          stream: write.stream,
          version,
          position: position.toString(),
          type: event.type,
          schemaVersion: event.schemaVersion,
          data: withoutUndefined(event.data),
          meta: withoutUndefined(event.meta),
          prevHash,
        })
        recorded.push(sealed)
        prevHash = sealed.hash
      }
    }
    await client.query(
      writeAndCommitSql(tables, outcomes, recorded, {
        position: position.toString(),
        hash: prevHash,
      }),
    )
    return recorded
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined)
    throw error
  }
}
