import { divideHalfUp, formatCents, type Cents, type LedgerEvent } from '@plafond/core'
import type { Draft } from 'immer'
import type { EventOf, KeyedEvolve, ViewedProjection } from '../projection.js'
import { CALL_OFF } from '../state/call-off.js'
import { centsOf } from '../state/cents-of.js'
import { emptyTable, sortedKeys, type Table } from '../state/table.js'
import { formatMicros, parseMicros } from '../state/decimal-micros.js'

/** A product entered a phase on a date. */
export interface PhaseChange {
  readonly phase: string
  readonly on: string
}

/** One impact indicator of a measurement, as recorded. */
export interface IndicatorReading {
  readonly name: string
  /** A decimal written as a string, at most six decimals. */
  readonly value: string
  readonly unit: string | null
}

/** One impact measurement (every six months on beta.gouv.fr). */
export interface Measurement {
  readonly measuredOn: string
  readonly indicators: readonly IndicatorReading[]
}

/** One product of one beneficiary: its phases, its spend by day, its measurements. */
export interface ProductRow {
  readonly beneficiaryId: string
  readonly product: string
  /** In log order; a view sorts them by date. */
  readonly phases: readonly PhaseChange[]
  /** Certified deliveries of the call-offs naming the product, by certification date, in cents. */
  readonly certifiedByDate: Table<Cents>
  readonly measurements: readonly Measurement[]
  /** Call-offs awarded for the product. */
  readonly contracts: number
}

/** State of the per-product projection. */
export interface ProductsState {
  /** `<beneficiaryId>/<product>` (the product stream's key) → row. */
  readonly products: Table<ProductRow>
  /** contractId → product key, for call-offs that name a product. */
  readonly contractProduct: Table<string>
}

/** One phase of a product with what it cost. */
export interface PhaseView {
  readonly phase: string
  readonly from: string
  /** The day the next phase started (exclusive), or null for the phase in force. */
  readonly to: string | null
  readonly cost: string
}

/** How one indicator moved between two measurements, and what each unit of change cost. */
export interface IndicatorChangeView {
  readonly name: string
  readonly unit: string | null
  readonly from: string
  readonly to: string
  readonly change: string
  /** The period's cost / change, rounded half-up to the cent; null when nothing changed. */
  readonly costPerUnit: string | null
}

/** Spend between two consecutive measurements, and the indicators measured both times. */
export interface ImpactPeriodView {
  /** The earlier measurement (exclusive). */
  readonly from: string
  /** The later measurement (inclusive). */
  readonly to: string
  readonly cost: string
  readonly indicators: readonly IndicatorChangeView[]
}

/** One product as a report prints it. */
export interface ProductView {
  readonly beneficiaryId: string
  readonly product: string
  /** The latest phase by date (the last recorded among changes on the same day), if any. */
  readonly phase: string | null
  readonly contracts: number
  readonly cost: string
  /** Spend certified before the product's first recorded phase. */
  readonly unphasedCost: string
  readonly phases: readonly PhaseView[]
  /** Cost per phase name, phases entered twice summed. */
  readonly costByPhase: Readonly<Record<string, string>>
  readonly impact: readonly ImpactPeriodView[]
}

function productRow(
  state: Draft<ProductsState>,
  key: string,
  beneficiaryId: string,
  product: string,
) {
  const found = state.products[key]
  if (found) return found
  const row: Draft<ProductRow> = {
    beneficiaryId,
    product,
    phases: [],
    certifiedByDate: emptyTable(),
    measurements: [],
    contracts: 0,
  }
  state.products[key] = row
  return row
}

function productOfCallOff(
  state: Draft<ProductsState>,
  contractId: string,
): Draft<ProductRow> | undefined {
  const key = state.contractProduct[contractId]
  return key === undefined ? undefined : state.products[key]
}

function certify(_: unknown, row: Draft<ProductRow>, event: EventOf<'ServiceCertified'>): void {
  const byDate = row.certifiedByDate
  const day = event.data.certifiedOn
  byDate[day] = (byDate[day] ?? 0n) + centsOf(event.data.amount)
}

/** A call-off's certified deliveries, applied to the product it names. */
const productsByCallOff: KeyedEvolve<ProductsState, Draft<ProductRow>> = {
  key: CALL_OFF,
  find: productOfCallOff,
  apply: { ServiceCertified: certify },
}

function evolveProducts(state: Draft<ProductsState>, event: LedgerEvent): void {
  switch (event.type) {
    case 'ServiceCertified': {
      const row = productOfCallOff(state, event.data.contractId)
      if (row) certify(state, row, event)
      return
    }
    case 'ContractAwarded': {
      const d = event.data
      if (d.product === undefined) return
      const key = `${d.beneficiaryId}/${d.product}`
      productRow(state, key, d.beneficiaryId, d.product).contracts += 1
      state.contractProduct[d.contractId] = key
      return
    }
    case 'ProductPhaseChanged': {
      const d = event.data
      productRow(state, `${d.beneficiaryId}/${d.product}`, d.beneficiaryId, d.product).phases.push({
        phase: d.phase,
        on: d.changedOn,
      })
      return
    }
    case 'ImpactRecorded': {
      const d = event.data
      productRow(
        state,
        `${d.beneficiaryId}/${d.product}`,
        d.beneficiaryId,
        d.product,
      ).measurements.push({
        measuredOn: d.measuredOn,
        indicators: d.indicators.map((i) => ({
          name: i.name,
          value: i.value,
          unit: i.unit ?? null,
        })),
      })
      return
    }
    default:
      // Only certified deliveries cost a product something.
      return
  }
}

/** Sorts by date, keeping log order among equal dates (Array.prototype.sort is stable). */
function byDate<T>(items: readonly T[], dateOf: (item: T) => string): T[] {
  return [...items].sort((a, b) => (dateOf(a) < dateOf(b) ? -1 : dateOf(a) > dateOf(b) ? 1 : 0))
}

/** Σ spend on the days `from` ≤ day < `until` (either bound open when null). */
function costBetween(
  days: readonly string[],
  byDay: Table<Cents>,
  from: string | null,
  until: string | null,
): Cents {
  let cost = 0n
  for (const day of days) {
    if ((from === null || day >= from) && (until === null || day < until)) cost += byDay[day]!
  }
  return cost
}

function viewImpact(row: ProductRow, days: readonly string[]): ImpactPeriodView[] {
  const measurements = byDate(row.measurements, (m) => m.measuredOn)
  const periods: ImpactPeriodView[] = []
  for (let k = 1; k < measurements.length; k++) {
    const before = measurements[k - 1]!
    const after = measurements[k]!
    // Spend after the earlier measurement, up to and including the day of the later one.
    let cost = 0n
    for (const day of days) {
      if (day > before.measuredOn && day <= after.measuredOn) cost += row.certifiedByDate[day]!
    }
    const indicators: IndicatorChangeView[] = []
    for (const reading of after.indicators) {
      const earlier = before.indicators.find((i) => i.name === reading.name)
      if (!earlier) continue
      const change = parseMicros(reading.value) - parseMicros(earlier.value)
      indicators.push({
        name: reading.name,
        unit: reading.unit,
        from: earlier.value,
        to: reading.value,
        change: formatMicros(change),
        // cost (cents) / change (millionths) = cents per unit × 10⁻⁶
        costPerUnit: change === 0n ? null : formatCents(divideHalfUp(cost * 1_000_000n, change)),
      })
    }
    periods.push({
      from: before.measuredOn,
      to: after.measuredOn,
      cost: formatCents(cost),
      indicators,
    })
  }
  return periods
}

function viewProduct(row: ProductRow): ProductView {
  const days = sortedKeys(row.certifiedByDate)
  const phases = byDate(row.phases, (p) => p.on)
  const byPhase = new Map<string, Cents>()
  const phaseViews = phases.map((change, i): PhaseView => {
    const next = phases[i + 1]
    // Spend dated on or after this change and before the next one is this phase's.
    const cost = costBetween(days, row.certifiedByDate, change.on, next?.on ?? null)
    byPhase.set(change.phase, (byPhase.get(change.phase) ?? 0n) + cost)
    return { phase: change.phase, from: change.on, to: next?.on ?? null, cost: formatCents(cost) }
  })
  const costByPhase: Record<string, string> = {}
  for (const [phase, cost] of [...byPhase].sort(([a], [b]) => (a < b ? -1 : 1))) {
    costByPhase[phase] = formatCents(cost)
  }
  return {
    beneficiaryId: row.beneficiaryId,
    product: row.product,
    phase: phases[phases.length - 1]?.phase ?? null,
    contracts: row.contracts,
    cost: formatCents(costBetween(days, row.certifiedByDate, null, null)),
    unphasedCost: formatCents(costBetween(days, row.certifiedByDate, null, phases[0]?.on ?? null)),
    phases: phaseViews,
    costByPhase,
    impact: viewImpact(row, days),
  }
}

/**
 * Per product (a beta.gouv.fr service of a beneficiary) and phase: what was spent, and what each
 * unit of an impact indicator cost between two measurements. Spend is **certified** delivery
 * (service fait), attributed to the phase in force on the certification date: certification
 * dates the work itself, where payment lags it by up to 30 days or more and would slip spend
 * into the next phase.
 */
export const productsProjection: ViewedProjection<
  'products',
  ProductsState,
  readonly ProductView[]
> = {
  name: 'products',
  version: 1,
  initialState: () => ({ products: emptyTable(), contractProduct: emptyTable() }),
  evolve: evolveProducts,
  keyed: productsByCallOff,
  handles: ['ServiceCertified', 'ContractAwarded', 'ProductPhaseChanged', 'ImpactRecorded'],
  view: (state) => sortedKeys(state.products).map((key) => viewProduct(state.products[key]!)),
}
