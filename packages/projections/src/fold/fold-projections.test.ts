import { formatCents, type LedgerEvent } from '@plafond/core'
import fc from 'fast-check'
import { produce } from 'immer'
import { describe, expect, test } from 'vitest'
import type { AnyProjection } from '../projection.js'
import { serializeState } from '../runner/state-codec.js'
import { standardProjections } from '../standard/standard-projections.js'
import { overviewProjection } from '../standard/overview-projection.js'
import { committedOf } from '../test-support/direct-sums.js'
import { runScenario, scenarioArbitrary } from '../test-support/ledger-scenario.js'
import { foldProjections } from './fold-projections.js'
import { projectAt } from './project-at.js'

const RUNS = { numRuns: 12 }

function serialized(states: Readonly<Record<string, unknown>>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(states).map(([name, state]) => [name, serializeState(state)]),
  )
}

/** The reference semantics of a fold: immer's `produce` per event, every event offered to every projection. */
function foldWithImmer(events: readonly LedgerEvent[], projections: readonly AnyProjection[]) {
  const states: Record<string, unknown> = {}
  for (const projection of projections) {
    let state: unknown = projection.initialState()
    for (const event of events) {
      state = produce(state, (draft: unknown) => {
        projection.evolve(draft, event)
      })
    }
    states[projection.name] = state
  }
  return states
}

const scenarioWithPicks = fc.record({
  scenario: scenarioArbitrary(10, 45),
  date: fc.nat(),
  instant: fc.nat(),
})

describe('foldProjections', () => {
  test('the direct bulk path gives the same states as immer per event, with handles or without', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArbitrary(10, 40), async (scenario) => {
        const { events } = await runScenario(scenario)
        const direct = serialized(foldProjections(events, standardProjections))
        // Without `handles` and `keyed`, every event reaches every evolve: a projection that
        // forgot a type in its list, or whose keyed part does not do what its evolve does, would
        // differ here.
        const unrouted = standardProjections.map(
          ({ handles: _handles, keyed: _keyed, ...rest }) => rest,
        )
        expect(serialized(foldWithImmer(events, unrouted))).toEqual(direct)
        expect(serialized(foldProjections(events, unrouted))).toEqual(direct)
      }),
      { numRuns: 8 },
    )
  })

  test('any subset of the standard projections, in any order, folds to the same states', async () => {
    await fc.assert(
      fc.asyncProperty(
        scenarioArbitrary(10, 40),
        fc.shuffledSubarray([...standardProjections], { minLength: 1 }),
        async (scenario, subset) => {
          const { events } = await runScenario(scenario)
          const all = serialized(foldProjections(events, standardProjections))
          // The projections sharing a key find their entries together: fewer members, other slots.
          const some = serialized(foldProjections(events, subset))
          for (const { name } of subset) expect(some[name]).toBe(all[name])
        },
      ),
      { numRuns: 8 },
    )
  })

  test('as of D equals the fold of the events dated up to D', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioWithPicks, async ({ scenario, date }) => {
        const { events } = await runScenario(scenario)
        const asOf = events[date % events.length]!.meta.effectiveOn
        const filtered = events.filter((e) => e.meta.effectiveOn <= asOf)
        expect(serialized(projectAt(events, { asOf }))).toEqual(
          serialized(foldProjections(filtered, standardProjections)),
        )
        const [overview] = overviewProjection.view(projectAt(events, { asOf }).overview)
        expect(overview?.committed ?? '0.00').toBe(
          formatCents(committedOf(events, (e) => e.meta.effectiveOn <= asOf)),
        )
      }),
      RUNS,
    )
  })

  test('as known at T equals the fold of the events recorded by T, and both bounds combine', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioWithPicks, async ({ scenario, date, instant }) => {
        const { events } = await runScenario(scenario)
        const asKnownAt = events[instant % events.length]!.meta.recordedAt
        const asOf = events[date % events.length]!.meta.effectiveOn
        const known = events.filter((e) => e.meta.recordedAt <= asKnownAt)
        expect(serialized(projectAt(events, { asKnownAt: new Date(asKnownAt) }))).toEqual(
          serialized(foldProjections(known, standardProjections)),
        )
        expect(serialized(projectAt(events, { asOf, asKnownAt }))).toEqual(
          serialized(
            foldProjections(
              known.filter((e) => e.meta.effectiveOn <= asOf),
              standardProjections,
            ),
          ),
        )
      }),
      RUNS,
    )
  })

  test('validated reads give the same states as trusted ones', async () => {
    const { events } = await runScenario(
      fc.sample(scenarioArbitrary(30, 40), { numRuns: 1, seed: 7 })[0]!,
    )
    expect(serialized(foldProjections(events, standardProjections, { read: 'validate' }))).toEqual(
      serialized(foldProjections(events, standardProjections, { read: 'trust' })),
    )
  })

  test('states are deep-frozen unless asked otherwise', async () => {
    const { events } = await runScenario(
      fc.sample(scenarioArbitrary(20, 30), { numRuns: 1, seed: 3 })[0]!,
    )
    const frozen = foldProjections(events, [overviewProjection])
    expect(Object.isFrozen(frozen.overview.rows[0])).toBe(true)
    const open = foldProjections(events, [overviewProjection], { freeze: false })
    expect(Object.isFrozen(open.overview.rows[0])).toBe(false)
  })

  test('refuses two projections with one name, and a window that is not a date', () => {
    expect(() => foldProjections([], [overviewProjection, overviewProjection])).toThrow(
      /distinct names, found "overview" twice/,
    )
    expect(() => projectAt([], { asOf: '2026-02-30' })).toThrow(/real date written YYYY-MM-DD/)
    expect(() => projectAt([], { asKnownAt: 'yesterday' })).toThrow(/ISO-8601 instant/)
  })

  test('an unknown event type fails loudly, even when trusted', () => {
    const event = {
      id: '01J00000000000000000000000',
      stream: 'framework-X',
      version: 1,
      position: '1',
      type: 'SomethingNew',
      schemaVersion: 1,
      data: {},
      meta: {
        commandId: 'c',
        actorId: 'a',
        recordedAt: '2026-01-01T00:00:00.000Z',
        effectiveOn: '2026-01-01',
      },
      prevHash: '0'.repeat(64),
      hash: '0'.repeat(64),
    }
    expect(() => foldProjections([event], standardProjections)).toThrow(/unknown type SomethingNew/)
    // Same length and first letter as ServiceCertified: routed by both, then compared in full.
    expect(() =>
      foldProjections([{ ...event, type: 'ServiceXertified' }], standardProjections),
    ).toThrow(/unknown type ServiceXertified/)
  })
})
