import { z } from 'zod'
import { BusinessDateSchema } from '../calendar/business-date.js'
import { contractEvents, refused, type Decision } from '../commands/decision.js'
import { Id } from '../identifiers/id.js'
import { euros, formatCents, parseCents, PositiveMoney } from '../money/money.js'
import { reject } from '../rejections/rejection.js'
import { checkContractExists, checkNotBeforeAward } from './contract-guards.js'
import type { ContractState } from './contract-state.js'

/** zod schema of `RecordPayment`: the accountant records a payment to the holder. */
export const RecordPayment = z.strictObject({
  type: z.literal('RecordPayment'),
  commandId: Id,
  contractId: Id,
  paymentId: Id,
  amount: PositiveMoney,
  paidOn: BusinessDateSchema,
  invoiceId: Id.optional(),
})

/** Records a payment on a contract. */
export type RecordPayment = z.infer<typeof RecordPayment>

/** Decides `RecordPayment`: Σ paid never passes Σ certified (invariant 4, GBCP art. 31). */
export function decideRecordPayment(command: RecordPayment, state: ContractState): Decision {
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
  return contractEvents({
    type: 'PaymentRecorded',
    data: {
      contractId: command.contractId,
      paymentId: command.paymentId,
      amount: command.amount,
      paidOn: command.paidOn,
      invoiceId: command.invoiceId,
    },
  })
}
