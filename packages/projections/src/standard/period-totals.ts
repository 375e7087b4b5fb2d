import type { Cents, EventType, LedgerEvent } from '@plafond/core'
import type { Draft } from 'immer'
import type { EventOf, KeyedEvolve } from '../projection.js'
import { CALL_OFF } from '../state/call-off.js'
import { centsOf } from '../state/cents-of.js'
import { emptyTable, type Table } from '../state/table.js'

/** Money that moved in one period (a budget year, a month), in cents. */
export interface PeriodRow {
  /** `2026` for a budget year, `2026-03` for a month. */
  readonly period: string
  /** Net commitments dated in the period: awards + modifications − releases (AE). */
  readonly committed: Cents
  /** Deliveries certified in the period. */
  readonly certified: Cents
  /** Payments made in the period (CP). */
  readonly paid: Cents
}

/**
 * One framework's periods, contiguous and in order: `rows[i]` is period number `first + i`, so
 * an event finds its row by arithmetic on its date, with no lookup by key.
 */
export interface FrameworkPeriods {
  readonly frameworkId: string
  /** The period number of `rows[0]` (years since year 0, or months since January of year 0). */
  readonly first: number
  readonly rows: readonly PeriodRow[]
}

/** State shared by the budget-year and monthly projections. */
export interface PeriodTotalsState {
  readonly frameworks: readonly FrameworkPeriods[]
  /** frameworkId → index in `frameworks`. */
  readonly frameworkOf: Table<number>
  /** contractId → index in `frameworks`. */
  readonly contractFramework: Table<number>
}

/** How dates fall into periods: a number for arithmetic and a label for reports. */
export interface Periods {
  /** The period number of a business date `YYYY-MM-DD`. */
  readonly numberOf: (date: string) => number
  /** The label of a period number (`2026`, `2026-03`). */
  readonly labelOf: (period: number) => string
}

function digits(date: string, from: number, to: number): number {
  let value = 0
  for (let i = from; i < to; i++) value = value * 10 + date.charCodeAt(i) - 48
  return value
}

/** Budget years: calendar years (LOLF art. 1). */
export const YEARS: Periods = {
  numberOf: (date) => digits(date, 0, 4),
  labelOf: (year) => String(year).padStart(4, '0'),
}

/** Calendar months. */
export const MONTHS: Periods = {
  numberOf: (date) => digits(date, 0, 4) * 12 + digits(date, 5, 7) - 1,
  labelOf: (month) =>
    `${String(Math.floor(month / 12)).padStart(4, '0')}-${String((month % 12) + 1).padStart(2, '0')}`,
}

/** The event types the period projections read. */
export const PERIOD_EVENTS: readonly EventType[] = [
  'ServiceCertified',
  'PaymentRecorded',
  'CommitmentAwarded',
  'CommitmentModified',
  'CommitmentReleased',
]

/** A new, empty period state. */
export function initialPeriodTotals(): PeriodTotalsState {
  return { frameworks: [], frameworkOf: emptyTable(), contractFramework: emptyTable() }
}

function frameworkIndex(state: Draft<PeriodTotalsState>, frameworkId: string): number {
  const index = state.frameworkOf[frameworkId]
  if (index !== undefined) return index
  state.frameworkOf[frameworkId] = state.frameworks.length
  state.frameworks.push({ frameworkId, first: 0, rows: [] })
  return state.frameworks.length - 1
}

function emptyRow(periods: Periods, period: number): PeriodRow {
  return { period: periods.labelOf(period), committed: 0n, certified: 0n, paid: 0n }
}

/** The row of `date`, adding empty rows before or after so that rows stay contiguous. */
function rowAt(
  framework: Draft<FrameworkPeriods>,
  periods: Periods,
  date: string,
): Draft<PeriodRow> {
  const period = periods.numberOf(date)
  if (framework.rows.length === 0) {
    framework.first = period
    framework.rows.push(emptyRow(periods, period))
  } else if (period < framework.first) {
    const earlier: PeriodRow[] = []
    for (let p = period; p < framework.first; p++) earlier.push(emptyRow(periods, p))
    framework.rows.unshift(...earlier)
    framework.first = period
  }
  const index = period - framework.first
  for (let p = framework.first + framework.rows.length; p <= period; p++) {
    framework.rows.push(emptyRow(periods, p))
  }
  return framework.rows[index]!
}

function frameworkOfCallOff(
  state: Draft<PeriodTotalsState>,
  contractId: string,
): Draft<FrameworkPeriods> | undefined {
  const index = state.contractFramework[contractId]
  return index === undefined ? undefined : state.frameworks[index]
}

/** A per-period projection's `evolve` and its keyed part (see `periodTotals`). */
export interface PeriodTotalsRecipe {
  readonly evolve: (state: Draft<PeriodTotalsState>, event: LedgerEvent) => void
  /** A call-off's deliveries and payments, applied to its framework's periods. */
  readonly keyed: KeyedEvolve<PeriodTotalsState, Draft<FrameworkPeriods>>
}

/**
 * The recipe of a per-period projection. Money is dated by the event's business date:
 * commitments on award, notification or closing; certified and paid amounts on the day of the
 * delivery and of the payment.
 */
export function periodTotals(periods: Periods): PeriodTotalsRecipe {
  type Framework = Draft<FrameworkPeriods>
  const addCertified = (_: unknown, framework: Framework, event: EventOf<'ServiceCertified'>) => {
    rowAt(framework, periods, event.data.certifiedOn).certified += centsOf(event.data.amount)
  }
  const addPaid = (_: unknown, framework: Framework, event: EventOf<'PaymentRecorded'>) => {
    rowAt(framework, periods, event.data.paidOn).paid += centsOf(event.data.amount)
  }
  const keyed: PeriodTotalsRecipe['keyed'] = {
    key: CALL_OFF,
    find: frameworkOfCallOff,
    apply: { ServiceCertified: addCertified, PaymentRecorded: addPaid },
  }
  const evolve: PeriodTotalsRecipe['evolve'] = (state, event) => {
    switch (event.type) {
      case 'ServiceCertified': {
        const framework = frameworkOfCallOff(state, event.data.contractId)
        if (framework) addCertified(state, framework, event)
        return
      }
      case 'PaymentRecorded': {
        const framework = frameworkOfCallOff(state, event.data.contractId)
        if (framework) addPaid(state, framework, event)
        return
      }
      case 'CommitmentAwarded': {
        const d = event.data
        const index = frameworkIndex(state, d.frameworkId)
        state.contractFramework[d.contractId] = index
        rowAt(state.frameworks[index]!, periods, d.awardedOn).committed += centsOf(d.amount)
        return
      }
      case 'CommitmentModified': {
        const d = event.data
        const framework = state.frameworks[frameworkIndex(state, d.frameworkId)]!
        rowAt(framework, periods, d.notifiedOn).committed += centsOf(d.delta)
        return
      }
      case 'CommitmentReleased': {
        const d = event.data
        const framework = state.frameworks[frameworkIndex(state, d.frameworkId)]!
        rowAt(framework, periods, d.closedOn).committed -= centsOf(d.amount)
        return
      }
      default:
        // Allocations are not commitments; other events move no dated money.
        return
    }
  }
  return { evolve, keyed }
}
