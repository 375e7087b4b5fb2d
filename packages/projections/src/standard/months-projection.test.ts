import { formatCents } from '@plafond/core'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { foldProjections } from '../fold/fold-projections.js'
import { datedMoney, sumDated } from '../test-support/dated-money.js'
import { runScenario, scenarioArbitrary } from '../test-support/ledger-scenario.js'
import { monthsProjection } from './months-projection.js'
import { overviewProjection } from './overview-projection.js'

function monthsBetween(first: string, last: string): string[] {
  const out: string[] = []
  let year = Number(first.slice(0, 4))
  let month = Number(first.slice(5, 7))
  for (;;) {
    const label = `${year}-${String(month).padStart(2, '0')}`
    out.push(label)
    if (label === last) return out
    month = month === 12 ? 1 : month + 1
    if (month === 1) year += 1
  }
}

describe('monthsProjection', () => {
  test('each month and its running totals equal a direct fold of the dated money', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArbitrary(10, 50), async (scenario) => {
        const { events } = await runScenario(scenario)
        const money = datedMoney(events)
        const states = foldProjections(events, [monthsProjection, overviewProjection])
        const [view] = monthsProjection.view(states.months)
        const months = [...new Set(money.map((m) => m.on.slice(0, 7)))].sort()
        if (months.length === 0) {
          expect(view).toBeUndefined()
          return
        }
        expect(view!.months.map((m) => m.month)).toEqual(monthsBetween(months[0]!, months.at(-1)!))
        for (const row of view!.months) {
          const inMonth = (on: string): boolean => on.startsWith(row.month)
          const byEnd = (on: string): boolean => on.slice(0, 7) <= row.month
          expect(row).toEqual({
            month: row.month,
            committed: formatCents(sumDated(money, 'committed', inMonth)),
            certified: formatCents(sumDated(money, 'certified', inMonth)),
            paid: formatCents(sumDated(money, 'paid', inMonth)),
            cumulativeCommitted: formatCents(sumDated(money, 'committed', byEnd)),
            cumulativeCertified: formatCents(sumDated(money, 'certified', byEnd)),
            cumulativePaid: formatCents(sumDated(money, 'paid', byEnd)),
          })
        }
        const [overview] = overviewProjection.view(states.overview)
        expect(view!.months.at(-1)).toMatchObject({
          cumulativeCommitted: overview!.committed,
          cumulativeCertified: overview!.certified,
          cumulativePaid: overview!.paid,
        })
      }),
      { numRuns: 15 },
    )
  })
})
