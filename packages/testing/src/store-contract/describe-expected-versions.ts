import type { ExpectedVersion } from '@plafond/core'
import { describe, expect, it } from 'vitest'
import { expectLedgerError, readEvents, snapshotLog } from './contract-assertions.js'
import type { ContractStores } from './contract-stores.js'
import { newTestEvent, newTestEvents } from './new-test-event.js'

/** Expected versions: a number (0 = empty), `'no_stream'`, `'any'`; stale ones write nothing. */
export function describeExpectedVersions(stores: ContractStores): void {
  describe('expected versions', () => {
    it('expectedVersion 0 writes to an empty stream, whose events get versions 1..n', async () => {
      const store = await stores.open()
      const { events } = await store.append([
        { stream: 'framework-a', expectedVersion: 0, events: newTestEvents(3) },
      ])
      expect(events.map((e) => e.version)).toEqual([1, 2, 3])
      const read = await readEvents(store.readStream('framework-a'))
      expect(read.map((e) => e.version)).toEqual([1, 2, 3])
    })

    it("expectedVersion 'no_stream' writes to a stream that has no event", async () => {
      const store = await stores.open()
      const { events } = await store.append([
        { stream: 'framework-a', expectedVersion: 'no_stream', events: newTestEvents(2) },
      ])
      expect(events.map((e) => [e.stream, e.version])).toEqual([
        ['framework-a', 1],
        ['framework-a', 2],
      ])
    })

    it('expectedVersion n writes when the stream is at version n, continuing at n + 1', async () => {
      const store = await stores.open()
      await store.append([{ stream: 'framework-a', expectedVersion: 0, events: newTestEvents(2) }])
      const { events } = await store.append([
        { stream: 'framework-a', expectedVersion: 2, events: newTestEvents(2) },
      ])
      expect(events.map((e) => e.version)).toEqual([3, 4])
    })

    it("expectedVersion 'any' appends whatever the stream's version, new streams included", async () => {
      const store = await stores.open()
      const first = await store.append([
        { stream: 'framework-a', expectedVersion: 'any', events: [newTestEvent()] },
      ])
      const second = await store.append([
        { stream: 'framework-a', expectedVersion: 'any', events: newTestEvents(2) },
      ])
      expect(first.events.map((e) => e.version)).toEqual([1])
      expect(second.events.map((e) => e.version)).toEqual([2, 3])
    })

    const stale: readonly (readonly [string, ExpectedVersion])[] = [
      ["'no_stream' on a stream that has events", 'no_stream'],
      ['0 on a stream that has events', 0],
      ['a version behind the stream', 1],
      ['a version ahead of the stream', 3],
      ['a version far ahead of the stream', 1_000_000],
    ]
    it.each(stale)(
      'expectedVersion %s throws CONCURRENCY_CONFLICT and writes nothing',
      async (_, expectedVersion) => {
        const store = await stores.open()
        await store.append([
          { stream: 'framework-a', expectedVersion: 'no_stream', events: newTestEvents(2) },
        ])
        const before = await snapshotLog(store, ['framework-a'])
        await expectLedgerError(
          () =>
            store.append([{ stream: 'framework-a', expectedVersion, events: newTestEvents(2) }]),
          'CONCURRENCY_CONFLICT',
        )
        expect(await snapshotLog(store, ['framework-a'])).toEqual(before)
      },
    )

    it('a number on a stream that does not exist yet throws CONCURRENCY_CONFLICT and creates nothing', async () => {
      const store = await stores.open()
      await expectLedgerError(
        () =>
          store.append([{ stream: 'framework-a', expectedVersion: 1, events: [newTestEvent()] }]),
        'CONCURRENCY_CONFLICT',
      )
      expect(await readEvents(store.readStream('framework-a'))).toEqual([])
      expect(await store.head()).toBeUndefined()
    })

    const invalid: readonly (readonly [string, unknown])[] = [
      ['-1', -1],
      ['1.5', 1.5],
      ['NaN', Number.NaN],
      ['Infinity', Number.POSITIVE_INFINITY],
      ["the string '1'", '1'],
      ["'stream_exists' (not in the port)", 'stream_exists'],
    ]
    it.each(invalid)(
      'expectedVersion %s is not a valid expectation: INVALID_ARGUMENT, nothing written',
      async (_, expectedVersion) => {
        const store = await stores.open()
        await expectLedgerError(
          () =>
            store.append([
              {
                stream: 'framework-a',
                expectedVersion: expectedVersion as ExpectedVersion,
                events: [newTestEvent()],
              },
            ]),
          'INVALID_ARGUMENT',
        )
        expect(await store.head()).toBeUndefined()
      },
    )
  })
}
