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

  it('starts from the run a path names, as fast-check prints it with the seed', async () => {
    const race = (numRuns: number, path?: string) =>
      raceForAllocation({
        createStore: () => createInMemoryStore(),
        numRuns,
        seed: 42,
        ...(path === undefined ? {} : { path }),
      })
    // Run 3 of seed 42 alone, against what the fourth run added to the first three.
    const third = await race(3)
    const fourth = await race(4)
    const alone = await race(1, '3')
    const first = await race(1)
    expect(alone.accepted).toBe(fourth.accepted - third.accepted)
    expect(alone.refused).toBe(fourth.refused - third.refused)
    // This seed's run 3 is unlike its run 0, so a path left out would show.
    expect([first.accepted, first.refused]).not.toEqual([alone.accepted, alone.refused])
  })
})
