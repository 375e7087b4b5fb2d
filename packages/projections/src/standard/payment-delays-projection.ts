import {
  divideHalfUp,
  formatCents,
  PAYMENT_DELAY_DAYS,
  type Cents,
  type LedgerEvent,
} from '@plafond/core'
import type { Draft } from 'immer'
import type { EventOf, KeyedEvolve, ViewedProjection } from '../projection.js'
import { CALL_OFF } from '../state/call-off.js'
import { centsOf } from '../state/cents-of.js'
import { epochDay } from '../state/epoch-day.js'
import { sharePercent } from '../state/share-percent.js'
import { emptyTable, type Table } from '../state/table.js'

/** Upper bounds (days, inclusive) of the delay buckets; the last bucket is everything above. */
const BUCKET_LIMITS = [30, 60, 90] as const

/** Payment delays of one beneficiary of one framework (its accountant pays). */
export interface DelayRow {
  readonly frameworkId: string
  readonly beneficiaryId: string
  /** Payments linked to an invoice: the ones whose delay is known. */
  readonly payments: number
  /** Σ days from invoice reception to payment, over `payments`. */
  readonly totalDays: number
  readonly maxDays: number
  /** Paid within 30 days of reception (R2192-10). */
  readonly onTime: number
  /** Counts per bucket: ≤ 30 days, 31–60, 61–90, > 90. */
  readonly buckets: readonly number[]
  /** Σ paid against invoices, and the part paid within 30 days, in cents. */
  readonly amount: Cents
  readonly onTimeAmount: Cents
  /** Payments that named no invoice: their delay is unknown. */
  readonly paymentsWithoutInvoice: number
  /** `LatePaymentInterestDue` events, and their interest and lump sums (R2192-31, R2192-36). */
  readonly latePayments: number
  readonly interest: Cents
  readonly lumpSums: Cents
}

/** A call-off's invoices: reception day (days since 1970-01-01) by invoice id. */
export interface InvoicedContract {
  readonly row: number
  readonly invoices: Table<number>
}

/** State of the payment-delay projection. */
export interface PaymentDelaysState {
  readonly rows: readonly DelayRow[]
  /** `<frameworkId>/<beneficiaryId>` → index in `rows`. */
  readonly rowOf: Table<number>
  readonly contracts: Table<InvoicedContract>
}

/** Delay figures as a report prints them. */
export interface DelayFigures {
  readonly payments: number
  readonly onTime: number
  /** Share of payments made within 30 days, percent with two decimals. */
  readonly onTimeShare: string | null
  /** Share of the amount paid within 30 days, percent with two decimals. */
  readonly onTimeAmountShare: string | null
  /** Mean days from reception to payment, one decimal, rounded half-up. */
  readonly averageDays: string | null
  readonly maxDays: number | null
  readonly upTo30Days: number
  readonly upTo60Days: number
  readonly upTo90Days: number
  readonly over90Days: number
  readonly paymentsWithoutInvoice: number
  readonly latePayments: number
  readonly interest: string
  readonly lumpSums: string
  /** interest + lump sums: what late payment cost. */
  readonly interestDue: string
}

/** One beneficiary's delays. */
export interface BeneficiaryDelaysView extends DelayFigures {
  readonly beneficiaryId: string
}

/** One framework's delays, overall and per beneficiary. */
export interface PaymentDelaysView extends DelayFigures {
  readonly frameworkId: string
  readonly beneficiaries: readonly BeneficiaryDelaysView[]
}

function rowOf(
  state: Draft<PaymentDelaysState>,
  frameworkId: string,
  beneficiaryId: string,
): number {
  const key = `${frameworkId}/${beneficiaryId}`
  const index = state.rowOf[key]
  if (index !== undefined) return index
  state.rowOf[key] = state.rows.length
  state.rows.push({
    frameworkId,
    beneficiaryId,
    payments: 0,
    totalDays: 0,
    maxDays: 0,
    onTime: 0,
    buckets: [0, 0, 0, 0],
    amount: 0n,
    onTimeAmount: 0n,
    paymentsWithoutInvoice: 0,
    latePayments: 0,
    interest: 0n,
    lumpSums: 0n,
  })
  return state.rows.length - 1
}

function bucketOf(days: number): number {
  let bucket = 0
  while (bucket < BUCKET_LIMITS.length && days > BUCKET_LIMITS[bucket]!) bucket++
  return bucket
}

type Invoiced = Draft<InvoicedContract>

function pay(
  state: Draft<PaymentDelaysState>,
  contract: Invoiced,
  event: EventOf<'PaymentRecorded'>,
): void {
  const d = event.data
  const row = state.rows[contract.row]!
  const received = d.invoiceId === undefined ? undefined : contract.invoices[d.invoiceId]
  if (received === undefined) {
    row.paymentsWithoutInvoice += 1
    return
  }
  const days = epochDay(d.paidOn) - received
  const amount = centsOf(d.amount)
  row.payments += 1
  row.totalDays += days
  if (days > row.maxDays) row.maxDays = days
  row.amount += amount
  if (days <= PAYMENT_DELAY_DAYS) {
    row.onTime += 1
    row.onTimeAmount += amount
  }
  row.buckets[bucketOf(days)]! += 1
}

function receive(_: unknown, contract: Invoiced, event: EventOf<'InvoiceRecorded'>): void {
  contract.invoices[event.data.invoiceId] = epochDay(event.data.receivedOn)
}

function owe(
  state: Draft<PaymentDelaysState>,
  contract: Invoiced,
  event: EventOf<'LatePaymentInterestDue'>,
): void {
  const row = state.rows[contract.row]!
  row.latePayments += 1
  row.interest += centsOf(event.data.interest)
  row.lumpSums += centsOf(event.data.lumpSum)
}

function invoicedContract(
  state: Draft<PaymentDelaysState>,
  contractId: string,
): Invoiced | undefined {
  return state.contracts[contractId]
}

/** A call-off's invoices, payments and late-payment interest, applied to what it tracks. */
const delaysByCallOff: KeyedEvolve<PaymentDelaysState, Invoiced> = {
  key: CALL_OFF,
  find: invoicedContract,
  apply: { PaymentRecorded: pay, InvoiceRecorded: receive, LatePaymentInterestDue: owe },
}

function evolveDelays(state: Draft<PaymentDelaysState>, event: LedgerEvent): void {
  switch (event.type) {
    case 'PaymentRecorded': {
      const contract = invoicedContract(state, event.data.contractId)
      if (contract) pay(state, contract, event)
      return
    }
    case 'InvoiceRecorded': {
      const contract = invoicedContract(state, event.data.contractId)
      if (contract) receive(state, contract, event)
      return
    }
    case 'LatePaymentInterestDue': {
      const contract = invoicedContract(state, event.data.contractId)
      if (contract) owe(state, contract, event)
      return
    }
    case 'CommitmentAwarded': {
      const d = event.data
      state.contracts[d.contractId] = {
        row: rowOf(state, d.frameworkId, d.beneficiaryId),
        invoices: emptyTable(),
      }
      return
    }
    default:
      // Delays are about invoices and payments only.
      return
  }
}

function figures(rows: readonly DelayRow[]): DelayFigures {
  let payments = 0
  let totalDays = 0
  let maxDays = 0
  let onTime = 0
  const buckets = [0, 0, 0, 0]
  let amount = 0n
  let onTimeAmount = 0n
  let withoutInvoice = 0
  let latePayments = 0
  let interest = 0n
  let lumpSums = 0n
  for (const row of rows) {
    payments += row.payments
    totalDays += row.totalDays
    maxDays = Math.max(maxDays, row.maxDays)
    onTime += row.onTime
    row.buckets.forEach((count, i) => (buckets[i]! += count))
    amount += row.amount
    onTimeAmount += row.onTimeAmount
    withoutInvoice += row.paymentsWithoutInvoice
    latePayments += row.latePayments
    interest += row.interest
    lumpSums += row.lumpSums
  }
  return {
    payments,
    onTime,
    onTimeShare: sharePercent(BigInt(onTime), BigInt(payments)),
    onTimeAmountShare: sharePercent(onTimeAmount, amount),
    averageDays:
      payments === 0 ? null : tenths(divideHalfUp(BigInt(totalDays) * 10n, BigInt(payments))),
    maxDays: payments === 0 ? null : maxDays,
    upTo30Days: buckets[0]!,
    upTo60Days: buckets[1]!,
    upTo90Days: buckets[2]!,
    over90Days: buckets[3]!,
    paymentsWithoutInvoice: withoutInvoice,
    latePayments,
    interest: formatCents(interest),
    lumpSums: formatCents(lumpSums),
    interestDue: formatCents(interest + lumpSums),
  }
}

/** Tenths as a decimal with one digit: `123n` → `"12.3"`. */
function tenths(value: bigint): string {
  const negative = value < 0n
  const abs = negative ? -value : value
  return `${negative ? '-' : ''}${abs / 10n}.${abs % 10n}`
}

function viewDelays(state: PaymentDelaysState): readonly PaymentDelaysView[] {
  const byFramework = new Map<string, DelayRow[]>()
  for (const row of state.rows) {
    const list = byFramework.get(row.frameworkId) ?? []
    list.push(row)
    byFramework.set(row.frameworkId, list)
  }
  return [...byFramework.keys()].sort().map((frameworkId) => {
    const rows = byFramework.get(frameworkId)!
    return {
      frameworkId,
      ...figures(rows),
      beneficiaries: [...rows]
        .sort((a, b) => (a.beneficiaryId < b.beneficiaryId ? -1 : 1))
        .map((row) => ({ beneficiaryId: row.beneficiaryId, ...figures([row]) })),
    }
  })
}

/**
 * Payment delays (R2192-10: the State pays within 30 days of receiving the invoice): days from
 * reception to payment, the share paid within 30 days (by count and by amount), the spread of
 * delays, and the late-payment interest and lump sums due, per framework and per beneficiary.
 */
export const paymentDelaysProjection: ViewedProjection<
  'paymentDelays',
  PaymentDelaysState,
  readonly PaymentDelaysView[]
> = {
  name: 'paymentDelays',
  version: 1,
  initialState: () => ({ rows: [], rowOf: emptyTable(), contracts: emptyTable() }),
  evolve: evolveDelays,
  keyed: delaysByCallOff,
  handles: ['PaymentRecorded', 'InvoiceRecorded', 'LatePaymentInterestDue', 'CommitmentAwarded'],
  view: viewDelays,
}
