import type { EventStore, ReadAllOptions, RecordedEvent } from '@plafond/core'
import { describe, expect, it } from 'vitest'
import { expectLedgerError, readEvents } from './contract-assertions.js'
import type { ContractStores } from './contract-stores.js'
import { newTestEvents } from './new-test-event.js'

type BatchReader = Required<Pick<EventStore, 'readAllBatches'>>

/** Every batch `readAllBatches` yields, in order. */
async function readBatches(
  store: BatchReader,
  options?: ReadAllOptions,
): Promise<(readonly RecordedEvent[])[]> {
  const out: (readonly RecordedEvent[])[] = []
  for await (const batch of store.readAllBatches(options)) out.push(batch)
  return out
}

/** Seventeen events over three streams. */
async function log(store: EventStore): Promise<readonly RecordedEvent[]> {
  const written: RecordedEvent[] = []
  for (const [stream, count] of [
    ['stream-a', 5],
    ['stream-b', 4],
    ['stream-a', 6],
    ['stream-c', 2],
  ] as const) {
    const { events } = await store.append([
      { stream, expectedVersion: 'any', events: newTestEvents(count) },
    ])
    written.push(...events)
  }
  return written
}

/**
 * `readAllBatches`, for stores that have it: the events of `readAll`, in batches. A store without
 * it skips these tests (consumers then group what `readAll` yields).
 */
export function describeBatchReads(stores: ContractStores): void {
  describe('readAllBatches (optional)', () => {
    /** The store, or a skip of the test when it has no `readAllBatches`. */
    async function openBatchReader(
      skip: (note: string) => void,
    ): Promise<EventStore & BatchReader> {
      const store = await stores.open()
      if (store.readAllBatches === undefined) skip('this store has no readAllBatches')
      return store as EventStore & BatchReader
    }

    it.for([1, 2, 5, 16, 17, 1000])(
      'with batchSize %i, yields the events of readAll, in order, in non-empty batches of at most that many',
      async (batchSize, { skip }) => {
        const store = await openBatchReader(skip)
        const written = await log(store)
        const batches = await readBatches(store, { batchSize })
        for (const batch of batches) {
          expect(batch.length).toBeGreaterThan(0)
          expect(batch.length).toBeLessThanOrEqual(batchSize)
        }
        expect(batches.flat()).toEqual(written)
        expect(batches.flat()).toEqual(await readEvents(store.readAll({ batchSize })))
      },
    )

    it('fromPosition is inclusive, as in readAll; an empty log or a position past the head yields no batch', async ({
      skip,
    }) => {
      const store = await openBatchReader(skip)
      expect(await readBatches(store)).toEqual([])
      const written = await log(store)
      for (const i of [0, 1, 7, 16]) {
        const fromPosition = written[i]!.position
        expect((await readBatches(store, { fromPosition, batchSize: 3 })).flat()).toEqual(
          written.slice(i),
        )
      }
      const past = (BigInt(written.at(-1)!.position) + 1n).toString()
      expect(await readBatches(store, { fromPosition: past })).toEqual([])
    })

    it('refuses a bad batchSize or fromPosition with INVALID_ARGUMENT, as readAll does', async ({
      skip,
    }) => {
      const store = await openBatchReader(skip)
      await log(store)
      await expectLedgerError(() => readBatches(store, { batchSize: 0 }), 'INVALID_ARGUMENT')
      await expectLedgerError(() => readBatches(store, { fromPosition: '-1' }), 'INVALID_ARGUMENT')
    })

    it('a batch already handed over does not change when the log grows', async ({ skip }) => {
      const store = await openBatchReader(skip)
      const written = await log(store)
      const seen: RecordedEvent[] = []
      for await (const batch of store.readAllBatches({ batchSize: 4 })) {
        const copy = [...batch]
        await store.append([
          { stream: 'stream-d', expectedVersion: 'any', events: newTestEvents(1) },
        ])
        expect(batch).toEqual(copy)
        seen.push(...batch)
        if (seen.length >= written.length) break
      }
      expect(seen.slice(0, written.length)).toEqual(written)
    })
  })
}
