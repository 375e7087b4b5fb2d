import { isBusinessDate, type RecordedEvent } from '@plafond/core'
import {
  alertsProjection,
  beneficiariesProjection,
  budgetYearsProjection,
  contractsProjection,
  forecastProjection,
  holdersProjection,
  monthsProjection,
  normalizeWindow,
  overviewProjection,
  paymentDelaysProjection,
  productsProjection,
  projectAt,
  summarizeContractViews,
  type ContractView,
  type ForecastScenario,
  type HoldersView,
  type PaymentDelaysView,
  type StandardStates,
} from '@plafond/projections'
import type { ContractsSummary, ReportData } from './report-data.js'

/**
 * What a report is made from: the ledger's events (the report folds the standard projections
 * over them, within `asOf` / `asKnownAt`), or the standard projections' states already folded
 * (a runner's `states()`, `projectAt(…)`).
 */
export type ReportSource = Iterable<RecordedEvent> | StandardStates

/** Options of `buildReport`. */
export interface BuildReportOptions {
  /** The day the report is made, `YYYY-MM-DD`: the forecast counts from it. No clock is read. */
  readonly today: string
  /**
   * Count only what took effect by this business date. With events, they are filtered; with
   * states, it only labels them (the states must already be as of that date).
   */
  readonly asOf?: string
  /** Count only what was recorded by this instant (events only; states are taken as they are). */
  readonly asKnownAt?: string | Date
  /** The framework to report on; required when the ledger holds several. */
  readonly frameworkId?: string
  /** The report's title; the framework's own title by default. */
  readonly title?: string
  /** When the report is generated (ISO-8601 or a Date), printed in its header; omitted if absent. */
  readonly generatedAt?: string | Date
  /** A notice shown prominently in every format, e.g. "Données synthétiques : …". */
  readonly notice?: string
  /** The forecast's measuring window (6 months by default) and its what-if scenarios. */
  readonly forecast?: {
    /** Months of history the burn is measured over. */
    readonly months?: number
    /** Named what-ifs on the burn (a factor, a monthly growth). */
    readonly scenarios?: readonly ForecastScenario[]
  }
}

function isEvents(source: ReportSource): source is Iterable<RecordedEvent> {
  return Symbol.iterator in source
}

function pickFramework(ids: readonly string[], wanted: string | undefined): string {
  if (wanted !== undefined) {
    if (ids.includes(wanted)) return wanted
    throw new RangeError(
      `Expected frameworkId to name a framework of the ledger (${ids.join(', ') || 'none'}), found ${JSON.stringify(wanted)}.`,
    )
  }
  if (ids.length === 1) return ids[0]!
  if (ids.length === 0) {
    throw new RangeError(
      'Expected a ledger holding a framework agreement, found none in the time window: open one with OpenFramework, or widen asOf / asKnownAt.',
    )
  }
  throw new RangeError(
    `Expected one framework agreement, found ${ids.length} (${ids.join(', ')}): pass frameworkId to say which one to report on.`,
  )
}

/** The contracts view's totals, recomputed over one framework's call-offs. */
function summarizeContracts(contracts: readonly ContractView[]): ContractsSummary {
  return {
    ...summarizeContractViews(contracts),
    modified: contracts.filter((contract) => contract.modifications.length > 0).length,
  }
}

function noHolders(frameworkId: string): HoldersView {
  return {
    frameworkId,
    committed: '0.00',
    awarded: '0.00',
    concentration: null,
    awardedConcentration: null,
    holders: [],
  }
}

function noDelays(frameworkId: string): PaymentDelaysView {
  return {
    frameworkId,
    payments: 0,
    onTime: 0,
    onTimeShare: null,
    onTimeAmountShare: null,
    averageDays: null,
    maxDays: null,
    upTo30Days: 0,
    upTo60Days: 0,
    upTo90Days: 0,
    over90Days: 0,
    paymentsWithoutInvoice: 0,
    latePayments: 0,
    interest: '0.00',
    lumpSums: '0.00',
    interestDue: '0.00',
    beneficiaries: [],
  }
}

function checkDate(name: string, value: string | undefined): void {
  if (value !== undefined && !isBusinessDate(value)) {
    throw new RangeError(
      `Expected ${name} to be a real date written YYYY-MM-DD, found ${JSON.stringify(value)}.`,
    )
  }
}

/**
 * The data of a report on one framework agreement, from the ledger's events or the standard
 * projections' states: every standard view, narrowed to the framework. Pure: the same source and
 * options give the same data; `today` and `generatedAt` are passed in, no clock is read.
 *
 * ```ts
 * const events = []
 * for await (const event of ledger.readAll()) events.push(event)
 * const data = buildReport(events, { today: '2026-01-31', asOf: '2025-12-31' })
 * const html = renderHtml(data)
 * ```
 */
export function buildReport(source: ReportSource, options: BuildReportOptions): ReportData {
  checkDate('today', options.today)
  checkDate('asOf', options.asOf)
  const window = {
    ...(options.asOf === undefined ? {} : { asOf: options.asOf }),
    ...(options.asKnownAt === undefined ? {} : { asKnownAt: options.asKnownAt }),
  }
  const asKnownAt = normalizeWindow(window).asKnownAt ?? null
  const states: StandardStates = isEvents(source)
    ? projectAt(source, { ...window, freeze: false })
    : source
  const overviews = overviewProjection.view(states.overview)
  const frameworkId = pickFramework(
    overviews.map((row) => row.frameworkId).sort(),
    options.frameworkId,
  )
  const overview = overviews.find((row) => row.frameworkId === frameworkId)!
  const ours = <T extends { readonly frameworkId: string }>(rows: readonly T[]): T[] =>
    rows.filter((row) => row.frameworkId === frameworkId)

  const contracts = ours(contractsProjection.view(states.contracts).contracts)
  const products = new Set(
    contracts.flatMap((c) => (c.product === null ? [] : [`${c.beneficiaryId}/${c.product}`])),
  )
  // The forecast is made on the day the figures describe, when that is before today.
  const forecastDay =
    options.asOf !== undefined && options.asOf < options.today ? options.asOf : options.today
  const forecast = ours(
    forecastProjection.view(states.forecast, {
      today: forecastDay,
      ...(options.forecast?.months === undefined ? {} : { months: options.forecast.months }),
      ...(options.forecast?.scenarios === undefined
        ? {}
        : { scenarios: options.forecast.scenarios }),
    }),
  )[0]
  const generatedAt =
    options.generatedAt === undefined
      ? null
      : normalizeWindow({ asKnownAt: options.generatedAt }).asKnownAt!

  return {
    meta: {
      frameworkId,
      title: options.title ?? overview.title ?? frameworkId,
      asOf: options.asOf ?? null,
      asKnownAt,
      today: options.today,
      generatedAt,
      notice: options.notice ?? null,
    },
    overview,
    beneficiaries: ours(beneficiariesProjection.view(states.beneficiaries)),
    holders: ours(holdersProjection.view(states.holders))[0] ?? noHolders(frameworkId),
    budgetYears: ours(budgetYearsProjection.view(states.budgetYears))[0]?.years ?? [],
    months: ours(monthsProjection.view(states.months))[0]?.months ?? [],
    contracts: summarizeContracts(contracts),
    products: productsProjection
      .view(states.products)
      .filter((product) => products.has(`${product.beneficiaryId}/${product.product}`)),
    alerts: ours(alertsProjection.view(states.alerts)),
    paymentDelays:
      ours(paymentDelaysProjection.view(states.paymentDelays))[0] ?? noDelays(frameworkId),
    forecast: forecast ?? null,
  }
}
