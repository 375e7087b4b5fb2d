import type { ReadStreamOptions } from '@plafond/core'
import { describe, expect, it } from 'vitest'
import { expectLedgerError, readEvents } from './contract-assertions.js'
import type { ContractStores } from './contract-stores.js'
import { newTestEvents } from './new-test-event.js'

/** `readStream`: one stream in version order, inclusive bounds, exact stream names. */
export function describeStreamReads(stores: ContractStores): void {
  describe('readStream', () => {
    it("readStream returns one stream's events in version order, and no other stream's", async () => {
      const store = await stores.open()
      for (let round = 0; round < 3; round++) {
        await store.append([
          { stream: 'stream-a', expectedVersion: 'any', events: newTestEvents(2) },
          { stream: 'stream-b', expectedVersion: 'any', events: newTestEvents(1) },
        ])
      }
      const a = await readEvents(store.readStream('stream-a'))
      expect(a.map((e) => [e.stream, e.version])).toEqual(
        [1, 2, 3, 4, 5, 6].map((version) => ['stream-a', version]),
      )
      const all = await readEvents(store.readAll())
      expect(a).toEqual(all.filter((e) => e.stream === 'stream-a'))
    })

    it('readStream of a stream that has no event yields nothing', async () => {
      const store = await stores.open()
      expect(await readEvents(store.readStream('stream-a'))).toEqual([])
      await store.append([{ stream: 'stream-b', expectedVersion: 'any', events: newTestEvents(2) }])
      expect(await readEvents(store.readStream('stream-a'))).toEqual([])
    })

    const bounds: readonly (readonly [ReadStreamOptions, readonly number[]])[] = [
      [{}, [1, 2, 3, 4, 5]],
      [{ fromVersion: 2 }, [2, 3, 4, 5]],
      [{ toVersion: 3 }, [1, 2, 3]],
      [{ fromVersion: 2, toVersion: 4 }, [2, 3, 4]],
      [{ fromVersion: 3, toVersion: 3 }, [3]],
      [{ fromVersion: 5 }, [5]],
      [{ toVersion: 99 }, [1, 2, 3, 4, 5]],
      [{ fromVersion: 6 }, []],
      [{ fromVersion: 4, toVersion: 2 }, []],
      [{ toVersion: 0 }, []],
      [{ fromVersion: 0 }, [1, 2, 3, 4, 5]],
      [{ fromVersion: -3, toVersion: 2 }, [1, 2]],
    ]
    it.each(bounds)(
      'readStream %o reads versions %j (bounds inclusive, clipped to the stream)',
      async (options, versions) => {
        const store = await stores.open()
        await store.append([{ stream: 'stream-a', expectedVersion: 0, events: newTestEvents(5) }])
        await store.append([{ stream: 'stream-b', expectedVersion: 0, events: newTestEvents(5) }])
        const read = await readEvents(store.readStream('stream-a', options))
        expect(read.map((e) => e.version)).toEqual(versions)
        expect(new Set(read.map((e) => e.stream))).toEqual(
          new Set(versions.length === 0 ? [] : ['stream-a']),
        )
      },
    )

    it.each([
      [{ fromVersion: 1.5 }],
      [{ toVersion: Number.NaN }],
      [{ fromVersion: '2' as unknown as number }],
    ])('readStream %o (not an integer) throws INVALID_ARGUMENT', async (options) => {
      const store = await stores.open()
      await store.append([{ stream: 'stream-a', expectedVersion: 0, events: newTestEvents(3) }])
      await expectLedgerError(
        () => readEvents(store.readStream('stream-a', options)),
        'INVALID_ARGUMENT',
      )
    })

    it("stream names are compared exactly: case, '_' and '%' make different streams", async () => {
      const store = await stores.open()
      const names = [
        'framework-ab',
        'framework-AB',
        'framework-a_',
        'framework-ax',
        'framework-a%',
        'framework-a',
      ]
      for (const [i, stream] of names.entries()) {
        await store.append([{ stream, expectedVersion: 'no_stream', events: newTestEvents(i + 1) }])
      }
      for (const [i, stream] of names.entries()) {
        const read = await readEvents(store.readStream(stream))
        expect(read.length, stream).toBe(i + 1)
        expect(read.every((e) => e.stream === stream)).toBe(true)
      }
    })
  })
}
