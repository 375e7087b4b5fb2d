import { createInMemoryStore, type EventStore } from '@plafond/core'
import { describe, expect, it } from 'vitest'
import { checkInterleavings } from './check-interleavings.js'

/** A broken store that ignores expected versions: writers overwrite each other's decisions. */
function storeWithoutVersionChecks(): EventStore {
  const store = createInMemoryStore()
  return {
    ...store,
    append: (writes, options) =>
      store.append(
        writes.map((write) => ({ ...write, expectedVersion: 'any' as const })),
        options,
      ),
  }
}

describe('checkInterleavings', () => {
  it('gives a serial outcome under every interleaving of two ledgers on one store', async () => {
    const report = await checkInterleavings({ createStore: () => createInMemoryStore() })
    console.log('interleavings:', report)
    expect(report.retries).toBeGreaterThan(0)
  })

  it('fails when the store lets writers overwrite each other', async () => {
    const error: unknown = await checkInterleavings({
      createStore: storeWithoutVersionChecks,
      endOnFailure: true,
    }).catch((e: unknown) => e)
    expect((error as Error).message).toMatch(/seed: -?\d+/)
  })
})
