import { readFileSync } from 'node:fs'
import { isLedgerError, type NewEvent, type RecordedEvent } from '@plafond/core'
import Database from 'better-sqlite3'
import { afterAll, describe, expect, it } from 'vitest'
import { createSqliteStore } from './create-sqlite-store.js'
import { PLAFOND_APPLICATION_ID, SCHEMA_MIGRATIONS, SCHEMA_VERSION } from './schema-migrations.js'
import { temporaryDirectory } from './test-support/temporary-directory.js'

const directory = temporaryDirectory('checkpoints')
afterAll(() => directory.remove())
let files = 0

function fresh(name: string): string {
  return directory.file(`${++files}-${name}`)
}

function event(n: number): NewEvent {
  return {
    id: `01K6G0W000PART${String(n).padStart(12, '0')}`,
    type: 'TestHappened',
    schemaVersion: 1,
    data: { n },
    meta: {
      commandId: `command-${n}`,
      actorId: 'tester',
      recordedAt: '2025-01-01T10:00:00.000Z',
      effectiveOn: '2025-01-01',
    },
  }
}

async function all(iterable: AsyncIterable<RecordedEvent>): Promise<RecordedEvent[]> {
  const out: RecordedEvent[] = []
  for await (const item of iterable) out.push(item)
  return out
}

/**
 * A ledger file as @plafond/store-sqlite wrote it at schema 1 (the shipped migration, run as it
 * was), with two events and a checkpoint kept whole in `projection_checkpoints.state`.
 */
function schemaOneFile(state: string): { path: string; events: RecordedEvent[] } {
  const path = fresh('schema-1.db')
  const db = new Database(path)
  db.pragma('journal_mode = WAL')
  db.pragma(`application_id = ${PLAFOND_APPLICATION_ID}`)
  db.exec(SCHEMA_MIGRATIONS[0]!.sql)
  db.pragma('user_version = 1')
  const events = [1, 2].map((n): RecordedEvent => {
    const { id, type, schemaVersion, data, meta } = event(n)
    const prevHash = n === 1 ? '0'.repeat(64) : `${n - 1}`.repeat(64)
    return {
      id,
      stream: 's',
      version: n,
      position: String(n),
      type,
      schemaVersion,
      data,
      meta,
      prevHash,
      hash: `${n}`.repeat(64),
    }
  })
  const insert = db.prepare('INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
  for (const e of events) {
    insert.run(
      Number(e.position),
      e.id,
      e.stream,
      e.version,
      e.type,
      e.schemaVersion,
      JSON.stringify(e.data),
      JSON.stringify(e.meta),
      e.prevHash,
      e.hash,
    )
  }
  db.prepare('INSERT INTO log_head VALUES (1, 2, ?)').run(events[1]!.hash)
  db.prepare('INSERT INTO projection_checkpoints VALUES (?, ?, ?, ?)').run(
    'overview',
    3,
    '2',
    state,
  )
  db.close()
  return { path, events }
}

function userVersion(path: string): number {
  const db = new Database(path, { readonly: true })
  try {
    return db.pragma('user_version', { simple: true }) as number
  } finally {
    db.close()
  }
}

describe('checkpoints in parts', () => {
  it('schema 1 is the shipped one; this package writes schema 2', () => {
    expect(SCHEMA_MIGRATIONS.map((m) => m.version)).toEqual([1, 2])
    expect(SCHEMA_VERSION).toBe(2)
  })

  it('opening a schema-1 file migrates it: a checkpoint saved whole becomes its only part', async () => {
    const state = '{"rows":[{"committed":{"$cents":"12.50"}}]}'
    const { path, events } = schemaOneFile(state)
    const store = createSqliteStore({ path })
    expect(userVersion(path)).toBe(2)
    expect(await store.loadCheckpoint('overview')).toEqual({
      name: 'overview',
      version: 3,
      position: '2',
      parts: [state],
    })
    expect(await all(store.readAll())).toEqual(events)
    await store.saveCheckpoint({ name: 'overview', version: 4, position: '2', parts: ['a', 'b'] })
    expect((await store.loadCheckpoint('overview'))?.parts).toEqual(['a', 'b'])
    await store.close()
    const db = new Database(path, { readonly: true })
    expect(db.pragma('application_id', { simple: true })).toBe(PLAFOND_APPLICATION_ID)
    const columns = db.pragma('table_info(projection_checkpoints)') as { name: string }[]
    expect(columns.map((c) => c.name)).toEqual(['name', 'version', 'position', 'parts'])
    db.close()
  })

  it('a read-only store reads a schema-1 file as it is, without migrating it, and saves nothing', async () => {
    const state = '{"whole":true}'
    const { path, events } = schemaOneFile(state)
    const before = readFileSync(path)
    const reader = createSqliteStore({ path, readonly: true })
    expect(await all(reader.readAll())).toEqual(events)
    const batches: (readonly RecordedEvent[])[] = []
    for await (const batch of reader.readAllBatches!({ batchSize: 1 })) batches.push(batch)
    expect(batches).toEqual([[events[0]], [events[1]]])
    expect((await reader.loadCheckpoint('overview'))?.parts).toEqual([state])
    await expect(
      reader.saveCheckpoint({ name: 'overview', version: 3, position: '2', parts: ['x'] }),
    ).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' })
    await reader.close()
    expect(readFileSync(path).equals(before)).toBe(true)
    expect(userVersion(path)).toBe(1)
  })

  it('a save that fails half-way through its parts leaves the previous checkpoint whole', async () => {
    const store = createSqliteStore({ path: fresh('atomic.db') })
    const previous = { name: 'contracts', version: 1, position: '10', parts: ['p0', 'p1', 'p2'] }
    await store.saveCheckpoint(previous)
    // A part SQLite cannot bind, after two it could: the transaction is rolled back.
    const broken = ['n0', 'n1', {} as string, 'n3']
    await expect(
      store.saveCheckpoint({ name: 'contracts', version: 2, position: '20', parts: broken }),
    ).rejects.toThrow()
    expect(await store.loadCheckpoint('contracts')).toEqual(previous)
    await store.close()
  })

  it('a checkpoint whose parts were deleted by hand is CORRUPT_LOG, not a shorter state', async () => {
    const path = fresh('missing-part.db')
    const store = createSqliteStore({ path })
    await store.saveCheckpoint({ name: 'contracts', version: 1, position: '10', parts: ['a', 'b'] })
    const db = new Database(path)
    db.prepare('DELETE FROM projection_checkpoint_parts WHERE part = 1').run()
    db.close()
    const error: unknown = await store.loadCheckpoint('contracts').catch((e: unknown) => e)
    expect(isLedgerError(error, 'CORRUPT_LOG'), String(error)).toBe(true)
    expect((error as Error).message).toMatch(/contracts has 1 of its 2 parts/)
    await store.close()
  })
})
