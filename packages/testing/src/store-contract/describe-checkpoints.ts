import type { ProjectionCheckpoint } from '@plafond/core'
import { describe, expect, it } from 'vitest'
import type { ContractStores } from './contract-stores.js'
import { newTestEvents } from './new-test-event.js'

function checkpoint(overrides: Partial<ProjectionCheckpoint> = {}): ProjectionCheckpoint {
  return {
    name: 'framework-overview',
    version: 1,
    position: '42',
    state: JSON.stringify({ committed: '1234.50', holders: ['Société Générale'] }),
    ...overrides,
  }
}

/** Projection checkpoints: saved by name, replaced by the next save, absent until saved. */
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
      await store.saveCheckpoint(checkpoint({ version: 2, position: '900', state: 'old' }))
      const rebuilt = checkpoint({ version: 1, position: '7', state: 'new' })
      await store.saveCheckpoint(rebuilt)
      expect(await store.loadCheckpoint('framework-overview')).toEqual(rebuilt)
    })

    it('checkpoints of different names are independent; names are compared exactly', async () => {
      const store = await stores.open()
      const a = checkpoint({ name: 'per-beneficiary', state: 'a' })
      const b = checkpoint({ name: 'Per-Beneficiary', state: 'b' })
      await store.saveCheckpoint(a)
      await store.saveCheckpoint(b)
      await store.saveCheckpoint({ ...a, position: '43', state: 'a2' })
      expect(await store.loadCheckpoint('per-beneficiary')).toEqual({
        ...a,
        position: '43',
        state: 'a2',
      })
      expect(await store.loadCheckpoint('Per-Beneficiary')).toEqual(b)
      expect(await store.loadCheckpoint('per-holder')).toBeUndefined()
    })

    it('a large state (about 512 KB of JSON with accents, emoji and quotes) comes back byte for byte', async () => {
      const store = await stores.open()
      const rows = Array.from({ length: 4000 }, (_, i) => ({
        id: i,
        name: `Ministère de l'Économie n°${i} — "achats" 🏛️ ${'x'.repeat(40)}`,
        amount: `${i}.50`,
      }))
      const saved = checkpoint({ state: JSON.stringify(rows) })
      expect(saved.state.length).toBeGreaterThan(400_000)
      await store.saveCheckpoint(saved)
      const loaded = await store.loadCheckpoint(saved.name)
      expect(loaded?.state === saved.state).toBe(true)
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
