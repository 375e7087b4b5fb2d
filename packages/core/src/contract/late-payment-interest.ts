import { dateFromDayNumber, dayNumber } from '../calendar/business-date.js'
import { divideHalfUp } from '../money/ratio.js'
import { formatCents, parseCents, type Cents } from '../money/money.js'
import { ecbRateFor, type EcbHalfYearRate } from '../rates/ecb-rates.js'

/** The State pays within 30 days of receiving the invoice (R2192-10). */
export const PAYMENT_DELAY_DAYS = 30

/** Points added to the ECB rate (R2192-31). */
export const LATE_INTEREST_MARGIN = '8.00'

/** The lump sum for recovery costs owed on each invoice paid late (R2192-36). */
export const RECOVERY_LUMP_SUM = '40.00'

/** What a late payment owes on top of the principal. */
export interface LateInterest {
  readonly dueOn: string
  readonly daysLate: number
  /** ECB rate + 8 points, percent per year, two decimals. */
  readonly annualRate: string
  /** The sum paid late, VAT included (interest runs on what the holder was owed). */
  readonly base: string
  readonly interest: string
  readonly lumpSum: string
  /** interest + lumpSum. */
  readonly amount: string
}

function hundredths(percent: string): bigint {
  return parseCents(percent)
}

/**
 * Late-payment interest on a payment of `base` (cents, VAT included) for an invoice received on
 * `receivedOn` and paid on `paidOn`: zero up to day 30; after it, base × (ECB rate in force on the
 * first day of the half-year in which interest started to run + 8 points) × days late / 365,
 * rounded half-up to the cent, plus the 40 € lump sum when `firstLatePayment`.
 * Returns `undefined` when the payment is on time, and `{ missingRate }` when the rate table
 * does not cover the half-year.
 */
export function latePaymentInterest(
  base: Cents,
  receivedOn: string,
  paidOn: string,
  firstLatePayment: boolean,
  rates?: readonly EcbHalfYearRate[],
): LateInterest | { readonly missingRate: string } | undefined {
  // Day numbers first: most payments are on time, and writing dates as text is most of the cost.
  const dueDay = dayNumber(receivedOn) + PAYMENT_DELAY_DAYS
  const daysLate = dayNumber(paidOn) - dueDay
  if (daysLate <= 0) return undefined
  const dueOn = dateFromDayNumber(dueDay)
  const runsFrom = dateFromDayNumber(dueDay + 1)
  const ecb = ecbRateFor(runsFrom, rates)
  if (!ecb) return { missingRate: runsFrom }
  const annual = hundredths(ecb.rate) + hundredths(LATE_INTEREST_MARGIN)
  // base (cents) × rate (hundredths of %) × days / (365 days × 100 % × 100 hundredths)
  const interest = divideHalfUp(base * annual * BigInt(daysLate), 365n * 10_000n)
  const lumpSum = firstLatePayment ? parseCents(RECOVERY_LUMP_SUM) : 0n
  return {
    dueOn,
    daysLate,
    annualRate: formatCents(annual),
    base: formatCents(base),
    interest: formatCents(interest),
    lumpSum: formatCents(lumpSum),
    amount: formatCents(interest + lumpSum),
  }
}
