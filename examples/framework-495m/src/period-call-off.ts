import { addDays, euThresholdOn, formatEuros, type Cents } from '@plafond/core'
import type { CallOffPlan, DeliveryPlan, ModificationPlan, OrderPlan } from './call-off-plan.js'
import { planDelivery } from './delivery-plan.js'
import { HOLDERS, type Holder } from './holders.js'
import { monthEnd, monthStart, onWeekday } from './month-dates.js'
import type { BuyingPhase, ProductPlan } from './product-plan.js'
import type { SeededRandom } from './seeded-random.js'

/** An increase planned on a call-off: the team grows by `percent` from month `fromMonth` on. */
export interface RaisePlan {
  readonly legalBasis: ModificationPlan['legalBasis']
  /** 0-based month of the period from which the team costs more. */
  readonly fromMonth: number
  readonly percent: number
}

/** What a product's period needs to become a call-off. */
export interface PeriodCallOffInput {
  readonly product: ProductPlan
  /** 0-based index in `product.periods`. */
  readonly periodIndex: number
  /** Who held the product's previous period, if any. */
  readonly previousHolder?: Holder
  readonly raise?: RaisePlan
  /** Executed by quarterly purchase orders (R2162-8) rather than directly. */
  readonly withOrders: boolean
}

/** The modelling choices behind a period's call-off. */
export const CALL_OFF_TERMS = {
  /** Days between the award and the period's first day. */
  awardLeadDays: [8, 20],
  /** Share of continuations awarded directly to the team in place. */
  directContinuationShare: 0.3,
  /** In a continuation's mini-competition, the team in place is this many times as likely to win. */
  incumbentAdvantage: 3,
  /** Margin of the awarded amount over the planned cost, in percent. */
  marginPercent: [5, 14],
  /** A month's certified delivery, in ten-thousandths of its planned cost. */
  deliveredPerTenThousand: [8800, 10400],
  /** Amounts awarded, modified and ordered are rounded up to 1 000 €. */
  roundTo: 100_000n,
} as const

const PHASE_LABEL: Readonly<Record<BuyingPhase, string>> = {
  investigation: 'investigation',
  construction: 'construction',
  acceleration: 'accélération',
}

const DIRECT_JUSTIFICATION =
  'Continuité de l’équipe produit d’une période d’investissement à la suivante : cas d’attribution sans remise en concurrence prévu par l’accord-cadre (R2162-10).'

/**
 * The subsequent contract that buys one period of a product's team: awarded 8 to 20 days before
 * the period starts, by mini-competition among the seven holders (the team in place has an edge)
 * or, for three continuations in ten, directly to the team in place with a justification. It is
 * awarded with a 5–14 % margin over the planned cost; each month's delivery is certified a few
 * days after the month ends, at 88–104 % of its plan, so it always fits. A planned raise adds a
 * modification notified before the month the team grows; the contract is closed 3 to 15 days after
 * its last delivery is certified, which releases the unused margin.
 */
export function planPeriodCallOff(input: PeriodCallOffInput, random: SeededRandom): CallOffPlan {
  const { product, periodIndex, raise } = input
  const period = product.periods[periodIndex]
  if (period === undefined) {
    throw new RangeError(
      `Expected a period index below ${product.periods.length} for ${product.product}, found ${periodIndex}.`,
    )
  }
  const { beneficiary } = product
  const contractId = `MS-${beneficiary.code}-${String(product.serial).padStart(2, '0')}-P${periodIndex + 1}`
  const awardedOn = onWeekday(
    addDays(period.startsOn, -random.int(...CALL_OFF_TERMS.awardLeadDays)),
  )
  const award = chooseHolder(input.previousHolder, random)

  const planned: Cents[] = []
  const deliveries: DeliveryPlan[] = []
  for (let m = 0; m < period.months; m++) {
    const first = monthStart(period.startsOn, m)
    const grown = raise !== undefined && m >= raise.fromMonth
    const cost = grown
      ? period.monthlyCost + (period.monthlyCost * BigInt(raise.percent)) / 100n
      : period.monthlyCost
    planned.push(cost)
    const delivered =
      (cost * BigInt(random.int(...CALL_OFF_TERMS.deliveredPerTenThousand))) / 10_000n
    const last = monthEnd(first)
    deliveries.push(
      planDelivery(
        {
          number: m + 1,
          amount: delivered,
          periodStart: first,
          periodEnd: last,
          certifiedOn: onWeekday(addDays(last, random.int(1, 6))),
        },
        random,
      ),
    )
  }
  const base = period.monthlyCost * BigInt(period.months)
  const margin = BigInt(random.int(...CALL_OFF_TERMS.marginPercent))
  const amount = roundedUp((base * (100n + margin)) / 100n)
  const modification =
    raise === undefined
      ? undefined
      : planModification(raise, {
          contractId,
          amount,
          extra: planned.reduce((sum, cost) => sum + cost, 0n) - base,
          notifiedOn: onWeekday(
            addDays(monthStart(period.startsOn, raise.fromMonth), -random.int(2, 7)),
          ),
        })
  const lastCertified = deliveries[deliveries.length - 1]!.certifiedOn
  return {
    contractId,
    beneficiary,
    holder: award.holder,
    kind: 'subsequent-contract',
    amount,
    awardedOn,
    competition: award.competition,
    ...(award.justification === undefined ? {} : { justification: award.justification }),
    product: product.product,
    object: `Équipe produit ${product.product} : ${PHASE_LABEL[period.phase]}, période ${periodIndex + 1}`,
    durationMonths: period.months,
    orders: input.withOrders ? planOrders(period.startsOn, planned, amount, awardedOn, random) : [],
    ...(modification === undefined ? {} : { modification }),
    deliveries,
    closedOn: onWeekday(addDays(lastCertified, random.int(3, 15))),
  }
}

function chooseHolder(
  previous: Holder | undefined,
  random: SeededRandom,
): Pick<CallOffPlan, 'holder' | 'competition' | 'justification'> {
  if (previous !== undefined && random.chance(CALL_OFF_TERMS.directContinuationShare)) {
    return { holder: previous, competition: 'direct', justification: DIRECT_JUSTIFICATION }
  }
  const holder = random.weighted(HOLDERS, (h) =>
    h === previous ? h.weight * CALL_OFF_TERMS.incumbentAdvantage : h.weight,
  )
  return { holder, competition: 'mini-competition' }
}

function planModification(
  raise: RaisePlan,
  call: {
    readonly contractId: string
    readonly amount: Cents
    readonly extra: Cents
    readonly notifiedOn: string
  },
): ModificationPlan {
  // The increase covers the extra cost at the highest delivery rate (104 %) with a margin.
  const delta = roundedUp((call.extra * 105n) / 100n)
  if (raise.legalBasis === 'R2194-2') {
    // R2194-3: each modification ≤ 50 % of the initial amount.
    if (delta * 2n > call.amount) {
      throw new RangeError(
        `Expected an R2194-2 increase of at most half of ${call.contractId}'s ${formatEuros(call.amount)}, planned ${formatEuros(delta)}; plan a smaller raise.`,
      )
    }
    return {
      modificationId: 'M1',
      delta,
      legalBasis: 'R2194-2',
      notifiedOn: call.notifiedOn,
      reason: `Services supplémentaires devenus nécessaires : un profil de design et de données rejoint l’équipe (+${raise.percent} % par mois).`,
    }
  }
  // R2194-8 and R2194-9: cumulated small modifications < 10 % and < the EU threshold of the day.
  const threshold = euThresholdOn(call.notifiedOn).amount
  if (delta * 10n >= call.amount || delta >= threshold) {
    throw new RangeError(
      `Expected an R2194-8 increase under 10 % of ${call.contractId}'s ${formatEuros(call.amount)} and under ${formatEuros(threshold)}, planned ${formatEuros(delta)}; plan a smaller raise.`,
    )
  }
  return {
    modificationId: 'M1',
    delta,
    legalBasis: 'R2194-8',
    notifiedOn: call.notifiedOn,
    reason: `Renfort ponctuel de l’équipe pour une ouverture nationale (+${raise.percent} % par mois) : modification de faible montant.`,
  }
}

/** Two quarterly orders, each covering its quarter's plan at the highest delivery rate. */
function planOrders(
  startsOn: string,
  planned: readonly Cents[],
  amount: Cents,
  awardedOn: string,
  random: SeededRandom,
): OrderPlan[] {
  const orders: OrderPlan[] = []
  let ordered = 0n
  for (let quarter = 0; quarter * 3 < planned.length; quarter++) {
    const cost = planned.slice(quarter * 3, quarter * 3 + 3).reduce((sum, c) => sum + c, 0n)
    const wanted = roundedUp((cost * 104n) / 100n)
    const orderAmount = wanted < amount - ordered ? wanted : amount - ordered
    const beforeQuarter = addDays(monthStart(startsOn, quarter * 3), -random.int(3, 8))
    orders.push({
      orderId: `BC${String(quarter + 1).padStart(2, '0')}`,
      amount: orderAmount,
      issuedOn: onWeekday(beforeQuarter > awardedOn ? beforeQuarter : awardedOn),
    })
    ordered += orderAmount
  }
  return orders
}

function roundedUp(cents: Cents): Cents {
  const step = CALL_OFF_TERMS.roundTo
  return ((cents + step - 1n) / step) * step
}
