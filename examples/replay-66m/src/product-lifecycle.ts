import { addDays, daysBetween } from '@plafond/core'
import { STAGE, type HistoryEntry, type PlannedOf } from './history-entry.js'
import { monthEnd, monthOf } from './history-months.js'
import { ImpactSeries } from './impact-indicators.js'
import type { SeededRandom } from './seeded-random.js'
import type { ContractPlan, FundedPhase } from './contract-plan.js'

/** Product news later than this day is not told: the history ends with 2025. */
export const PRODUCT_NEWS_UNTIL = '2025-12-15'

type ProductPhase = PlannedOf<'ChangeProductPhase'>['phase']

/** beta.gouv.fr measures impact every six months and decides on it (domain reference §5). */
const MEASURE_EVERY_MONTHS = 6

/** The phase a committee gives a product it stops after acceleration, each with its weight. */
const AFTER_ACCELERATION = [
  { weight: 35, value: 'success' },
  { weight: 45, value: 'transfer' },
  { weight: 20, value: 'alumni' },
] as const

interface Period {
  readonly phase: FundedPhase
  readonly startsOn: string
  readonly endsOn: string
  readonly next: 'continues' | 'stopped' | 'framework-ended'
}

/**
 * The life of each product the call-offs fund, told by its beneficiary's buyer: a
 * `ChangeProductPhase` when a period of another phase starts (investigation, construction,
 * acceleration), a `RecordImpact` at the end of every six months of work, and, when the
 * committee stops the product, a last measurement and its final phase: `alumni` for a product
 * stopped before acceleration; after acceleration mostly `transfer` (handed over to the
 * administration, then `success` some months later) or `success`, sometimes `alumni`. A product
 * still running when the framework ends keeps its phase: the successor framework takes it on.
 */
export function productEntries(
  plans: readonly ContractPlan[],
  random: SeededRandom,
): HistoryEntry[] {
  const products = new Map<string, ContractPlan[]>()
  for (const plan of plans) {
    if (plan.period === undefined) continue
    const periods = products.get(plan.product)
    if (periods === undefined) products.set(plan.product, [plan])
    else periods.push(plan)
  }
  return [...products].flatMap(([product, contracts]) =>
    lifeOf(product, contracts, random.fork(product)),
  )
}

function lifeOf(
  product: string,
  contracts: readonly ContractPlan[],
  random: SeededRandom,
): HistoryEntry[] {
  const { beneficiary } = contracts[0]!
  const periods = [...contracts]
    .sort((a, b) => (a.awardedOn < b.awardedOn ? -1 : 1))
    .map((plan): Period => ({
      phase: plan.period!.phase,
      next: plan.period!.next,
      startsOn: plan.certifications[0]!.periodStart,
      endsOn: plan.certifications[plan.certifications.length - 1]!.periodEnd,
    }))
  const entry = (date: string, command: HistoryEntry['command'], order?: 0): HistoryEntry => ({
    date,
    stage: STAGE.product,
    actor: beneficiary.buyer,
    command,
    ...(order === undefined ? {} : { order }),
  })
  const phase = (to: ProductPhase, on: string): HistoryEntry =>
    entry(on, {
      type: 'ChangeProductPhase',
      beneficiaryId: beneficiary.siret,
      product,
      phase: to,
      on,
    })
  const impact = new ImpactSeries(random)
  const measure = (measuredOn: string, during: FundedPhase): HistoryEntry =>
    entry(
      measuredOn,
      {
        type: 'RecordImpact',
        beneficiaryId: beneficiary.siret,
        product,
        measuredOn,
        indicators: impact.measure(during),
      },
      0,
    )

  const entries: HistoryEntry[] = []
  periods.forEach((period, index) => {
    if (index === 0 || periods[index - 1]!.phase !== period.phase) {
      entries.push(phase(period.phase, period.startsOn))
    }
  })
  const last = periods[periods.length - 1]!
  const phaseOn = (date: string): FundedPhase =>
    periods.filter((p) => p.startsOn <= date).at(-1)?.phase ?? periods[0]!.phase
  const firstMonth = monthOf(periods[0]!.startsOn)
  let lastMeasured: string | undefined
  for (let months = MEASURE_EVERY_MONTHS; ; months += MEASURE_EVERY_MONTHS) {
    const measuredOn = monthEnd(firstMonth + months - 1)
    if (measuredOn > last.endsOn) break
    entries.push(measure(measuredOn, phaseOn(measuredOn)))
    lastMeasured = measuredOn
  }

  if (last.next === 'continues') {
    throw new Error(`Expected the last period of ${product} to end it, found one that continues.`)
  }
  if (last.next === 'framework-ended') return entries
  const decidedOn = addDays(last.endsOn, random.between(5, 20))
  if (decidedOn > PRODUCT_NEWS_UNTIL) return entries
  // The committee decides on a last measurement (its bilan) unless a recent one exists.
  if (lastMeasured === undefined || daysBetween(lastMeasured, last.endsOn) > 60) {
    entries.push(measure(decidedOn, last.phase))
  }
  const final: ProductPhase =
    last.phase === 'acceleration' ? random.weighted(AFTER_ACCELERATION) : 'alumni'
  entries.push(phase(final, decidedOn))
  // A transfer lasts about six months, up to two years (beta.gouv.fr, bilan 2025).
  const consolidatedOn = addDays(decidedOn, random.between(180, 730))
  if (final === 'transfer' && consolidatedOn <= PRODUCT_NEWS_UNTIL) {
    entries.push(phase('success', consolidatedOn))
  }
  return entries
}
