import { z } from 'zod'
import { BusinessDateSchema } from '../calendar/business-date.js'
import {
  contractEvents,
  refused,
  type Decision,
  type DecisionContext,
} from '../commands/decision.js'
import type { ContractEvent } from '../events/event-catalogue.js'
import { Id } from '../identifiers/id.js'
import { euros, formatCents, parseCents, PositiveMoney } from '../money/money.js'
import { divideHalfUp } from '../money/ratio.js'
import { reject } from '../rejections/rejection.js'
import { checkContractExists, checkNotBeforeAward } from './contract-guards.js'
import type { ContractState, InvoiceState } from './contract-state.js'
import { latePaymentInterest } from './late-payment-interest.js'

/** zod schema of `RecordPayment`: the accountant records a payment to the holder (HT). */
export const RecordPayment = z.strictObject({
  type: z.literal('RecordPayment'),
  commandId: Id,
  contractId: Id,
  paymentId: Id,
  amount: PositiveMoney,
  paidOn: BusinessDateSchema,
  /** The invoice paid; needed to date the 30-day limit and compute late-payment interest. */
  invoiceId: Id.optional(),
})

/** Records a payment on a contract. */
export type RecordPayment = z.infer<typeof RecordPayment>

/** The VAT-inclusive sum a payment of `amount` HT settles on an invoice (its pro rata of the VAT). */
function withVat(amount: bigint, invoice: InvoiceState): bigint {
  return amount + divideHalfUp(amount * invoice.vat, invoice.amount)
}

/**
 * Decides `RecordPayment`: Σ paid never passes Σ certified (invariant 4, GBCP art. 31); a payment
 * linked to an invoice never passes what the invoice leaves to pay, and one made more than 30 days
 * after the invoice was received also records `LatePaymentInterestDue` (R2192-10, R2192-31, R2192-36).
 */
export function decideRecordPayment(
  command: RecordPayment,
  state: ContractState,
  context: DecisionContext,
): Decision {
  const problem =
    checkContractExists(state, command.contractId) ??
    checkNotBeforeAward(state, 'paidOn', command.paidOn)
  if (problem) return refused(problem)
  if (state.paymentIds[command.paymentId]) {
    return refused(
      reject(
        'payment_exists',
        `Payment ${command.paymentId} is already recorded on contract ${command.contractId}.`,
        {
          contractId: command.contractId,
          paymentId: command.paymentId,
        },
      ),
    )
  }
  const amount = parseCents(command.amount)
  const payable = state.certified - state.paid
  if (amount > payable) {
    return refused(
      reject(
        'payment_exceeds_service',
        `Paying ${euros(amount)} on contract ${command.contractId} would pass what was certified (${euros(state.certified)}): ${euros(state.paid)} is already paid, so at most ${euros(payable)} can be. Certify the delivery first.`,
        {
          contractId: command.contractId,
          certified: formatCents(state.certified),
          paid: formatCents(state.paid),
          limit: formatCents(payable),
          attempted: formatCents(amount),
        },
      ),
    )
  }
  const payment: ContractEvent = {
    type: 'PaymentRecorded',
    data: {
      contractId: command.contractId,
      paymentId: command.paymentId,
      amount: command.amount,
      paidOn: command.paidOn,
      ...(command.invoiceId === undefined ? {} : { invoiceId: command.invoiceId }),
    },
  }
  if (command.invoiceId === undefined) return contractEvents(payment)

  const invoice = state.invoices[command.invoiceId]
  if (!invoice) {
    return refused(
      reject(
        'unknown_invoice',
        `Invoice ${command.invoiceId} is not recorded on contract ${command.contractId}. Record it with RecordInvoice first, or check the invoiceId.`,
        { contractId: command.contractId, invoiceId: command.invoiceId },
      ),
    )
  }
  const left = invoice.amount - invoice.paid
  if (amount > left) {
    return refused(
      reject(
        'payment_exceeds_invoice',
        `Paying ${euros(amount)} HT against invoice ${command.invoiceId} would pass it: ${euros(invoice.amount)} HT invoiced, ${euros(invoice.paid)} paid, ${euros(left)} left.`,
        {
          contractId: command.contractId,
          invoiceId: command.invoiceId,
          limit: formatCents(left),
          attempted: formatCents(amount),
        },
      ),
    )
  }
  if (command.paidOn < invoice.receivedOn) {
    return refused(
      reject(
        'invalid_dates',
        `Payment ${command.paymentId} on ${command.paidOn} precedes the reception of invoice ${command.invoiceId} on ${invoice.receivedOn}.`,
        { field: 'paidOn', limit: invoice.receivedOn, attempted: command.paidOn },
      ),
    )
  }
  const late = latePaymentInterest(
    withVat(amount, invoice),
    invoice.receivedOn,
    command.paidOn,
    !invoice.lumpSumCharged,
    context.ecbRates,
  )
  if (late === undefined) return contractEvents(payment)
  if ('missingRate' in late) {
    return refused(
      reject(
        'missing_rate',
        `Payment ${command.paymentId} is late and interest started on ${late.missingRate}, but the ECB rate table has no rate for that half-year. Extend it (createLedger({ ecbRates })) and send the payment again under a new commandId.`,
        { paymentId: command.paymentId, attempted: late.missingRate },
      ),
    )
  }
  return contractEvents(payment, {
    type: 'LatePaymentInterestDue',
    data: {
      contractId: command.contractId,
      paymentId: command.paymentId,
      invoiceId: command.invoiceId,
      receivedOn: invoice.receivedOn,
      dueOn: late.dueOn,
      paidOn: command.paidOn,
      daysLate: late.daysLate,
      annualRate: late.annualRate,
      base: late.base,
      interest: late.interest,
      lumpSum: late.lumpSum,
      amount: late.amount,
    },
  })
}
