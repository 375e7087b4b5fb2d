import { isLedgerError, type EventStore, type StreamWrite } from '@plafond/core'
import { describe, expect, it } from 'vitest'
import { expectIntactLog, readEvents } from './contract-assertions.js'
import type { ContractStores } from './contract-stores.js'
import { newTestEvent, newTestEvents } from './new-test-event.js'
import { newTestOutcome } from './new-test-outcome.js'

const RACERS = 8

/** Settles every append and sorts the outcomes into winners and conflicts; anything else fails. */
async function race(
  appends: readonly Promise<unknown>[],
): Promise<{ readonly won: number[]; readonly conflicted: number[] }> {
  const settled = await Promise.allSettled(appends)
  const won: number[] = []
  const conflicted: number[] = []
  for (const [i, result] of settled.entries()) {
    if (result.status === 'fulfilled') won.push(i)
    else if (isLedgerError(result.reason, 'CONCURRENCY_CONFLICT')) conflicted.push(i)
    else throw result.reason
  }
  return { won, conflicted }
}

/** The stream's current version, read from the store. */
async function versionOf(store: EventStore, stream: string): Promise<number> {
  let version = 0
  for await (const event of store.readStream(stream)) version = event.version
  return version
}

/** Appends from `Promise.all` on one store: one winner per version, nothing lost, nothing torn. */
export function describeConcurrency(stores: ContractStores): void {
  describe('concurrent appends', () => {
    it(`${RACERS} concurrent appends at the same expected version: exactly one wins, the others get CONCURRENCY_CONFLICT`, async () => {
      const store = await stores.open()
      await store.append([{ stream: 'stream-a', expectedVersion: 0, events: newTestEvents(2) }])
      const batches = Array.from({ length: RACERS }, () => newTestEvents(2))
      const { won, conflicted } = await race(
        batches.map((events) => store.append([{ stream: 'stream-a', expectedVersion: 2, events }])),
      )
      expect(won.length).toBe(1)
      expect(conflicted.length).toBe(RACERS - 1)
      const read = await readEvents(store.readStream('stream-a'))
      expect(read.map((e) => e.version)).toEqual([1, 2, 3, 4])
      expect(read.slice(2).map((e) => e.id)).toEqual(batches[won[0]!]!.map((e) => e.id))
      await expectIntactLog(store)
    })

    it(`${RACERS} concurrent appends with 'no_stream' to a new stream: exactly one wins`, async () => {
      const store = await stores.open()
      const batches = Array.from({ length: RACERS }, () => newTestEvents(3))
      const { won } = await race(
        batches.map((events) =>
          store.append([{ stream: 'stream-a', expectedVersion: 'no_stream', events }]),
        ),
      )
      expect(won.length).toBe(1)
      const read = await readEvents(store.readStream('stream-a'))
      expect(read.map((e) => e.id)).toEqual(batches[won[0]!]!.map((e) => e.id))
      await expectIntactLog(store)
    })

    it('concurrent multi-stream appends that share one stream: one wins, the losers write to no stream', async () => {
      const store = await stores.open()
      const writes: StreamWrite[][] = Array.from({ length: RACERS }, (_, i) => [
        { stream: `contract-${i}`, expectedVersion: 'no_stream', events: newTestEvents(2) },
        { stream: 'framework-f', expectedVersion: 0, events: [newTestEvent()] },
      ])
      const { won } = await race(writes.map((w) => store.append(w)))
      expect(won.length).toBe(1)
      for (let i = 0; i < RACERS; i++) {
        const contract = await readEvents(store.readStream(`contract-${i}`))
        expect(contract.length, `contract-${i}`).toBe(i === won[0] ? 2 : 0)
      }
      expect((await expectIntactLog(store)).count).toBe(3)
    })

    it("concurrent appends with 'any' to one stream all land, with versions 1..n and no repeat", async () => {
      const store = await stores.open()
      const batches = Array.from({ length: RACERS }, () => newTestEvents(3))
      await Promise.all(
        batches.map((events) =>
          store.append([{ stream: 'stream-a', expectedVersion: 'any', events }]),
        ),
      )
      const read = await readEvents(store.readStream('stream-a'))
      expect(read.map((e) => e.version)).toEqual(
        Array.from({ length: RACERS * 3 }, (_, i) => i + 1),
      )
      // Each append's events stay together and in their order.
      for (const events of batches) {
        const at = read.findIndex((e) => e.id === events[0]!.id)
        expect(read.slice(at, at + 3).map((e) => e.id)).toEqual(events.map((e) => e.id))
      }
      await expectIntactLog(store)
    })

    it('concurrent appends to different streams all land, with distinct positions and an intact chain', async () => {
      const store = await stores.open()
      const results = await Promise.all(
        Array.from({ length: RACERS }, (_, i) =>
          store.append([
            { stream: `stream-${i}`, expectedVersion: 'no_stream', events: newTestEvents(5) },
          ]),
        ),
      )
      const positions = results.flatMap((r) => r.events.map((e) => e.position))
      expect(new Set(positions).size).toBe(RACERS * 5)
      expect((await expectIntactLog(store)).count).toBe(RACERS * 5)
    })

    it('writers that read, then append at the version they read, retrying on conflict: every version is won by exactly one write', async () => {
      const store = await stores.open()
      const perWriter = 5
      const writer = async (w: number): Promise<number> => {
        let conflicts = 0
        for (let n = 0; n < perWriter; n++) {
          for (;;) {
            const version = await versionOf(store, 'counter')
            try {
              await store.append([
                {
                  stream: 'counter',
                  expectedVersion: version,
                  events: [newTestEvent({ data: { writer: w, n } })],
                },
              ])
              break
            } catch (error) {
              if (!isLedgerError(error, 'CONCURRENCY_CONFLICT')) throw error
              conflicts += 1
              if (conflicts > 1000) {
                throw new Error(`Writer ${w} conflicted 1000 times without getting through.`, {
                  cause: error,
                })
              }
            }
          }
        }
        return conflicts
      }
      await Promise.all(Array.from({ length: RACERS }, (_, w) => writer(w)))
      const read = await readEvents(store.readStream('counter'))
      expect(read.map((e) => e.version)).toEqual(
        Array.from({ length: RACERS * perWriter }, (_, i) => i + 1),
      )
      const writes = read.map((e) => JSON.stringify(e.data))
      expect(new Set(writes).size).toBe(RACERS * perWriter)
      await expectIntactLog(store)
    })

    it('a tailing reader that resumes from the last position it saw misses no event written concurrently', async () => {
      const store = await stores.open()
      const writers = 4
      const appendsPerWriter = 25
      const total = writers * appendsPerWriter * 2
      let writing = true
      const seen: string[] = []
      let last: string | undefined
      const tail = async (): Promise<void> => {
        // Resume from the last position seen (fromPosition is inclusive), as a projection does.
        for (;;) {
          const done = !writing
          for await (const event of store.readAll({
            batchSize: 7,
            ...(last === undefined ? {} : { fromPosition: last }),
          })) {
            if (event.position === last) continue
            if (last !== undefined && BigInt(event.position) <= BigInt(last)) {
              throw new Error(
                `The reader saw position ${event.position} after ${last}: positions became visible out of order.`,
              )
            }
            seen.push(event.id)
            last = event.position
          }
          if (done) return
          await new Promise((resolve) => setTimeout(resolve, 1))
        }
      }
      const reading = tail()
      await Promise.all(
        Array.from({ length: writers }, async (_, w) => {
          for (let n = 0; n < appendsPerWriter; n++) {
            await store.append([
              { stream: `stream-${w}`, expectedVersion: 'any', events: newTestEvents(2) },
            ])
          }
        }),
      )
      writing = false
      await reading
      const log = await readEvents(store.readAll())
      expect(log.length).toBe(total)
      expect(seen).toEqual(log.map((e) => e.id))
    })

    it(`${RACERS} concurrent appends recording the same commandId: exactly one outcome and its events win`, async () => {
      const store = await stores.open()
      const outcomes = Array.from({ length: RACERS }, (_, i) =>
        newTestOutcome({ commandId: 'cmd-shared', commandType: `Racer${i}` }),
      )
      const { won, conflicted } = await race(
        outcomes.map((outcome, i) =>
          store.append(
            [{ stream: `stream-${i}`, expectedVersion: 'no_stream', events: [newTestEvent()] }],
            { outcomes: [outcome] },
          ),
        ),
      )
      expect(won.length).toBe(1)
      expect(conflicted.length).toBe(RACERS - 1)
      expect(await store.findOutcome('cmd-shared')).toEqual(outcomes[won[0]!])
      const log = await readEvents(store.readAll())
      expect(log.map((e) => e.stream)).toEqual([`stream-${won[0]!}`])
    })
  })
}
