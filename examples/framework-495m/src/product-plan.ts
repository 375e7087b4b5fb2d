import type { Cents } from '@plafond/core'
import type { Beneficiary } from './beneficiaries.js'
import { FIRST_YEAR_ENDS_ON } from './framework-terms.js'
import { monthEnd, monthStart } from './month-dates.js'
import type { SeededRandom } from './seeded-random.js'

/** The beta.gouv.fr phases a product buys a team in (`shared/reference/domain.md` §5). */
export type BuyingPhase = 'investigation' | 'construction' | 'acceleration'

/** How a committee ends a product's buying: stopped (`alumni`) or handed over (`transfer`). */
export type FinalPhase = 'alumni' | 'transfer'

/** One investment period of a product: one subsequent contract for one team. */
export interface PeriodPlan {
  readonly phase: BuyingPhase
  /** The first day of the period, always the first of a month. */
  readonly startsOn: string
  readonly months: number
  /** What the team is planned to cost each month, HT. */
  readonly monthlyCost: Cents
}

/** A product of one beneficiary and the periods it buys during the first year. */
export interface ProductPlan {
  readonly beneficiary: Beneficiary
  /** 1, 2, … within the beneficiary. */
  readonly serial: number
  /** `<beneficiary code>-produit-<nn>`: invented, so that no real service gets invented spend. */
  readonly product: string
  /** Whether its team worked under the previous framework and goes on under this one. */
  readonly carriedOver: boolean
  /** In order; the last may start just after the first year, awarded within it. */
  readonly periods: readonly PeriodPlan[]
  /** When a committee stopped its buying within the first year, and how. */
  readonly ends?: { readonly phase: FinalPhase; readonly on: string }
}

/** The modelling choices behind products, periods and committees. */
export const PRODUCT_TERMS = {
  /** One product for this much beneficiary weight over the first year; at least one each. */
  weightPerProduct: 11,
  /** Share of a returning beneficiary's products that go on from the previous framework. */
  carriedOverShare: 0.6,
  /** beta.gouv.fr: an investigation of about a quarter, then periods of six months. */
  months: { investigation: 3, construction: 6, acceleration: 6 },
  /** A team's monthly cost, HT, in cents: drawn per period within these bounds. */
  monthlyCost: {
    investigation: [2_000_000n, 3_500_000n],
    construction: [5_500_000n, 9_000_000n],
    acceleration: [7_500_000n, 13_000_000n],
  },
  /** Periods starting up to this day are bought during the first year (awarded before its end). */
  lastPeriodStart: monthStart(FIRST_YEAR_ENDS_ON, 1),
} as const

type Decision = BuyingPhase | FinalPhase

// What the committee at the end of a period decides, with weights (beta.gouv.fr §5: every six
// months, continue, stop or re-invest). Invented proportions.
const NEXT: Readonly<Record<BuyingPhase, readonly (readonly [Decision, number])[]>> = {
  investigation: [
    ['construction', 65],
    ['alumni', 35],
  ],
  construction: [
    ['construction', 35],
    ['acceleration', 45],
    ['alumni', 20],
  ],
  acceleration: [
    ['acceleration', 55],
    ['transfer', 30],
    ['alumni', 15],
  ],
}

/**
 * The products a beneficiary buys teams for in the first year. A returning beneficiary's first
 * products carry on from the previous framework, in construction or acceleration, from the month
 * it starts; its other products, and all of a newcomer's, start with an investigation in a later
 * month. Each period ends with a committee that continues, re-invests or stops the product.
 */
export function planProducts(beneficiary: Beneficiary, random: SeededRandom): ProductPlan[] {
  const { startsOn } = beneficiary
  if (startsOn === null) return []
  const count = Math.max(1, Math.round(beneficiary.weight / PRODUCT_TERMS.weightPerProduct))
  const carried = beneficiary.returning
    ? Math.max(1, Math.round(count * PRODUCT_TERMS.carriedOverShare))
    : 0
  const firstNew = monthStart(startsOn, beneficiary.returning ? 1 : 0)
  const newMonths = monthsBetween(firstNew, PRODUCT_TERMS.lastPeriodStart)
  const products: ProductPlan[] = []
  for (let i = 0; i < count; i++) {
    const product = `${beneficiary.code.toLowerCase()}-produit-${String(i + 1).padStart(2, '0')}`
    const draw = random.fork(product)
    const carriedOver = i < carried
    const start = carriedOver ? monthStart(startsOn, draw.int(0, 1)) : draw.pick(newMonths)
    const phase: BuyingPhase = carriedOver
      ? draw.chance(0.55)
        ? 'construction'
        : 'acceleration'
      : 'investigation'
    products.push({
      beneficiary,
      serial: i + 1,
      product,
      carriedOver,
      ...periodsFrom(start, phase, draw),
    })
  }
  return products
}

function periodsFrom(
  startsOn: string,
  firstPhase: BuyingPhase,
  random: SeededRandom,
): Pick<ProductPlan, 'periods' | 'ends'> {
  const periods: PeriodPlan[] = []
  let phase = firstPhase
  let start = startsOn
  for (;;) {
    const months = PRODUCT_TERMS.months[phase]
    const [low, high] = PRODUCT_TERMS.monthlyCost[phase]
    periods.push({ phase, startsOn: start, months, monthlyCost: random.cents(low, high) })
    const next = monthStart(start, months)
    if (next > PRODUCT_TERMS.lastPeriodStart) return { periods }
    const decision = random.weighted(NEXT[phase], ([, weight]) => weight)[0]
    if (decision === 'alumni' || decision === 'transfer') {
      return { periods, ends: { phase: decision, on: monthEnd(monthStart(next, -1)) } }
    }
    phase = decision
    start = next
  }
}

function monthsBetween(first: string, last: string): string[] {
  const months: string[] = []
  for (let month = first; month <= last; month = monthStart(month, 1)) months.push(month)
  return months
}
