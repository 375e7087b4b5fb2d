import { describe, expect, it } from 'vitest'
import type { NewEvent } from '../events/envelope.js'
import { GENESIS_HASH, hashEvent } from '../events/hash-chain.js'
import { createInMemoryStore } from './in-memory-store.js'

const META = {
  commandId: 'c-1',
  actorId: 'a',
  recordedAt: '2026-01-01T00:00:00.000Z',
  effectiveOn: '2026-01-01',
}

function event(id: string, data: Record<string, unknown>): NewEvent {
  return { id, type: 'Test', schemaVersion: 1, data, meta: META }
}

// The store-wide behaviour is @plafond/testing's contract; these are the in-memory store's own.
describe('the in-memory store keeps text', () => {
  it('hands out new frozen objects on every read, equal to what the append returned', async () => {
    const store = createInMemoryStore()
    const { events } = await store.append([
      { stream: 's-1', expectedVersion: 0, events: [event('e-1', { z: 1, a: { list: ['x'] } })] },
    ])
    const first: unknown[] = []
    const second: unknown[] = []
    for await (const e of store.readStream('s-1')) first.push(e)
    for await (const e of store.readAll()) second.push(e)
    expect(first).toEqual(events)
    expect(second).toEqual(events)
    expect(first[0]).not.toBe(second[0])
    const read = first[0] as (typeof events)[number]
    expect(Object.isFrozen(read)).toBe(true)
    expect(Object.isFrozen(read.data)).toBe(true)
    expect(Object.isFrozen((read.data as { a: { list: unknown[] } }).a.list)).toBe(true)
    expect(read.hash).toBe(hashEvent({ ...read, prevHash: GENESIS_HASH }))
  })

  it('returns the events it appended without undefined members, as a read gives them', async () => {
    const store = createInMemoryStore()
    const { events } = await store.append([
      {
        stream: 's-1',
        expectedVersion: 0,
        events: [event('e-1', { kept: 1, dropped: undefined })],
      },
    ])
    expect(Object.keys(events[0]!.data as object)).toEqual(['kept'])
    for await (const e of store.readAll()) expect(e).toEqual(events[0])
  })

  it('writes nothing of an append whose later event JSON cannot carry exactly', async () => {
    const store = createInMemoryStore()
    await expect(
      store.append([
        {
          stream: 's-1',
          expectedVersion: 0,
          events: [event('e-1', { amount: 1 }), event('e-2', { amount: 0.5 })],
        },
      ]),
    ).rejects.toThrow(/safe integers/)
    expect(await store.head()).toBeUndefined()
    // Neither the stream's version nor the first event's id was taken.
    const { events } = await store.append([
      { stream: 's-1', expectedVersion: 0, events: [event('e-1', { amount: 1 })] },
    ])
    expect(events.map((e) => [e.id, e.version, e.position])).toEqual([['e-1', 1, '1']])
  })

  it('gives each outcome back as a new frozen copy', async () => {
    const store = createInMemoryStore()
    const outcome = {
      commandId: 'c-1',
      commandType: 'AddHolder',
      content: '{}',
      recordedAt: META.recordedAt,
      result: { ok: true as const, written: [{ stream: 's-1', fromVersion: 1, toVersion: 1 }] },
    }
    await store.append([{ stream: 's-1', expectedVersion: 0, events: [event('e-1', {})] }], {
      outcomes: [outcome],
    })
    const found = await store.findOutcome('c-1')
    expect(found).toEqual(outcome)
    expect(found).not.toBe(await store.findOutcome('c-1'))
    expect(Object.isFrozen(found)).toBe(true)
  })
})
