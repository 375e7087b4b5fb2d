import { formatCents } from '@plafond/core'
import type { ViewedProjection } from '../projection.js'
import {
  initialPeriodTotals,
  MONTHS,
  PERIOD_EVENTS,
  periodTotals,
  type FrameworkPeriods,
  type PeriodTotalsState,
} from './period-totals.js'

/** One month of one framework: what moved, and the running totals. */
export interface MonthView {
  /** `YYYY-MM`. */
  readonly month: string
  readonly committed: string
  readonly certified: string
  readonly paid: string
  readonly cumulativeCommitted: string
  readonly cumulativeCertified: string
  readonly cumulativePaid: string
}

/** The months of one framework, from the first month with money to the last, none skipped. */
export interface FrameworkMonthsView {
  readonly frameworkId: string
  readonly months: readonly MonthView[]
}

function viewFramework(framework: FrameworkPeriods): FrameworkMonthsView {
  let committed = 0n
  let certified = 0n
  let paid = 0n
  return {
    frameworkId: framework.frameworkId,
    months: framework.rows.map((row) => {
      committed += row.committed
      certified += row.certified
      paid += row.paid
      return {
        month: row.period,
        committed: formatCents(row.committed),
        certified: formatCents(row.certified),
        paid: formatCents(row.paid),
        cumulativeCommitted: formatCents(committed),
        cumulativeCertified: formatCents(certified),
        cumulativePaid: formatCents(paid),
      }
    }),
  }
}

const monthTotals = periodTotals(MONTHS)

/** Per month: net commitments, certified deliveries and payments, and their running totals. */
export const monthsProjection: ViewedProjection<
  'months',
  PeriodTotalsState,
  readonly FrameworkMonthsView[]
> = {
  name: 'months',
  version: 1,
  initialState: initialPeriodTotals,
  evolve: monthTotals.evolve,
  keyed: monthTotals.keyed,
  handles: PERIOD_EVENTS,
  view: (state) =>
    [...state.frameworks]
      .sort((a, b) => (a.frameworkId < b.frameworkId ? -1 : 1))
      .map(viewFramework),
}
