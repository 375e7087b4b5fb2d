import { describe, expect, it } from 'vitest'
import type { RecordedEvent } from '../events/envelope.js'
import type { EventStore } from '../store/event-store.js'
import { sealEvent } from '../events/hash-chain.js'
import { createInMemoryStore } from '../store/in-memory-store.js'
import { createLedger } from './create-ledger.js'
import {
  headOf,
  recordedLog,
  resealFrom,
  tampered,
  withOutcome,
} from '../test-support/tampered-log.js'
import { verifyLog } from './verify-log.js'

const realLog = () => recordedLog()

function withData(event: RecordedEvent, change: Record<string, unknown>): RecordedEvent {
  return { ...event, data: { ...(event.data as object), ...change } }
}

describe('verify', () => {
  it('passes on a real log and reports its length and head', async () => {
    const { store, events } = await realLog()
    expect(events).toHaveLength(12)
    const result = await createLedger({ store }).verify()
    expect(result).toEqual({ ok: true, events: 12, head: await store.head() })
  })

  it('passes on an empty log', async () => {
    expect(await verifyLog(createInMemoryStore())).toEqual({ ok: true, events: 0, head: undefined })
  })

  it('reports progress on long logs', async () => {
    const { store } = await realLog()
    const seen: number[] = []
    await verifyLog(store, { progressEvery: 5, onProgress: (n) => seen.push(n) })
    expect(seen).toEqual([5, 10])
  })

  it('finds a changed data field at its position', async () => {
    const { store, events } = await realLog()
    const log = events.map((e, i) => (i === 8 ? withData(e, { amount: '999999.00' }) : e))
    const result = await verifyLog(tampered(store, log))
    expect(result).toMatchObject({
      ok: false,
      position: '9',
      reason: expect.stringMatching(/does not match its hash/) as unknown,
    })
  })

  it('finds a changed meta field at its position', async () => {
    const { store, events } = await realLog()
    const log = events.map((e, i) =>
      i === 3 ? { ...e, meta: { ...e.meta, actorId: 'mallory' } } : e,
    )
    expect(await verifyLog(tampered(store, log))).toMatchObject({ ok: false, position: '4' })
  })

  it('finds a change re-hashed by the forger at the next event', async () => {
    const { store, events } = await realLog()
    const changed = events.map((e, i) => (i === 8 ? withData(e, { amount: '999999.00' }) : e))
    const log = changed.map((e, i) => (i === 8 ? resealFrom(changed, 8)[8]! : e))
    const result = await verifyLog(tampered(store, log))
    expect(result).toMatchObject({
      ok: false,
      position: '10',
      reason: expect.stringMatching(/prevHash/) as unknown,
    })
  })

  it('finds a dropped event at the one after it', async () => {
    const { store, events } = await realLog()
    const log = events.filter((_e, i) => i !== 6)
    expect(await verifyLog(tampered(store, log))).toMatchObject({ ok: false, position: '8' })
  })

  it('finds two swapped events at the first of them to be read', async () => {
    const { store, events } = await realLog()
    const log = [...events]
    ;[log[5], log[6]] = [log[6]!, log[5]!]
    expect(await verifyLog(tampered(store, log))).toMatchObject({ ok: false, position: '7' })
  })

  it('finds an inserted event, even one correctly chained to its predecessor', async () => {
    const { store, events } = await realLog()
    const previous = events[4]!
    const { hash: _hash, ...template } = events[5]!
    const forged = sealEvent({
      ...template,
      id: '01JZZZZZZZZZZZZZZZZZZZZZZZ',
      stream: 'framework-FORGED',
      version: 1,
      prevHash: previous.hash,
    })
    const log = [...events.slice(0, 5), forged, ...events.slice(5)]
    // The forged event takes position 6; the real event 6 then repeats it.
    expect(await verifyLog(tampered(store, log))).toMatchObject({
      ok: false,
      position: '6',
      reason: expect.stringMatching(/positions go backwards or repeat/) as unknown,
    })
  })

  it('finds a changed hash at its position', async () => {
    const { store, events } = await realLog()
    const log = events.map((e, i) => (i === 10 ? { ...e, hash: 'f'.repeat(64) } : e))
    expect(await verifyLog(tampered(store, log))).toMatchObject({ ok: false, position: '11' })
  })

  it('reports members of the wrong kind instead of throwing, naming the member', async () => {
    const { store, events } = await realLog()
    const cases: [Partial<Record<keyof RecordedEvent, unknown>>, RegExp, string][] = [
      [{ id: Object.create(null) as object }, /its id is \{\}, not text/, '4'],
      [{ version: 1.5 }, /its version is 1\.5, not an integer/, '4'],
      [{ data: null }, /its data is null, not an object/, '4'],
      [{ position: 4 }, /its position is 4, not text/, '4'],
      [{ data: { amount: 0.1 } }, /cannot be hashed .*safe integers/, '4'],
    ]
    for (const [change, reason, position] of cases) {
      const log = events.map((e, i) => (i === 3 ? ({ ...e, ...change } as RecordedEvent) : e))
      expect(await verifyLog(tampered(store, log))).toEqual({
        ok: false,
        position,
        reason: expect.stringMatching(reason) as unknown,
      })
    }
  })

  it('finds events removed from the end when the head still names the last one', async () => {
    const { store, events } = await realLog()
    const result = await verifyLog(tampered(store, events.slice(0, 10)))
    expect(result).toMatchObject({
      ok: false,
      position: '12',
      reason: expect.stringMatching(/head/) as unknown,
    })
  })

  it('finds an event whose data no longer fits its schema, even re-hashed', async () => {
    const { store, events } = await realLog()
    const log = resealFrom(
      events.map((e, i) => (i === 8 ? withData(e, { amount: 12 }) : e)),
      8,
    )
    const result = await verifyLog(tampered(store, log, headOf(log)))
    expect(result).toMatchObject({
      ok: false,
      position: '9',
      reason: expect.stringMatching(/schema/) as unknown,
    })
  })

  describe('against a checkpoint', () => {
    it('passes when the log still holds the checkpoint, then more', async () => {
      const { store, events } = await realLog()
      const checkpoint = headOf(events.slice(0, 10))
      expect(await verifyLog(store, { checkpoint })).toMatchObject({ ok: true, events: 12 })
    })

    it('detects a history rewritten and re-hashed end to end, which the chain alone cannot', async () => {
      const { store, events } = await realLog()
      const checkpoint = headOf(events.slice(0, 10))
      const rewritten = resealFrom(
        events.map((e, i) => (i === 2 ? { ...e, meta: { ...e.meta, actorId: 'mallory' } } : e)),
        2,
      )
      const forged = tampered(store, rewritten, headOf(rewritten))
      expect(await verifyLog(forged)).toMatchObject({ ok: true, events: 12 })
      const result = await verifyLog(forged, { checkpoint })
      expect(result).toMatchObject({
        ok: false,
        position: '10',
        reason: expect.stringMatching(/checkpoint/) as unknown,
      })
    })

    it('detects a tail cut below the checkpoint', async () => {
      const { store, events } = await realLog()
      const checkpoint = headOf(events)
      const cut = events.slice(0, 11)
      const forged = tampered(store, cut, headOf(cut))
      expect(await verifyLog(forged)).toMatchObject({ ok: true, events: 11 })
      expect(await verifyLog(forged, { checkpoint })).toMatchObject({
        ok: false,
        position: '12',
        reason: expect.stringMatching(/no longer contains/) as unknown,
      })
    })
  })

  describe('with outcomes', () => {
    /** The position of the first event command `commandId` wrote. */
    function firstOf(events: readonly RecordedEvent[], commandId: string): string {
      return events.find((e) => e.meta.commandId === commandId)!.position
    }

    it('passes on a real log, whose every event is named by its command outcome', async () => {
      const { store, events } = await realLog()
      expect(await verifyLog(store, { outcomes: true })).toEqual({
        ok: true,
        events: events.length,
        head: headOf(events),
      })
    })

    it('finds a deleted outcome at its command first event, which the chain alone cannot', async () => {
      const { store, events } = await realLog()
      const forged = withOutcome(store, 'award:MS-2', () => undefined)
      expect(await verifyLog(forged)).toMatchObject({ ok: true })
      expect(await verifyLog(forged, { outcomes: true })).toEqual({
        ok: false,
        position: firstOf(events, 'award:MS-2'),
        reason: expect.stringMatching(/award:MS-2 .*no recorded outcome/) as unknown,
      })
    })

    it('finds an outcome turned into a refusal, or naming other versions', async () => {
      const { store, events } = await realLog()
      const refused = withOutcome(store, 'certify', (real) => ({
        ...real,
        result: {
          ok: false,
          rejection: { code: 'contract_closed', message: 'forged', details: {} },
        },
      }))
      expect(await verifyLog(refused, { outcomes: true })).toEqual({
        ok: false,
        position: firstOf(events, 'certify'),
        reason: expect.stringMatching(/refusal \(contract_closed\)/) as unknown,
      })
      const elsewhere = withOutcome(store, 'certify', (real) => ({
        ...real,
        result: { ok: true, written: [{ stream: 'contract-MS-1', fromVersion: 9, toVersion: 9 }] },
      }))
      expect(await verifyLog(elsewhere, { outcomes: true })).toEqual({
        ok: false,
        position: firstOf(events, 'certify'),
        reason: expect.stringMatching(/does not name it/) as unknown,
      })
    })

    it('looks each command up once, however many events it wrote', async () => {
      const { store, events } = await realLog()
      const looked: string[] = []
      const counting: EventStore = {
        ...store,
        findOutcome: (id) => {
          looked.push(id)
          return store.findOutcome(id)
        },
      }
      expect(await verifyLog(counting, { outcomes: true })).toMatchObject({ ok: true })
      expect(looked).toEqual([...new Set(events.map((e) => e.meta.commandId))])
    })
  })
})
