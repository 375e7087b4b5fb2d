import { formatCents } from '@plafond/core'
import type { ViewedProjection } from '../projection.js'
import {
  initialPeriodTotals,
  PERIOD_EVENTS,
  periodTotals,
  YEARS,
  type FrameworkPeriods,
  type PeriodTotalsState,
} from './period-totals.js'

/** One budget year of one framework, as a State accountant reads it (AE / CP). */
export interface BudgetYearView {
  readonly year: number
  /** Net commitments made that year (AE consumed: awards + modifications − releases). */
  readonly committed: string
  /** Deliveries certified that year (service fait). */
  readonly certified: string
  /** Payments made that year (CP consumed). */
  readonly paid: string
  readonly cumulativeCommitted: string
  readonly cumulativePaid: string
  /** What remains to be paid at the end of the year: cumulative AE − cumulative CP ("restes à payer"). */
  readonly remainingToPay: string
}

/** The budget years of one framework, from the first year with money to the last, none skipped. */
export interface FrameworkBudgetYearsView {
  readonly frameworkId: string
  readonly years: readonly BudgetYearView[]
}

function viewFramework(framework: FrameworkPeriods): FrameworkBudgetYearsView {
  let committed = 0n
  let paid = 0n
  return {
    frameworkId: framework.frameworkId,
    years: framework.rows.map((row) => {
      committed += row.committed
      paid += row.paid
      return {
        year: Number(row.period),
        committed: formatCents(row.committed),
        certified: formatCents(row.certified),
        paid: formatCents(row.paid),
        cumulativeCommitted: formatCents(committed),
        cumulativePaid: formatCents(paid),
        remainingToPay: formatCents(committed - paid),
      }
    }),
  }
}

const yearTotals = periodTotals(YEARS)

/**
 * Per budget year (the calendar year, LOLF art. 1): commitments made that year (AE), payments
 * made that year (CP) and what remains to be paid at year end (cumulative AE − cumulative CP).
 * Amounts are HT, as the ledger keeps them; the State consumes AE and CP TTC.
 */
export const budgetYearsProjection: ViewedProjection<
  'budgetYears',
  PeriodTotalsState,
  readonly FrameworkBudgetYearsView[]
> = {
  name: 'budgetYears',
  version: 1,
  initialState: initialPeriodTotals,
  evolve: yearTotals.evolve,
  keyed: yearTotals.keyed,
  handles: PERIOD_EVENTS,
  view: (state) =>
    [...state.frameworks]
      .sort((a, b) => (a.frameworkId < b.frameworkId ? -1 : 1))
      .map(viewFramework),
}
