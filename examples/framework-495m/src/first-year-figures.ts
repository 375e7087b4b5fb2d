import { formatCents, parseCents, type LedgerEvent } from '@plafond/core'
import {
  beneficiariesProjection,
  forecastProjection,
  foldProjections,
  monthsProjection,
  overviewProjection,
  paymentDelaysProjection,
  projectAt,
  type DelayFigures,
  type ForecastState,
  type OverviewView,
} from '@plafond/projections'
import { FRAMEWORK_TERMS } from './framework-terms.js'
import { monthEnd } from './month-dates.js'

/** One quarter of the first year, as the projections say. */
export interface QuarterFigures {
  /** `2025-Q4`, `2026-Q1`, … */
  readonly quarter: string
  readonly committed: string
  readonly certified: string
  readonly paid: string
  /** Beneficiaries with at least one call-off by the quarter's last day. */
  readonly activeBeneficiaries: number
}

/** What the ledger says about the first year, read through `@plafond/projections` only. */
export interface FirstYearFigures {
  readonly overview: OverviewView
  readonly quarters: readonly QuarterFigures[]
  /** Beneficiaries with at least one call-off at the end of the year. */
  readonly activeBeneficiaries: number
  readonly payments: DelayFigures
  /** The forecast projection's state, for `forecastProjection.view`. */
  readonly forecastState: ForecastState
}

const PROJECTIONS = [
  overviewProjection,
  monthsProjection,
  beneficiariesProjection,
  paymentDelaysProjection,
  forecastProjection,
] as const

/**
 * Folds the ledger's events through the standard projections: the framework's overview, its
 * months grouped by quarter, the beneficiaries that placed a call-off (as of each quarter's end),
 * payment delays and the forecast's state. Nothing here looks at the simulation's plans.
 */
export function firstYearFigures(events: readonly LedgerEvent[]): FirstYearFigures {
  const states = foldProjections(events, PROJECTIONS)
  const { frameworkId } = FRAMEWORK_TERMS
  const overview = only(overviewProjection.view(states.overview), frameworkId)
  const months = only(monthsProjection.view(states.months), frameworkId).months
  const payments = only(paymentDelaysProjection.view(states.paymentDelays), frameworkId)

  const byQuarter = new Map<string, { committed: bigint; certified: bigint; paid: bigint }>()
  for (const month of months) {
    const quarter = quarterOf(month.month)
    const sums = byQuarter.get(quarter) ?? { committed: 0n, certified: 0n, paid: 0n }
    sums.committed += parseCents(month.committed)
    sums.certified += parseCents(month.certified)
    sums.paid += parseCents(month.paid)
    byQuarter.set(quarter, sums)
  }
  const quarters = [...byQuarter].map(([quarter, sums]) => {
    const asOf = projectAt(events, { asOf: quarterEnd(quarter) }, [beneficiariesProjection])
    return {
      quarter,
      committed: formatCents(sums.committed),
      certified: formatCents(sums.certified),
      paid: formatCents(sums.paid),
      activeBeneficiaries: activeIn(beneficiariesProjection.view(asOf.beneficiaries)),
    }
  })
  return {
    overview,
    quarters,
    activeBeneficiaries: activeIn(beneficiariesProjection.view(states.beneficiaries)),
    payments,
    forecastState: states.forecast,
  }
}

function activeIn(
  rows: readonly { readonly frameworkId: string; readonly contracts: number }[],
): number {
  return rows.filter((row) => row.frameworkId === FRAMEWORK_TERMS.frameworkId && row.contracts > 0)
    .length
}

function only<T extends { readonly frameworkId: string }>(
  rows: readonly T[],
  frameworkId: string,
): T {
  const row = rows.find((r) => r.frameworkId === frameworkId)
  if (row === undefined) {
    throw new Error(
      `Expected the ledger to hold framework ${frameworkId}, found ${rows.length === 0 ? 'none' : rows.map((r) => r.frameworkId).join(', ')}; write the simulated year first.`,
    )
  }
  return row
}

/** `2026-04` → `2026-Q2`. */
function quarterOf(month: string): string {
  return `${month.slice(0, 4)}-Q${Math.ceil(Number(month.slice(5, 7)) / 3)}`
}

/** `2026-Q2` → `2026-06-30`. */
function quarterEnd(quarter: string): string {
  const lastMonth = Number(quarter.slice(6)) * 3
  return monthEnd(`${quarter.slice(0, 4)}-${String(lastMonth).padStart(2, '0')}-01`)
}
