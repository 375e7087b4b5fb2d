import { formatCents, yearOf } from '@plafond/core'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { foldProjections } from '../fold/fold-projections.js'
import { datedMoney, sumDated } from '../test-support/dated-money.js'
import { runScenario, scenarioArbitrary } from '../test-support/ledger-scenario.js'
import { budgetYearsProjection } from './budget-years-projection.js'
import { overviewProjection } from './overview-projection.js'

describe('budgetYearsProjection', () => {
  test('each year’s AE, CP and what remains to pay equal a direct fold of the dated money', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArbitrary(10, 50), async (scenario) => {
        const { events } = await runScenario(scenario)
        const money = datedMoney(events)
        const states = foldProjections(events, [budgetYearsProjection, overviewProjection])
        const [view] = budgetYearsProjection.view(states.budgetYears)
        const years = [...new Set(money.map((m) => yearOf(m.on)))].sort((a, b) => a - b)
        if (years.length === 0) {
          expect(view).toBeUndefined()
          return
        }
        // Calendar years (LOLF art. 1), none skipped between the first and the last.
        expect(view!.years.map((y) => y.year)).toEqual(
          Array.from({ length: years.at(-1)! - years[0]! + 1 }, (_, i) => years[0]! + i),
        )
        for (const row of view!.years) {
          const inYear = (on: string): boolean => yearOf(on) === row.year
          const byEnd = (on: string): boolean => yearOf(on) <= row.year
          expect(row).toEqual({
            year: row.year,
            committed: formatCents(sumDated(money, 'committed', inYear)),
            certified: formatCents(sumDated(money, 'certified', inYear)),
            paid: formatCents(sumDated(money, 'paid', inYear)),
            cumulativeCommitted: formatCents(sumDated(money, 'committed', byEnd)),
            cumulativePaid: formatCents(sumDated(money, 'paid', byEnd)),
            remainingToPay: formatCents(
              sumDated(money, 'committed', byEnd) - sumDated(money, 'paid', byEnd),
            ),
          })
        }
        const [overview] = overviewProjection.view(states.overview)
        expect(view!.years.at(-1)!.cumulativeCommitted).toBe(overview!.committed)
      }),
      { numRuns: 15 },
    )
  })
})
