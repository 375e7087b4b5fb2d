import { addDays } from '@plafond/core'
import type { CallOffPlan } from './call-off-plan.js'
import { planDelivery } from './delivery-plan.js'
import { HOLDERS } from './holders.js'
import { monthStart, onWeekday } from './month-dates.js'
import type { ProductPlan } from './product-plan.js'
import type { SeededRandom } from './seeded-random.js'

/** What one-off services cost and take. */
export const ONE_OFF_TERMS = {
  /** Euros HT, drawn to the hundred euros. */
  amountEuros: [15_000, 80_000],
  /** Days from the order to its certified delivery. */
  deliveredAfterDays: [20, 45],
  objects: [
    'Audit d’accessibilité (RGAA)',
    'Audit de sécurité et test d’intrusion',
    'Étude utilisateurs',
    'Revue de code et d’architecture',
    'Mesure d’impact et tableau de bord',
  ],
} as const

const JUSTIFICATION =
  'Bon de commande émis sans remise en concurrence, selon les modalités de l’accord-cadre (R2162-13, R2162-14).'

/**
 * A one-off service a beneficiary orders for one of its products, directly under the framework
 * (kind `purchase-order`, R2162-13): an audit, a study, a review, at a fixed price of 15 to 80 k€.
 * It is delivered and certified in one go 20 to 45 days later, invoiced, paid, and closed.
 * `number` (1, 2, …) numbers the beneficiary's one-off orders; `month` is when it is ordered.
 */
export function planOneOffCallOff(
  product: ProductPlan,
  number: number,
  month: string,
  random: SeededRandom,
): CallOffPlan {
  const { beneficiary } = product
  const awardedOn = onWeekday(addDays(monthStart(month), random.int(0, 20)))
  const amount =
    BigInt(random.int(ONE_OFF_TERMS.amountEuros[0] / 100, ONE_OFF_TERMS.amountEuros[1] / 100)) *
    10_000n
  const certifiedOn = onWeekday(addDays(awardedOn, random.int(...ONE_OFF_TERMS.deliveredAfterDays)))
  const delivery = planDelivery(
    { number: 1, amount, periodStart: awardedOn, periodEnd: certifiedOn, certifiedOn },
    random,
  )
  return {
    contractId: `BC-${beneficiary.code}-${String(number).padStart(2, '0')}`,
    beneficiary,
    holder: random.weighted(HOLDERS, (h) => h.weight),
    kind: 'purchase-order',
    amount,
    awardedOn,
    competition: 'direct',
    justification: JUSTIFICATION,
    product: product.product,
    object: `${random.pick(ONE_OFF_TERMS.objects)} : ${product.product}`,
    durationMonths: 2,
    orders: [],
    deliveries: [delivery],
    closedOn: onWeekday(addDays(certifiedOn, random.int(5, 15))),
  }
}
