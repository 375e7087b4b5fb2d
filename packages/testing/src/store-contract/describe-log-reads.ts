import type { EventStore, RecordedEvent } from '@plafond/core'
import { describe, expect, it } from 'vitest'
import { ChainChecker } from './chain-checker.js'
import { expectIntactLog, expectLedgerError, readEvents } from './contract-assertions.js'
import type { ContractStores } from './contract-stores.js'
import { newTestEvent, newTestEvents } from './new-test-event.js'

/** Events in a large log: more than any sane batch, few enough to write in seconds anywhere. */
const LARGE_LOG = 3000
const LARGE_LOG_STREAMS = 3
const EVENTS_PER_APPEND = 100

/** Ten events over three streams, written by five appends. */
async function smallLog(store: EventStore): Promise<RecordedEvent[]> {
  const written: RecordedEvent[] = []
  const plan: readonly (readonly [string, number])[] = [
    ['stream-a', 2],
    ['stream-b', 3],
    ['stream-a', 1],
    ['stream-c', 2],
    ['stream-b', 2],
  ]
  for (const [stream, count] of plan) {
    const { events } = await store.append([
      { stream, expectedVersion: 'any', events: newTestEvents(count) },
    ])
    written.push(...events)
  }
  return written
}

/** Positions, `readAll` order, `fromPosition`, `batchSize`, and reads of a large log. */
export function describeLogReads(stores: ContractStores): void {
  describe('positions and readAll', () => {
    it('positions are decimal strings of positive integers, strictly increasing in append order', async () => {
      const store = await stores.open()
      const first = await store.append([
        { stream: 'stream-a', expectedVersion: 'any', events: newTestEvents(3) },
      ])
      const second = await store.append([
        { stream: 'stream-b', expectedVersion: 'any', events: newTestEvents(2) },
        { stream: 'stream-a', expectedVersion: 'any', events: newTestEvents(2) },
      ])
      const positions = [...first.events, ...second.events].map((e) => e.position)
      for (const position of positions) expect(position).toMatch(/^[1-9][0-9]*$/)
      for (let i = 1; i < positions.length; i++) {
        expect(BigInt(positions[i]!)).toBeGreaterThan(BigInt(positions[i - 1]!))
      }
      expect((await expectIntactLog(store)).count).toBe(7)
    })

    it('readAll returns every event once, in position order', async () => {
      const store = await stores.open()
      const written = await smallLog(store)
      const read = await readEvents(store.readAll())
      expect(read).toEqual(written)
      const sorted = [...read].sort((a, b) =>
        BigInt(a.position) < BigInt(b.position)
          ? -1
          : BigInt(a.position) > BigInt(b.position)
            ? 1
            : 0,
      )
      expect(read.map((e) => e.id)).toEqual(sorted.map((e) => e.id))
    })

    it('readAll on an empty log yields nothing', async () => {
      const store = await stores.open()
      expect(await readEvents(store.readAll())).toEqual([])
      expect(await readEvents(store.readAll({ fromPosition: '1', batchSize: 1 }))).toEqual([])
    })

    it('readAll fromPosition is inclusive: it starts at the event with that position', async () => {
      const store = await stores.open()
      const written = await smallLog(store)
      for (let i = 0; i < written.length; i++) {
        const read = await readEvents(store.readAll({ fromPosition: written[i]!.position }))
        expect(read.map((e) => e.id)).toEqual(written.slice(i).map((e) => e.id))
      }
    })

    it('readAll fromPosition just above an event starts at the next event, gaps or not', async () => {
      const store = await stores.open()
      const written = await smallLog(store)
      for (let i = 1; i < written.length; i++) {
        const fromPosition = (BigInt(written[i - 1]!.position) + 1n).toString()
        const read = await readEvents(store.readAll({ fromPosition }))
        expect(read.map((e) => e.id)).toEqual(written.slice(i).map((e) => e.id))
      }
    })

    it("readAll from '0' reads the whole log; from past the head it reads nothing", async () => {
      const store = await stores.open()
      const written = await smallLog(store)
      expect(await readEvents(store.readAll({ fromPosition: '0' }))).toEqual(written)
      const past = (BigInt(written.at(-1)!.position) + 1n).toString()
      expect(await readEvents(store.readAll({ fromPosition: past }))).toEqual([])
      expect(await readEvents(store.readAll({ fromPosition: '99999999999999' }))).toEqual([])
    })

    it.each([1, 2, 3, 7, 10, 11, 1000])(
      'readAll with batchSize %i yields the same log as the default',
      async (batchSize) => {
        const store = await stores.open()
        const written = await smallLog(store)
        expect(await readEvents(store.readAll({ batchSize }))).toEqual(written)
        const from = written[4]!.position
        expect(await readEvents(store.readAll({ batchSize, fromPosition: from }))).toEqual(
          written.slice(4),
        )
      },
    )

    it.each([0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])(
      'readAll with batchSize %s throws INVALID_ARGUMENT',
      async (batchSize) => {
        const store = await stores.open()
        await smallLog(store)
        await expectLedgerError(() => readEvents(store.readAll({ batchSize })), 'INVALID_ARGUMENT')
      },
    )

    it.each(['', 'abc', '-1', '1.5', '1e3', ' 1', '0x10', '01'])(
      'readAll with fromPosition %j (not a canonical decimal string) throws INVALID_ARGUMENT',
      async (fromPosition) => {
        const store = await stores.open()
        await smallLog(store)
        await expectLedgerError(
          () => readEvents(store.readAll({ fromPosition })),
          'INVALID_ARGUMENT',
        )
      },
    )

    it(`a log of ${LARGE_LOG} events streams through readAll in small batches, in order, with an intact chain`, async () => {
      const store = await stores.open()
      for (let written = 0; written < LARGE_LOG; written += EVENTS_PER_APPEND) {
        const stream = `stream-${(written / EVENTS_PER_APPEND) % LARGE_LOG_STREAMS}`
        await store.append([
          { stream, expectedVersion: 'any', events: newTestEvents(EVENTS_PER_APPEND) },
        ])
      }
      // Walk without keeping events: the checker holds only the last one.
      const checker = new ChainChecker()
      let middle: string | undefined
      for await (const event of store.readAll({ batchSize: 128 })) {
        checker.check(event)
        if (checker.count === LARGE_LOG / 2) middle = event.position
      }
      expect(checker.count).toBe(LARGE_LOG)
      expect(await store.head()).toEqual(checker.last)

      let fromMiddle = 0
      let previous = 0n
      for await (const event of store.readAll({ batchSize: 64, fromPosition: middle! })) {
        if (fromMiddle === 0) expect(event.position).toBe(middle)
        expect(BigInt(event.position)).toBeGreaterThan(previous)
        previous = BigInt(event.position)
        fromMiddle += 1
      }
      expect(fromMiddle).toBe(LARGE_LOG / 2 + 1)

      let version = 0
      for await (const event of store.readStream('stream-1')) {
        version += 1
        expect(event.version).toBe(version)
        expect(event.stream).toBe('stream-1')
      }
      expect(version).toBe(LARGE_LOG / LARGE_LOG_STREAMS)
    })

    it('leaving readAll and readStream iterations early, by break or by throw, leaves the store usable', async () => {
      const store = await stores.open()
      await smallLog(store)
      // More abandoned readers than any connection pool: a leaked cursor or client shows here.
      for (let i = 0; i < 30; i++) {
        for await (const _ of store.readAll({ batchSize: 2 })) break
        for await (const _ of store.readStream('stream-b')) break
        await expect(async () => {
          for await (const _ of store.readAll({ batchSize: 3 })) throw new Error('reader gave up')
        }).rejects.toThrow('reader gave up')
      }
      const { events } = await store.append([
        { stream: 'stream-a', expectedVersion: 3, events: [newTestEvent()] },
      ])
      expect(events.map((e) => e.version)).toEqual([4])
      expect((await expectIntactLog(store)).count).toBe(11)
    })

    it('events appended while a readAll is in progress come after what it saw, in order, or not at all', async () => {
      const store = await stores.open()
      const before = await smallLog(store)
      const seen: RecordedEvent[] = []
      let appended: readonly RecordedEvent[] = []
      for await (const event of store.readAll({ batchSize: 2 })) {
        seen.push(event)
        if (seen.length === 1) {
          appended = (
            await store.append([
              { stream: 'stream-d', expectedVersion: 'any', events: newTestEvents(4) },
            ])
          ).events
        }
      }
      expect(seen.slice(0, before.length)).toEqual(before)
      const extra = seen.slice(before.length)
      expect(extra).toEqual(appended.slice(0, extra.length))
    })
  })
}
