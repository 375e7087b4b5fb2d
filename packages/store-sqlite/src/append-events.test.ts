import {
  verifyLog,
  type CommandOutcome,
  type EventStore,
  type RecordedEvent,
  type StreamWrite,
} from '@plafond/core'
import { newTestEvent, newTestEvents, newTestOutcome } from '@plafond/testing'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { CHUNK_ROWS } from './chunked-insert.js'
import { every } from './test-support/collect-events.js'
import { scratchStores } from './test-support/scratch-stores.js'

const scratch = scratchStores('append')

function newStore(): { readonly store: EventStore; readonly path: string } {
  const path = scratch.newPath()
  return { store: scratch.open({ path, synchronous: 'NORMAL' }), path }
}

const readAll = (store: EventStore): Promise<RecordedEvent[]> => every(store.readAll())

/** What the file holds, counted by SQLite itself rather than through the store. */
function rowCounts(path: string): { events: number; outcomes: number } {
  const db = new Database(path, { readonly: true })
  try {
    const count = (table: string): number =>
      db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number
    return { events: count('events'), outcomes: count('command_outcomes') }
  } finally {
    db.close()
  }
}

/** `count` events spread over three streams, one write per event as a batch of commands makes. */
function batchWrites(count: number, prefix: string): StreamWrite[] {
  return Array.from({ length: count }, (_, i) => ({
    stream: `${prefix}-${i % 3}`,
    expectedVersion: 'any' as const,
    events: [newTestEvent()],
  }))
}

function outcomesFor(count: number, prefix: string): CommandOutcome[] {
  return Array.from({ length: count }, (_, i) => newTestOutcome({ commandId: `${prefix}-${i}` }))
}

const [full, middle] = CHUNK_ROWS as [number, number, number]

describe('appends in multi-row chunks', () => {
  it.each([1, middle - 1, middle, middle + 1, full - 1, full, full + 1, 2 * full + middle + 5])(
    'an append of %i events and as many outcomes stores each one as returned, the chain intact',
    async (count) => {
      const { store, path } = newStore()
      const before = await store.append([
        { stream: 'before', expectedVersion: 'no_stream', events: [newTestEvent()] },
      ])
      const outcomes = outcomesFor(count, `n${count}`)
      const { events } = await store.append(batchWrites(count, `n${count}`), { outcomes })
      expect(events.map((e) => e.position)).toEqual(
        Array.from({ length: count }, (_, i) => String(i + 2)),
      )
      expect(await readAll(store)).toEqual([...before.events, ...events])
      expect(events.map((e) => [e.stream, e.version])).toEqual(
        events.map((_, i) => [`n${count}-${i % 3}`, Math.floor(i / 3) + 1]),
      )
      for (const outcome of outcomes) {
        expect(await store.findOutcome(outcome.commandId)).toEqual(outcome)
      }
      expect(await store.head()).toEqual({ position: String(count + 1), hash: events.at(-1)!.hash })
      expect((await verifyLog(store)).ok).toBe(true)
      expect(rowCounts(path)).toEqual({ events: count + 1, outcomes: count })
    },
  )

  it('a command id already recorded, in the middle of a large append, is CONCURRENCY_CONFLICT naming it; nothing of the append is written', async () => {
    const { store, path } = newStore()
    const count = 2 * full + middle + 5
    const outcomes = outcomesFor(count, 'late')
    // Recorded earlier: the id the append repeats falls in its second full chunk of outcomes.
    const repeated = outcomes[full + 3]!
    await store.append([{ stream: 'a', expectedVersion: 'no_stream', events: [newTestEvent()] }], {
      outcomes: [repeated],
    })
    const head = await store.head()
    const error: unknown = await store
      .append(batchWrites(count, 'late'), { outcomes })
      .catch((e: unknown) => e)
    expect(error).toMatchObject({
      code: 'CONCURRENCY_CONFLICT',
      details: { commandId: repeated.commandId },
    })
    expect((error as Error).message).toContain(repeated.commandId)
    expect(await store.head()).toEqual(head)
    expect(rowCounts(path)).toEqual({ events: 1, outcomes: 1 })
    expect(await store.findOutcome(outcomes[0]!.commandId)).toBeUndefined()
    // The refused append took nothing: the same writes with fresh command ids go through.
    const { events } = await store.append(batchWrites(count, 'late'), {
      outcomes: outcomesFor(count, 'again'),
    })
    expect(events.length).toBe(count)
    expect((await verifyLog(store)).ok).toBe(true)
  })

  it('an event id already in the log, late in a large append, is INVALID_ARGUMENT; none of its events or outcomes is written', async () => {
    const { store, path } = newStore()
    const [first] = newTestEvents(1)
    await store.append([{ stream: 'a', expectedVersion: 'no_stream', events: [first!] }])
    const head = await store.head()
    const count = full + middle + 2
    const writes = batchWrites(count, 'dup')
    // In the last single-row chunk, after a full and a smaller chunk went in.
    writes[count - 1] = { stream: 'dup-0', expectedVersion: 'any', events: [{ ...first! }] }
    const error: unknown = await store
      .append(writes, { outcomes: outcomesFor(count, 'dup') })
      .catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'INVALID_ARGUMENT' })
    expect(await store.head()).toEqual(head)
    expect(rowCounts(path)).toEqual({ events: 1, outcomes: 0 })
  })

  it('a stale expected version is reported before a recorded command id, and writes nothing', async () => {
    const { store, path } = newStore()
    const recorded = newTestOutcome()
    await store.append([{ stream: 'a', expectedVersion: 'no_stream', events: [newTestEvent()] }], {
      outcomes: [recorded],
    })
    const error: unknown = await store
      .append([{ stream: 'a', expectedVersion: 0, events: [newTestEvent()] }], {
        outcomes: [recorded],
      })
      .catch((e: unknown) => e)
    expect(error).toMatchObject({
      code: 'CONCURRENCY_CONFLICT',
      details: { stream: 'a', actualVersion: 1 },
    })
    expect(rowCounts(path)).toEqual({ events: 1, outcomes: 1 })
  })

  it('events are returned as they came when they hold no undefined member, and without them otherwise', async () => {
    const { store } = newStore()
    const plain = newTestEvent()
    const sparse = newTestEvent({ data: { kept: 1, dropped: undefined } })
    const { events } = await store.append([
      { stream: 'a', expectedVersion: 'no_stream', events: [plain, sparse] },
    ])
    expect(events[0]!.data).toBe(plain.data)
    expect(events[0]!.meta).toBe(plain.meta)
    expect(events[1]!.data).toStrictEqual({ kept: 1 })
    expect(await readAll(store)).toEqual(events)
  })
})
