import { addDays, daysBetween } from '@plafond/core'
import { BENEFICIARIES, HOLDERS, type Beneficiary, type Holder } from './cast.js'
import type { CertificationPlan, ContractPlan, FundedPhase, PeriodPlan } from './contract-plan.js'
import { EXECUTION_ENDS_ON, FRAMEWORK_TERMS, TOTAL_PAID_CENTS } from './framework-terms.js'
import { monthEnd, monthOf, monthStart } from './history-months.js'
import { ProductNames } from './product-names.js'
import type { SeededRandom } from './seeded-random.js'

const EURO = 100n
const LAST_START_MONTH = monthOf(addDays(FRAMEWORK_TERMS.endsOn, 1))
const LAST_MONTH = monthOf(EXECUTION_ENDS_ON)

// Monthly cost of a team, in cents, by phase (beta.gouv.fr: investigation ≈ 3 months with a
// small team, construction then acceleration in 6-month periods decided by a committee).
const PHASES = {
  investigation: { label: 'Investigation', months: 3, rate: [20_000n, 35_000n], next: 0.75 },
  construction: { label: 'Construction', months: 6, rate: [45_000n, 80_000n], next: 0.85 },
  acceleration: { label: 'Accélération', months: 6, rate: [60_000n, 110_000n], next: 0.7 },
} as const

type Phase = keyof typeof PHASES

const DIRECT_JUSTIFICATIONS = [
  'Continuité de l’équipe produit en place : le titulaire désigné selon les conditions objectives de l’accord-cadre poursuit la période suivante.',
  'Reconduction décidée en comité d’investissement : même équipe, même titulaire, prix du bordereau de l’accord-cadre.',
] as const

const ORDER_OBJECTS = [
  'Audit d’accessibilité (RGAA)',
  'Audit de sécurité',
  'Recherche utilisateur',
  'Étude de faisabilité',
  'Intégration du système de design de l’État',
] as const

const ORDER_JUSTIFICATION =
  'Bon de commande aux prix du bordereau ; titulaire désigné par rotation selon les conditions objectives de l’accord-cadre.'

/** A call-off before calibration: amounts are nominal and ids not yet given. */
interface Draft {
  readonly beneficiary: Beneficiary
  readonly holder: Holder
  readonly kind: ContractPlan['kind']
  readonly competition: ContractPlan['competition']
  readonly justification: string | undefined
  /** Set for a product's periods at once, and for a purchase order once the products exist. */
  product: string | undefined
  /** The product period; `next` is revised when the last period is dropped to meet the target. */
  period: { readonly phase: FundedPhase; next: PeriodPlan['next'] } | undefined
  readonly object: string
  readonly durationMonths: number
  readonly awardedOn: string
  readonly certifications: DraftCertification[]
  /** Share of the certified total kept as margin, in ‰; 0 for a call-off used to the cent. */
  readonly marginPermille: number
  readonly closeAfterDays: number | undefined
}

interface DraftCertification {
  readonly certifiedOn: string
  readonly periodStart: string
  readonly periodEnd: string
  /** Days from certification to the invoice's reception. */
  readonly invoicedAfterDays: number
  /** Days from the invoice's reception to its payment: more than 30 is late. */
  readonly paidAfterDays: number
  amount: bigint
}

/**
 * Plans every call-off of the history: products in 6-month periods and one-off purchase orders
 * for each beneficiary, then calibrates the amounts so that each beneficiary's certified (and
 * paid) total is its share of `TOTAL_PAID`, and the grand total is exact to the cent.
 */
export function planSpend(random: SeededRandom): ContractPlan[] {
  const totalWeight = BENEFICIARIES.reduce((sum, b) => sum + BigInt(b.weight), 0n)
  const targets = BENEFICIARIES.map((b) => (TOTAL_PAID_CENTS * BigInt(b.weight)) / totalWeight)
  // The cents lost to integer division go to the first beneficiary, so the sum is exact.
  targets[0] = targets[0]! + TOTAL_PAID_CENTS - targets.reduce((sum, t) => sum + t, 0n)
  return BENEFICIARIES.flatMap((beneficiary, index) =>
    planBeneficiary(beneficiary, targets[index]!, random.fork(beneficiary.code)),
  )
}

function planBeneficiary(
  beneficiary: Beneficiary,
  target: bigint,
  random: SeededRandom,
): ContractPlan[] {
  const drafts: Draft[] = []
  let nominal = 0n
  const orders: Draft[] = []
  for (let n = 1 + Math.floor(beneficiary.weight / 30); n > 0; n--) {
    const order = draftOrder(beneficiary, random)
    orders.push(order)
    drafts.push(order)
    nominal += certifiedTotal(order)
  }
  const names = new ProductNames(beneficiary, random.fork('names'))
  const periodsOfProducts: Draft[] = []
  while (nominal < target) {
    const periods = draftProduct(beneficiary, names.next(), random)
    // The last product stops early rather than overshoot: its committee says stop.
    while (periods.length > 1 && nominal + sumOf(periods.slice(0, -1)) >= target) {
      periods.pop()
      periods[periods.length - 1]!.period!.next = 'stopped'
    }
    drafts.push(...periods)
    periodsOfProducts.push(...periods)
    nominal += sumOf(periods)
  }
  for (const order of orders) order.product = productAt(periodsOfProducts, order.awardedOn)
  calibrate(drafts, nominal, target)
  return finalize(beneficiary, drafts)
}

/**
 * The product a one-off purchase order (an audit, user research) serves: one whose team is at
 * work on that day, else the one whose work is nearest in time.
 */
function productAt(periods: readonly Draft[], date: string): string {
  let best: { readonly product: string; readonly distance: number } | undefined
  for (const period of periods) {
    const starts = period.certifications[0]!.periodStart
    const ends = period.certifications[period.certifications.length - 1]!.periodEnd
    const distance =
      date < starts ? daysBetween(date, starts) : date > ends ? daysBetween(ends, date) : 0
    if (best === undefined || distance < best.distance)
      best = { product: period.product!, distance }
  }
  if (best === undefined) throw new Error('Expected a beneficiary to plan at least one product.')
  return best.product
}

function draftProduct(beneficiary: Beneficiary, productId: string, random: SeededRandom): Draft[] {
  const first = monthOf(beneficiary.joinsOn) + 1
  const latest = Math.max(first, Math.min(LAST_START_MONTH - 6, first + 30))
  // Earlier starts are likelier: most products begin in a beneficiary's first two years.
  const draw = random.fraction()
  let month = first + Math.floor(draw * draw * (latest - first + 1))
  const drafts: Draft[] = []
  let phase: Phase = 'investigation'
  let periodInPhase = 1
  let holder = random.weighted(HOLDERS.map((h) => ({ weight: h.weight, value: h })))
  const rates = {
    investigation: random.centsBetween(
      PHASES.investigation.rate[0] * EURO,
      PHASES.investigation.rate[1] * EURO,
    ),
    construction: random.centsBetween(
      PHASES.construction.rate[0] * EURO,
      PHASES.construction.rate[1] * EURO,
    ),
    acceleration: random.centsBetween(
      PHASES.acceleration.rate[0] * EURO,
      PHASES.acceleration.rate[1] * EURO,
    ),
  }
  for (;;) {
    const months = Math.min(PHASES[phase].months, LAST_MONTH - month + 1)
    if (month > LAST_START_MONTH || months < 2) {
      // The framework ends while the product still runs: the successor framework takes it on.
      const last = drafts[drafts.length - 1]
      if (last !== undefined) last.period!.next = 'framework-ended'
      break
    }
    const firstPeriod = drafts.length === 0
    const direct = !firstPeriod && random.chance(0.25)
    if (!firstPeriod && !direct && random.chance(0.3)) {
      holder = random.weighted(HOLDERS.map((h) => ({ weight: h.weight, value: h })))
    }
    const periodStart = monthStart(month)
    const awardedOn = latestOf(
      addDays(periodStart, -random.between(5, 25)),
      addDays(beneficiary.joinsOn, 2),
    )
    drafts.push({
      beneficiary,
      holder,
      kind: 'subsequent-contract',
      competition: direct ? 'direct' : 'mini-competition',
      justification: direct ? random.pick(DIRECT_JUSTIFICATIONS) : undefined,
      product: productId,
      period: { phase, next: 'continues' },
      object:
        phase === 'investigation'
          ? PHASES[phase].label
          : `${PHASES[phase].label}, période ${periodInPhase}`,
      durationMonths: months,
      awardedOn,
      certifications: certificationsOf(beneficiary, month, months, rates[phase], random),
      marginPermille: random.chance(0.1) ? 0 : random.between(40, 220),
      closeAfterDays:
        month + months - 1 >= LAST_MONTH - 2 && random.chance(0.3)
          ? undefined
          : random.between(5, 25),
    })
    month += months
    if (!random.chance(PHASES[phase].next)) {
      drafts[drafts.length - 1]!.period!.next = 'stopped'
      break
    }
    if (phase === 'investigation') {
      phase = 'construction'
      periodInPhase = 1
    } else if (phase === 'construction' && random.chance(0.6)) {
      phase = 'acceleration'
      periodInPhase = 1
    } else {
      periodInPhase++
    }
  }
  return drafts
}

function certificationsOf(
  beneficiary: Beneficiary,
  firstMonth: number,
  months: number,
  monthlyRate: bigint,
  random: SeededRandom,
): DraftCertification[] {
  const certifications: DraftCertification[] = []
  // Nine payments in ten are on time (within 30 days of the invoice, R2192-10).
  const paidAfter = (): number =>
    random.chance(0.9) ? random.between(8, 30) : random.between(31, 75)
  const jitter = (): bigint => BigInt(random.between(850, 1100))
  if (beneficiary.cadence === 'month') {
    for (let m = firstMonth; m < firstMonth + months; m++) {
      certifications.push({
        certifiedOn: addDays(monthEnd(m), random.between(2, 8)),
        periodStart: monthStart(m),
        periodEnd: monthEnd(m),
        invoicedAfterDays: random.between(0, 4),
        paidAfterDays: paidAfter(),
        amount: (monthlyRate * jitter()) / 1000n,
      })
    }
    return certifications
  }
  const end = monthEnd(firstMonth + months - 1)
  for (let start = monthStart(firstMonth); start <= end; start = addDays(start, 14)) {
    const sprintEnd = minOf(addDays(start, 13), end)
    const days = BigInt(daysBetween(start, sprintEnd) + 1)
    certifications.push({
      certifiedOn: addDays(sprintEnd, random.between(1, 3)),
      periodStart: start,
      periodEnd: sprintEnd,
      invoicedAfterDays: random.between(0, 4),
      paidAfterDays: paidAfter(),
      amount: (monthlyRate * days * jitter()) / (30n * 1000n),
    })
  }
  return certifications
}

function draftOrder(beneficiary: Beneficiary, random: SeededRandom): Draft {
  const month = random.between(monthOf(beneficiary.joinsOn) + 1, LAST_START_MONTH - 2)
  const awardedOn = latestOf(
    addDays(monthStart(month), random.between(0, 24)),
    addDays(beneficiary.joinsOn, 2),
  )
  const certifiedOn = addDays(awardedOn, random.between(25, 60))
  const direct = random.chance(0.5)
  return {
    beneficiary,
    holder: random.weighted(HOLDERS.map((h) => ({ weight: h.weight, value: h }))),
    kind: 'purchase-order',
    competition: direct ? 'direct' : 'mini-competition',
    justification: direct ? ORDER_JUSTIFICATION : undefined,
    product: undefined,
    period: undefined,
    object: random.pick(ORDER_OBJECTS),
    durationMonths: 2,
    awardedOn,
    certifications: [
      {
        certifiedOn,
        periodStart: addDays(awardedOn, 3),
        periodEnd: addDays(certifiedOn, -2),
        invoicedAfterDays: random.between(0, 6),
        paidAfterDays: random.between(8, 30),
        amount: random.centsBetween(12_000n * EURO, 75_000n * EURO),
      },
    ],
    marginPermille: 0,
    closeAfterDays: random.between(3, 15),
  }
}

/** Scales nominal amounts so that they sum to `target` exactly (integer cents, no float). */
function calibrate(drafts: readonly Draft[], nominal: bigint, target: bigint): void {
  const all = drafts.flatMap((d) => d.certifications)
  let sum = 0n
  for (const certification of all) {
    certification.amount = (certification.amount * target) / nominal
    sum += certification.amount
  }
  // Integer division lost less than a cent per delivery: the latest delivery takes it back.
  const latest = all.reduce((a, b) => (b.certifiedOn > a.certifiedOn ? b : a))
  latest.amount += target - sum
}

function finalize(beneficiary: Beneficiary, drafts: readonly Draft[]): ContractPlan[] {
  const sorted = [...drafts].sort(
    (a, b) => compare(a.awardedOn, b.awardedOn) || compare(a.product ?? '', b.product ?? ''),
  )
  const counters = { 'subsequent-contract': 0, 'purchase-order': 0 }
  return sorted.map((draft): ContractPlan => {
    counters[draft.kind] += 1
    const prefix = draft.kind === 'subsequent-contract' ? 'MS' : 'BC'
    const number = String(counters[draft.kind]).padStart(2, '0')
    const certified = certifiedTotal(draft)
    const amount =
      draft.marginPermille === 0
        ? certified
        : roundUp((certified * BigInt(1000 + draft.marginPermille)) / 1000n, 1_000n * EURO)
    const certifications = draft.certifications.map((c, index): CertificationPlan => {
      const n = String(index + 1).padStart(2, '0')
      const receivedOn = addDays(c.certifiedOn, c.invoicedAfterDays)
      return {
        serviceId: `S${n}`,
        certifiedOn: c.certifiedOn,
        periodStart: c.periodStart,
        periodEnd: c.periodEnd,
        amount: c.amount,
        invoiceId: `F${n}`,
        receivedOn,
        // Standard VAT rate, 20 % (CGI art. 278), rounded half-up to the cent.
        vat: (c.amount * 20n + 50n) / 100n,
        paymentId: `P${n}`,
        paidOn: addDays(receivedOn, c.paidAfterDays),
      }
    })
    const lastCertified = certifications[certifications.length - 1]!.certifiedOn
    return {
      contractId: `${prefix}-${draft.awardedOn.slice(2, 4)}-${beneficiary.code}-${number}`,
      beneficiary,
      holder: draft.holder,
      kind: draft.kind,
      competition: draft.competition,
      justification: draft.justification,
      product: required(draft.product, 'a product for every call-off'),
      period: draft.period === undefined ? undefined : { ...draft.period },
      object: draft.object,
      durationMonths: draft.durationMonths,
      awardedOn: draft.awardedOn,
      amount,
      increase: undefined,
      orders: [],
      certifications,
      closedOn:
        draft.closeAfterDays === undefined
          ? undefined
          : addDays(lastCertified, draft.closeAfterDays),
    }
  })
}

function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`Expected the plan to have ${what}, found none.`)
  return value
}

function certifiedTotal(draft: Draft): bigint {
  return draft.certifications.reduce((sum, c) => sum + c.amount, 0n)
}

function sumOf(drafts: readonly Draft[]): bigint {
  return drafts.reduce((sum, d) => sum + certifiedTotal(d), 0n)
}

function roundUp(value: bigint, step: bigint): bigint {
  return ((value + step - 1n) / step) * step
}

function latestOf(a: string, b: string): string {
  return a > b ? a : b
}

function minOf(a: string, b: string): string {
  return a < b ? a : b
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
