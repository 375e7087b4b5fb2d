import { addDays, percentOf, type Cents } from '@plafond/core'
import type { DeliveryPlan } from './call-off-plan.js'
import { onWeekday } from './month-dates.js'
import type { SeededRandom } from './seeded-random.js'

/** How holders invoice and how the State pays them in the simulation. */
export const PAYMENT_TERMS = {
  /** VAT on IT services, in hundredths of a percent (20 %). */
  vatHundredths: 2000n,
  /** Days from certification to the invoice's receipt in Chorus Pro. */
  invoiceAfterDays: [0, 4],
  /** Share of payments made after the 30 days of R2192-10, which carry interest. */
  lateShare: 0.12,
  /** Days from receipt to payment, on time and late. */
  onTimeDays: [8, 26],
  lateDays: [34, 70],
} as const

/** A delivery to plan: which one, for how much, the month it covers, when it is certified. */
export interface DeliveryInput {
  /** 1, 2, … within the call-off: gives the `S01`, `F01`, `P01` ids. */
  readonly number: number
  readonly amount: Cents
  readonly periodStart: string
  readonly periodEnd: string
  readonly certifiedOn: string
}

/**
 * A certified delivery, the invoice the holder sends for it a few days later (VAT 20 %), and its
 * payment: within 30 days of receipt most of the time, later for about one in eight, which then
 * owes late-payment interest (R2192-31, R2192-36). Every date falls on a weekday.
 */
export function planDelivery(input: DeliveryInput, random: SeededRandom): DeliveryPlan {
  const suffix = String(input.number).padStart(2, '0')
  const receivedOn = onWeekday(
    addDays(input.certifiedOn, random.int(...PAYMENT_TERMS.invoiceAfterDays)),
  )
  const [low, high] = random.chance(PAYMENT_TERMS.lateShare)
    ? PAYMENT_TERMS.lateDays
    : PAYMENT_TERMS.onTimeDays
  return {
    serviceId: `S${suffix}`,
    amount: input.amount,
    certifiedOn: input.certifiedOn,
    periodStart: input.periodStart,
    periodEnd: input.periodEnd,
    invoiceId: `F${suffix}`,
    receivedOn,
    vat: percentOf(input.amount, PAYMENT_TERMS.vatHundredths),
    paymentId: `P${suffix}`,
    paidOn: onWeekday(addDays(receivedOn, random.int(low, high))),
  }
}
