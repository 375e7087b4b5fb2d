import { z } from 'zod'
import { BusinessDateSchema } from '../calendar/business-date.js'
import { contractEvents, refused, type Decision } from '../commands/decision.js'
import { Id } from '../identifiers/id.js'
import { euros, formatCents, Money, parseCents, PositiveMoney } from '../money/money.js'
import { reject } from '../rejections/rejection.js'
import { checkContractExists, checkNotBeforeAward } from './contract-guards.js'
import type { ContractState } from './contract-state.js'

/** zod schema of `RecordInvoice`: an invoice received through Chorus Pro, HT and VAT. */
export const RecordInvoice = z.strictObject({
  type: z.literal('RecordInvoice'),
  commandId: Id,
  contractId: Id,
  invoiceId: Id,
  /** Amount excluding VAT (HT). */
  amount: PositiveMoney,
  /** VAT on it. */
  vat: Money,
  /** The day the invoice was received: the 30-day payment clock starts here (R2192-10). */
  receivedOn: BusinessDateSchema,
})

/** Records an invoice on a contract. */
export type RecordInvoice = z.infer<typeof RecordInvoice>

/**
 * Decides `RecordInvoice`: Σ invoiced never passes what the contract commits (invariant 4): its
 * current amount, and after closing what was certified before it.
 */
export function decideRecordInvoice(command: RecordInvoice, state: ContractState): Decision {
  const problem =
    checkContractExists(state, command.contractId) ??
    checkNotBeforeAward(state, 'receivedOn', command.receivedOn)
  if (problem) return refused(problem)
  if (state.invoices[command.invoiceId]) {
    return refused(
      reject(
        'invoice_exists',
        `Invoice ${command.invoiceId} is already recorded on contract ${command.contractId}.`,
        {
          contractId: command.contractId,
          invoiceId: command.invoiceId,
        },
      ),
    )
  }
  const amount = parseCents(command.amount)
  // After closing, the contract commits only what was certified: the rest went back (invariant 4).
  const committed = state.amount - state.released
  const remaining = committed - state.invoiced
  if (amount > remaining) {
    const what =
      state.status === 'closed'
        ? `what was certified before closing (${euros(committed)})`
        : `its amount of ${euros(committed)}`
    return refused(
      reject(
        'invoice_exceeds_commitment',
        `Invoice ${command.invoiceId} (${euros(amount)} HT) would take invoicing on contract ${command.contractId} past ${what}: ${euros(state.invoiced)} is already invoiced, so at most ${euros(remaining)} can be. Check the invoice, or modify the contract first.`,
        {
          contractId: command.contractId,
          amount: formatCents(committed),
          invoiced: formatCents(state.invoiced),
          limit: formatCents(remaining),
          attempted: formatCents(amount),
        },
      ),
    )
  }
  return contractEvents({
    type: 'InvoiceRecorded',
    data: {
      contractId: command.contractId,
      invoiceId: command.invoiceId,
      amount: command.amount,
      vat: command.vat,
      receivedOn: command.receivedOn,
    },
  })
}
