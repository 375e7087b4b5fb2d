import type { ProjectionCheckpoint } from '@plafond/core'
import { describe, expect, it } from 'vitest'
import type { ContractStores } from './contract-stores.js'
import { newTestEvents } from './new-test-event.js'

function checkpoint(overrides: Partial<ProjectionCheckpoint> = {}): ProjectionCheckpoint {
  return {
    name: 'framework-overview',
    version: 1,
    position: '42',
    parts: [JSON.stringify({ committed: '1234.50', holders: ['Société Générale'] })],
    ...overrides,
  }
}

/** Parts of about `size` characters each with accents, emoji and quotes, each one different. */
function largeParts(count: number, size: number): string[] {
  return Array.from({ length: count }, (_, part) => {
    const row = `Ministère de l'Économie n°${part} — "achats" 🏛️ \\ ${'x'.repeat(40)}\n`
    return row.repeat(Math.ceil(size / row.length))
  })
}

/**
 * Projection checkpoints: saved by name with their parts in order, replaced whole by the next save,
 * absent until saved.
 */
export function describeCheckpoints(stores: ContractStores): void {
  describe('checkpoints', () => {
    it('loadCheckpoint of a name never saved returns undefined', async () => {
      const store = await stores.open()
      expect(await store.loadCheckpoint('framework-overview')).toBeUndefined()
    })

    it('loadCheckpoint returns what saveCheckpoint saved, unchanged', async () => {
      const store = await stores.open()
      const saved = checkpoint()
      await store.saveCheckpoint(saved)
      const loaded = await store.loadCheckpoint('framework-overview')
      expect(loaded).toEqual(saved)
      expect(typeof loaded?.version).toBe('number')
      expect(typeof loaded?.position).toBe('string')
    })

    it('saveCheckpoint replaces the previous checkpoint of that name, even with a lower position and version (a rebuild)', async () => {
      const store = await stores.open()
      await store.saveCheckpoint(checkpoint({ version: 2, position: '900', parts: ['old'] }))
      const rebuilt = checkpoint({ version: 1, position: '7', parts: ['new'] })
      await store.saveCheckpoint(rebuilt)
      expect(await store.loadCheckpoint('framework-overview')).toEqual(rebuilt)
    })

    it('checkpoints of different names are independent; names are compared exactly', async () => {
      const store = await stores.open()
      const a = checkpoint({ name: 'per-beneficiary', parts: ['a'] })
      const b = checkpoint({ name: 'Per-Beneficiary', parts: ['b'] })
      await store.saveCheckpoint(a)
      await store.saveCheckpoint(b)
      await store.saveCheckpoint({ ...a, position: '43', parts: ['a2', 'a3'] })
      expect(await store.loadCheckpoint('per-beneficiary')).toEqual({
        ...a,
        position: '43',
        parts: ['a2', 'a3'],
      })
      expect(await store.loadCheckpoint('Per-Beneficiary')).toEqual(b)
      expect(await store.loadCheckpoint('per-holder')).toBeUndefined()
    })

    it('parts come back in the order they were saved, empty ones and none at all included', async () => {
      const store = await stores.open()
      const parts = Array.from({ length: 12 }, (_, i) => (i === 3 ? '' : `part ${11 - i}`))
      await store.saveCheckpoint(checkpoint({ parts }))
      expect((await store.loadCheckpoint('framework-overview'))?.parts).toEqual(parts)
      await store.saveCheckpoint(checkpoint({ name: 'nothing-yet', parts: [] }))
      expect((await store.loadCheckpoint('nothing-yet'))?.parts).toEqual([])
    })

    it('a save with fewer parts than the last one leaves none of the old parts behind', async () => {
      const store = await stores.open()
      await store.saveCheckpoint(checkpoint({ parts: ['a', 'b', 'c', 'd', 'e'] }))
      await store.saveCheckpoint(checkpoint({ position: '50', parts: ['f', 'g'] }))
      expect(await store.loadCheckpoint('framework-overview')).toEqual(
        checkpoint({ position: '50', parts: ['f', 'g'] }),
      )
      await store.saveCheckpoint(checkpoint({ position: '60', parts: ['h', 'i', 'j'] }))
      expect((await store.loadCheckpoint('framework-overview'))?.parts).toEqual(['h', 'i', 'j'])
    })

    it('large parts (a few megabytes in all, with accents, emoji, quotes and newlines) come back byte for byte', async () => {
      const store = await stores.open()
      const saved = checkpoint({ parts: largeParts(6, 600_000) })
      await store.saveCheckpoint(saved)
      const loaded = await store.loadCheckpoint(saved.name)
      expect(loaded?.parts.length).toBe(6)
      loaded?.parts.forEach((part, i) => expect(part === saved.parts[i]).toBe(true))
    })

    describe('saveCheckpointParts (optional)', () => {
      const head = { name: 'contracts', version: 2, position: '77' }

      function* numbered(count: number, failAt?: number): Generator<string> {
        for (let i = 0; i < count; i++) {
          if (i === failAt) throw new Error(`no part ${i}`)
          yield `part ${i} ${'é'.repeat(i)}`
        }
      }

      it('saves the parts an iterable yields, in order, as saveCheckpoint would save them', async ({
        skip,
      }) => {
        const store = await stores.open()
        if (store.saveCheckpointParts === undefined) return skip('no saveCheckpointParts')
        await store.saveCheckpointParts(head, numbered(9))
        expect(await store.loadCheckpoint('contracts')).toEqual({
          ...head,
          parts: [...numbered(9)],
        })
        await store.saveCheckpointParts({ ...head, position: '80' }, numbered(2))
        expect(await store.loadCheckpoint('contracts')).toEqual({
          ...head,
          position: '80',
          parts: [...numbered(2)],
        })
        await store.saveCheckpointParts(head, [])
        expect((await store.loadCheckpoint('contracts'))?.parts).toEqual([])
      })

      it('reads the iterable during the call and keeps the strings, not the iterable', async ({
        skip,
      }) => {
        const store = await stores.open()
        if (store.saveCheckpointParts === undefined) return skip('no saveCheckpointParts')
        const source = ['a', 'b', 'c']
        let taken = 0
        const parts = {
          *[Symbol.iterator]() {
            for (const part of source) {
              taken++
              yield part
            }
          },
        }
        await store.saveCheckpointParts(head, parts)
        expect(taken).toBe(3)
        source[0] = 'changed'
        expect((await store.loadCheckpoint('contracts'))?.parts).toEqual(['a', 'b', 'c'])
      })

      it('when the iterable throws half-way, the call rejects and the previous checkpoint stays whole', async ({
        skip,
      }) => {
        const store = await stores.open()
        if (store.saveCheckpointParts === undefined) return skip('no saveCheckpointParts')
        const previous = checkpoint({ name: 'contracts', parts: ['p0', 'p1', 'p2', 'p3'] })
        await store.saveCheckpoint(previous)
        await expect(
          store.saveCheckpointParts({ ...head, position: '99' }, numbered(6, 2)),
        ).rejects.toThrow('no part 2')
        expect(await store.loadCheckpoint('contracts')).toEqual(previous)
        // The store is still usable, and the next save goes through.
        await store.saveCheckpointParts(head, numbered(3))
        expect((await store.loadCheckpoint('contracts'))?.parts).toEqual([...numbered(3)])
      })
    })

    it('saving a checkpoint does not touch the log, and appends do not touch checkpoints', async () => {
      const store = await stores.open()
      await store.saveCheckpoint(checkpoint())
      expect(await store.head()).toBeUndefined()
      await store.append([{ stream: 'stream-a', expectedVersion: 'any', events: newTestEvents(2) }])
      expect(await store.loadCheckpoint('framework-overview')).toEqual(checkpoint())
    })
  })
}
