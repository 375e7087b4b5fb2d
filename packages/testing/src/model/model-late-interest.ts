import { dayCount, shiftDate } from './day-count.js'
import type { ModelInvoice, ModelLateInterest, ModelRateTables } from './ledger-model.js'
import { wireCents } from './wire-amount.js'

/** R2192-10: the State pays within 30 days of receiving the invoice. */
const DELAY = 30
/** R2192-31: 8 points over the ECB rate, in hundredths of a percent. */
const MARGIN = 800n
/** R2192-36: 40 € for recovery costs, once per invoice. */
const LUMP_SUM = 4000n

function halfUp(numerator: bigint, denominator: bigint): bigint {
  return (numerator * 2n + denominator) / (denominator * 2n)
}

/**
 * What paying `amount` HT on `paidOn` against `invoice` owes on top: nothing up to day 30; after
 * it, the VAT-inclusive sum paid × (ECB rate on the first day of the half-year interest started
 * in + 8 points) × days late / 365, half-up to the cent, plus 40 € on the invoice's first late
 * payment. `missing_rate` when the table lacks that half-year.
 */
export function modelLateInterest(
  invoice: ModelInvoice,
  amount: bigint,
  paidOn: string,
  tables: ModelRateTables,
): ModelLateInterest | 'missing_rate' | undefined {
  const daysLate = dayCount(invoice.receivedOn, paidOn) - DELAY
  if (daysLate <= 0) return undefined
  const startsOn = shiftDate(invoice.receivedOn, DELAY + 1)
  const half = `${startsOn.slice(0, 4)}-${Number(startsOn.slice(5, 7)) <= 6 ? 'H1' : 'H2'}`
  const entry = tables.ecbRates.find((rate) => rate.halfYear === half)
  const rate = entry === undefined ? undefined : wireCents(entry.rate)
  if (rate === undefined) return 'missing_rate'
  // The base is what the holder was owed: the HT paid and its pro rata of the VAT.
  const base = amount + halfUp(amount * invoice.vat, invoice.amount)
  const interest = halfUp(base * (rate + MARGIN) * BigInt(daysLate), 365n * 10_000n)
  return { daysLate, amount: interest + (invoice.lumpSumCharged ? 0n : LUMP_SUM) }
}
