import { createInMemoryStore, type EventStore } from '@plafond/core'
import { describe, expect, it } from 'vitest'
import { raceForAllocation } from './race-for-allocation.js'

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

describe('raceForAllocation', () => {
  it('lets 200 concurrent awards on one ledger commit the allocation and not a cent more', async () => {
    const report = await raceForAllocation({ createStore: () => createInMemoryStore() })
    console.log('one ledger:', report)
    expect(report.accepted).toBeGreaterThan(0)
    expect(report.refused).toBeGreaterThan(0)
  })

  it('holds with four ledgers over one store, through version conflicts and retries', async () => {
    const report = await raceForAllocation({
      createStore: () => createInMemoryStore(),
      writers: 4,
    })
    console.log('four ledgers, one store:', report)
    expect(report.accepted).toBeGreaterThan(0)
    expect(report.refused).toBeGreaterThan(0)
    expect(report.retries).toBeGreaterThan(0)
  })

  it('fails when the store lets writers overwrite each other', async () => {
    const error: unknown = await raceForAllocation({
      createStore: storeWithoutVersionChecks,
      writers: 4,
      numRuns: 1,
      endOnFailure: true,
    }).catch((e: unknown) => e)
    expect(String((error as Error).cause)).toMatch(/passed the allocation|Invariants broken/)
  })
})
