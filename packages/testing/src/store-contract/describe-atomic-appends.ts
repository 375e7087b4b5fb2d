import type { CommandOutcome } from '@plafond/core'
import { describe, expect, it } from 'vitest'
import { expectLedgerError, readEvents, snapshotLog } from './contract-assertions.js'
import type { ContractStores } from './contract-stores.js'
import { newTestEvent, newTestEvents } from './new-test-event.js'
import { newTestOutcome } from './new-test-outcome.js'

/**
 * Multi-stream appends are all or nothing; empty writes assert versions; a stream named by several
 * writes is written in their order, each checked against the version the earlier ones leave.
 */
export function describeAtomicAppends(stores: ContractStores): void {
  describe('atomic multi-stream appends', () => {
    it("an append to several streams writes every stream's events, each with its own versions", async () => {
      const store = await stores.open()
      await store.append([{ stream: 'contract-c', expectedVersion: 0, events: newTestEvents(2) }])
      const { events } = await store.append([
        { stream: 'framework-f', expectedVersion: 'no_stream', events: newTestEvents(2) },
        { stream: 'contract-c', expectedVersion: 2, events: [newTestEvent()] },
      ])
      expect(events.map((e) => [e.stream, e.version])).toEqual([
        ['framework-f', 1],
        ['framework-f', 2],
        ['contract-c', 3],
      ])
      expect((await readEvents(store.readStream('framework-f'))).length).toBe(2)
      expect((await readEvents(store.readStream('contract-c'))).length).toBe(3)
    })

    it("the log lays out an append's events in the order of its writes, then of each write's events", async () => {
      const store = await stores.open()
      const a = newTestEvents(2)
      const b = newTestEvents(2)
      const { events } = await store.append([
        { stream: 'stream-b', expectedVersion: 'any', events: b },
        { stream: 'stream-a', expectedVersion: 'any', events: a },
      ])
      const ids = [...b, ...a].map((e) => e.id)
      expect(events.map((e) => e.id)).toEqual(ids)
      expect((await readEvents(store.readAll())).map((e) => e.id)).toEqual(ids)
    })

    it('what append returns is exactly what the log then holds', async () => {
      const store = await stores.open()
      const first = await store.append([
        { stream: 'stream-a', expectedVersion: 0, events: newTestEvents(2) },
      ])
      const second = await store.append([
        { stream: 'stream-b', expectedVersion: 0, events: [newTestEvent()] },
        { stream: 'stream-a', expectedVersion: 2, events: [newTestEvent()] },
      ])
      expect(await readEvents(store.readAll())).toEqual([...first.events, ...second.events])
    })

    it('an event id already in the log, or repeated in the append, is INVALID_ARGUMENT and writes nothing', async () => {
      const store = await stores.open()
      const first = newTestEvent()
      await store.append([{ stream: 'stream-a', expectedVersion: 0, events: [first] }])
      const before = await snapshotLog(store, ['stream-a', 'stream-b'])
      await expectLedgerError(
        () =>
          store.append([
            { stream: 'stream-b', expectedVersion: 0, events: [newTestEvent({ id: first.id })] },
          ]),
        'INVALID_ARGUMENT',
      )
      const twice = newTestEvent()
      await expectLedgerError(
        () =>
          store.append([{ stream: 'stream-b', expectedVersion: 0, events: [twice, { ...twice }] }]),
        'INVALID_ARGUMENT',
      )
      expect(await snapshotLog(store, ['stream-a', 'stream-b'])).toEqual(before)
    })

    it("one stream's conflict fails the whole append: the other streams, the log and the outcomes stay untouched", async () => {
      const store = await stores.open()
      await store.append([{ stream: 'stream-b', expectedVersion: 0, events: newTestEvents(2) }])
      const before = await snapshotLog(store, ['stream-a', 'stream-b', 'stream-c'])
      await expectLedgerError(
        () =>
          store.append([
            { stream: 'stream-a', expectedVersion: 'no_stream', events: newTestEvents(2) },
            { stream: 'stream-b', expectedVersion: 1, events: [newTestEvent()] },
            { stream: 'stream-c', expectedVersion: 'any', events: [newTestEvent()] },
          ]),
        'CONCURRENCY_CONFLICT',
      )
      expect(await snapshotLog(store, ['stream-a', 'stream-b', 'stream-c'])).toEqual(before)
      // The failed append reserved nothing: the same write now goes through at version 1.
      const { events } = await store.append([
        { stream: 'stream-a', expectedVersion: 'no_stream', events: [newTestEvent()] },
      ])
      expect(events.map((e) => e.version)).toEqual([1])
    })

    it('an outcome whose result JSON cannot carry fails the whole append: no event, no outcome', async () => {
      const store = await stores.open()
      await store.append([{ stream: 'stream-a', expectedVersion: 0, events: [newTestEvent()] }])
      const fine = newTestOutcome()
      const unwritable = newTestOutcome({
        // A bigint version: neither JSON nor the store's result text can carry it.
        result: {
          ok: true,
          written: [{ stream: 'stream-a', fromVersion: 2n, toVersion: 2 }],
        } as unknown as CommandOutcome['result'],
      })
      const ids = [fine.commandId, unwritable.commandId]
      const before = await snapshotLog(store, ['stream-a'], ids)
      await expect(
        store.append([{ stream: 'stream-a', expectedVersion: 1, events: [newTestEvent()] }], {
          outcomes: [fine, unwritable],
        }),
      ).rejects.toThrow()
      expect(await snapshotLog(store, ['stream-a'], ids)).toEqual(before)
    })

    it('a write with no events is a version assertion: it passes at the expected version and writes nothing to its stream', async () => {
      const store = await stores.open()
      await store.append([{ stream: 'framework-f', expectedVersion: 0, events: newTestEvents(3) }])
      const { events } = await store.append([
        { stream: 'framework-f', expectedVersion: 3, events: [] },
        { stream: 'contract-c', expectedVersion: 'no_stream', events: [newTestEvent()] },
      ])
      expect(events.map((e) => e.stream)).toEqual(['contract-c'])
      expect((await readEvents(store.readStream('framework-f'))).length).toBe(3)
    })

    it('a write with no events fails the whole append when its stream has moved on', async () => {
      const store = await stores.open()
      await store.append([{ stream: 'framework-f', expectedVersion: 0, events: newTestEvents(3) }])
      const before = await snapshotLog(store, ['framework-f', 'contract-c'])
      await expectLedgerError(
        () =>
          store.append([
            { stream: 'framework-f', expectedVersion: 2, events: [] },
            { stream: 'contract-c', expectedVersion: 'no_stream', events: [newTestEvent()] },
          ]),
        'CONCURRENCY_CONFLICT',
      )
      expect(await snapshotLog(store, ['framework-f', 'contract-c'])).toEqual(before)
    })

    it("a write with no events and 'no_stream' does not create the stream", async () => {
      const store = await stores.open()
      const { events } = await store.append([
        { stream: 'framework-f', expectedVersion: 'no_stream', events: [] },
      ])
      expect(events).toEqual([])
      expect(await readEvents(store.readStream('framework-f'))).toEqual([])
      expect(await store.head()).toBeUndefined()
      const next = await store.append([
        { stream: 'framework-f', expectedVersion: 'no_stream', events: [newTestEvent()] },
      ])
      expect(next.events.map((e) => e.version)).toEqual([1])
    })

    it('append([]) writes nothing and returns no events', async () => {
      const store = await stores.open()
      expect((await store.append([])).events).toEqual([])
      expect(await store.head()).toBeUndefined()
      expect(await readEvents(store.readAll())).toEqual([])
    })

    it('a stream named by several writes of one append is written in their order, versions following on', async () => {
      const store = await stores.open()
      await store.append([{ stream: 'contract-c', expectedVersion: 0, events: [newTestEvent()] }])
      // A batch of commands: an award (contract, then framework), then a payment on the contract.
      const { events } = await store.append([
        { stream: 'contract-c', expectedVersion: 1, events: [newTestEvent()] },
        { stream: 'framework-f', expectedVersion: 'no_stream', events: [newTestEvent()] },
        { stream: 'contract-c', expectedVersion: 2, events: newTestEvents(2) },
        { stream: 'framework-f', expectedVersion: 'any', events: [] },
      ])
      const layout = [
        ['contract-c', 2, '2'],
        ['framework-f', 1, '3'],
        ['contract-c', 3, '4'],
        ['contract-c', 4, '5'],
      ]
      expect(events.map((e) => [e.stream, e.version, e.position])).toEqual(layout)
      expect(
        (await readEvents(store.readAll())).slice(1).map((e) => [e.stream, e.version, e.position]),
      ).toEqual(layout)
      expect((await readEvents(store.readStream('contract-c'))).map((e) => e.version)).toEqual([
        1, 2, 3, 4,
      ])
    })

    it('a later write of a stream is checked against the version the earlier writes leave: else CONCURRENCY_CONFLICT, nothing written', async () => {
      const store = await stores.open()
      await store.append([{ stream: 'stream-a', expectedVersion: 0, events: [newTestEvent()] }])
      const before = await snapshotLog(store, ['stream-a', 'stream-b'])
      await expectLedgerError(
        () =>
          store.append([
            { stream: 'stream-b', expectedVersion: 'no_stream', events: [newTestEvent()] },
            { stream: 'stream-a', expectedVersion: 1, events: [newTestEvent()] },
            // Still expecting version 1, where the write above leaves the stream at 2.
            { stream: 'stream-a', expectedVersion: 1, events: [newTestEvent()] },
          ]),
        'CONCURRENCY_CONFLICT',
      )
      expect(await snapshotLog(store, ['stream-a', 'stream-b'])).toEqual(before)
      await expectLedgerError(
        () =>
          store.append([
            { stream: 'stream-b', expectedVersion: 'no_stream', events: [newTestEvent()] },
            { stream: 'stream-b', expectedVersion: 'no_stream', events: [] },
          ]),
        'CONCURRENCY_CONFLICT',
      )
      expect(await snapshotLog(store, ['stream-a', 'stream-b'])).toEqual(before)
    })
  })
}
