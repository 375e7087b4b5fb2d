import { createHash } from 'node:crypto'
import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'
import { canonicalJson, isLedgerError, type NewEvent, type RecordedEvent } from '@plafond/core'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { createSqliteStore } from './create-sqlite-store.js'
import { scratchStores } from './test-support/scratch-stores.js'

const scratch = scratchStores('store')
const newPath = scratch.newPath

function store(path: string, options: { busyTimeoutMs?: number; readonly?: boolean } = {}) {
  return scratch.open({ path, ...options })
}

let ids = 0
function event(data: unknown = { n: ids }): NewEvent {
  ids += 1
  return {
    id: `01K6G0W000TEST${String(ids).padStart(12, '0')}`,
    type: 'TestHappened',
    schemaVersion: 1,
    data,
    meta: {
      commandId: `command-${ids}`,
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

describe('the SQLite store', () => {
  it('an append that waits past the busy timeout for another writer is STORE_UNAVAILABLE, writing nothing', async () => {
    const path = newPath()
    const writer = store(path, { busyTimeoutMs: 50 })
    await writer.append([{ stream: 's', expectedVersion: 'no_stream', events: [event()] }])
    const other = new Database(path)
    other.prepare('BEGIN IMMEDIATE').run()
    const started = Date.now()
    const error: unknown = await writer
      .append([{ stream: 's', expectedVersion: 1, events: [event()] }])
      .catch((e: unknown) => e)
    expect(Date.now() - started).toBeGreaterThanOrEqual(40)
    expect(isLedgerError(error, 'STORE_UNAVAILABLE'), String(error)).toBe(true)
    expect((error as Error).message).toContain('busy timeout (50 ms)')
    expect((error as Error).cause).toMatchObject({ code: 'SQLITE_BUSY' })
    other.prepare('ROLLBACK').run()
    other.close()
    expect((await all(writer.readAll())).length).toBe(1)
    await writer.append([{ stream: 's', expectedVersion: 1, events: [event()] }])
    expect((await writer.head())?.position).toBe('2')
  })

  it('a writer waits for another connection to commit, within the busy timeout, then goes ahead', async () => {
    const path = newPath()
    const writer = store(path, { busyTimeoutMs: 5000 })
    // better-sqlite3 blocks its thread while SQLite waits: the lock holder runs in a worker.
    const holder = new Worker(
      `const { parentPort, workerData } = require('node:worker_threads')
       const Database = require(workerData.driver)
       const db = new Database(workerData.path)
       db.prepare('BEGIN IMMEDIATE').run()
       parentPort.postMessage('locked')
       setTimeout(() => { db.prepare('COMMIT').run(); db.close() }, 150)`,
      {
        eval: true,
        workerData: { path, driver: createRequire(import.meta.url).resolve('better-sqlite3') },
      },
    )
    await new Promise((resolve) => holder.once('message', resolve))
    const started = Date.now()
    await writer.append([{ stream: 's', expectedVersion: 'no_stream', events: [event()] }])
    expect(Date.now() - started).toBeGreaterThanOrEqual(100)
    expect((await writer.head())?.position).toBe('1')
    await holder.terminate()
  })

  it('a store on another connection sees what this one committed, and conflicts with it', async () => {
    const path = newPath()
    const first = store(path)
    const second = store(path)
    await first.append([{ stream: 's', expectedVersion: 'no_stream', events: [event()] }])
    expect((await all(second.readStream('s'))).length).toBe(1)
    await expect(
      second.append([{ stream: 's', expectedVersion: 0, events: [event()] }]),
    ).rejects.toMatchObject({ code: 'CONCURRENCY_CONFLICT' })
    const outcome = {
      commandId: 'shared-command',
      commandType: 'Test',
      content: '{}',
      result: { ok: true as const, written: [] },
      recordedAt: '2025-01-01T10:00:00.000Z',
    }
    await first.append([], { outcomes: [outcome] })
    await expect(second.append([], { outcomes: [outcome] })).rejects.toMatchObject({
      code: 'CONCURRENCY_CONFLICT',
    })
    expect(await second.findOutcome('shared-command')).toEqual(outcome)
  })

  it('readAll holds no snapshot between batches: another connection appends and the reader sees it', async () => {
    const path = newPath()
    const reader = store(path)
    const writer = store(path, { busyTimeoutMs: 0 })
    await writer.append([{ stream: 's', expectedVersion: 'any', events: [event(), event()] }])
    const seen: string[] = []
    for await (const recorded of reader.readAll({ batchSize: 2 })) {
      seen.push(recorded.position)
      // Mid-iteration, a writer that refuses to wait must still get in.
      if (seen.length === 1) {
        await writer.append([{ stream: 's', expectedVersion: 'any', events: [event()] }])
      }
    }
    expect(seen).toEqual(['1', '2', '3'])
  })

  it('stores data and meta as the canonical JSON the hash covers', async () => {
    const path = newPath()
    const writer = store(path)
    const [written] = (
      await writer.append([
        {
          stream: 's',
          expectedVersion: 'no_stream',
          events: [event({ z: 1, a: { y: [1, 'two', null], b: 'é' }, gone: undefined })],
        },
      ])
    ).events
    const db = new Database(path, { readonly: true })
    const row = db.prepare('SELECT data, meta, prev_hash, hash FROM events').get() as {
      data: string
      meta: string
      prev_hash: string
      hash: string
    }
    db.close()
    expect(row.data).toBe('{"a":{"b":"é","y":[1,"two",null]},"z":1}')
    expect(row.meta).toBe(canonicalJson(written!.meta))
    expect(row.hash).toBe(written!.hash)
    const { hash: _, ...unhashed } = written!
    expect(row.hash).toBe(
      createHash('sha256').update(row.prev_hash).update(canonicalJson(unhashed)).digest('hex'),
    )
  })

  it('an event id already in the log is INVALID_ARGUMENT and the append writes nothing', async () => {
    const writer = store(newPath())
    const first = event()
    await writer.append([{ stream: 'a', expectedVersion: 'no_stream', events: [first] }])
    const error: unknown = await writer
      .append([
        { stream: 'b', expectedVersion: 'no_stream', events: [event()] },
        { stream: 'c', expectedVersion: 'no_stream', events: [{ ...first }] },
      ])
      .catch((e: unknown) => e)
    expect(isLedgerError(error, 'INVALID_ARGUMENT'), String(error)).toBe(true)
    expect((await all(writer.readAll())).map((e) => e.stream)).toEqual(['a'])
    expect((await writer.head())?.position).toBe('1')
  })

  it('read-only: reads what writers commit, refuses appends and checkpoints, changes nothing', async () => {
    const path = newPath()
    const writer = store(path)
    await writer.append([{ stream: 's', expectedVersion: 'no_stream', events: [event()] }])
    const reader = store(path, { readonly: true })
    await writer.append([{ stream: 's', expectedVersion: 1, events: [event()] }])
    expect((await all(reader.readStream('s'))).map((e) => e.version)).toEqual([1, 2])
    const refused: unknown = await reader
      .append([{ stream: 's', expectedVersion: 2, events: [event()] }])
      .catch((e: unknown) => e)
    expect(isLedgerError(refused, 'INVALID_ARGUMENT'), String(refused)).toBe(true)
    expect((refused as Error).message).toContain('read-only')
    await expect(
      reader.saveCheckpoint({ name: 'p', version: 1, position: '2', parts: ['{}'] }),
    ).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' })
    expect((await writer.head())?.position).toBe('2')
  })

  it('after close, an iteration in progress fails with STORE_CLOSED at its next batch', async () => {
    const reader = createSqliteStore({ path: newPath(), batchSize: 2 })
    await reader.append([
      { stream: 's', expectedVersion: 'any', events: [event(), event(), event()] },
    ])
    const iterator = reader.readAll()[Symbol.asyncIterator]()
    expect((await iterator.next()).value).toMatchObject({ position: '1' })
    expect((await iterator.next()).value).toMatchObject({ position: '2' })
    await reader.close()
    await expect(iterator.next()).rejects.toMatchObject({ code: 'STORE_CLOSED' })
  })
})
