import { z } from 'zod'
import { BusinessDateSchema } from '../calendar/business-date.js'
import { contractEvents, refused, type Decision } from '../commands/decision.js'
import { Id } from '../identifiers/id.js'
import { euros, formatCents, parseCents, PositiveMoney } from '../money/money.js'
import { reject } from '../rejections/rejection.js'
import { checkContractExists, checkContractOpen, checkNotBeforeAward } from './contract-guards.js'
import type { ContractState } from './contract-state.js'

/** zod schema of `IssueOrder`: a purchase order under a subsequent contract (R2162-8). */
export const IssueOrder = z.strictObject({
  type: z.literal('IssueOrder'),
  commandId: Id,
  contractId: Id,
  orderId: Id,
  amount: PositiveMoney,
  issuedOn: BusinessDateSchema,
})

/** Issues a purchase order under a subsequent contract. */
export type IssueOrder = z.infer<typeof IssueOrder>

/** Decides `IssueOrder`: only under a subsequent contract, and Σ orders never passes its amount. */
export function decideIssueOrder(command: IssueOrder, state: ContractState): Decision {
  const problem =
    checkContractExists(state, command.contractId) ??
    checkContractOpen(state, 'issuing orders') ??
    checkNotBeforeAward(state, 'issuedOn', command.issuedOn)
  if (problem) return refused(problem)
  if (state.kind !== 'subsequent-contract') {
    return refused(
      reject(
        'invalid_command',
        `${command.contractId} is a purchase order, not a subsequent contract: orders are issued under subsequent contracts only (R2162-8). Award a new purchase order instead.`,
        {
          path: 'contractId',
          issues: [{ path: 'contractId', message: 'Not a subsequent contract.' }],
        },
      ),
    )
  }
  if (state.orderIds[command.orderId]) {
    return refused(
      reject(
        'order_exists',
        `Order ${command.orderId} was already issued under contract ${command.contractId}.`,
        {
          contractId: command.contractId,
          orderId: command.orderId,
        },
      ),
    )
  }
  const amount = parseCents(command.amount)
  const remaining = state.amount - state.ordered
  if (amount > remaining) {
    return refused(
      reject(
        'order_exceeds_contract',
        `Order ${command.orderId} (${euros(amount)}) would take orders past contract ${command.contractId}'s amount of ${euros(state.amount)}: ${euros(state.ordered)} is already ordered, so at most ${euros(remaining)} remains. Modify the contract first.`,
        {
          contractId: command.contractId,
          amount: formatCents(state.amount),
          ordered: formatCents(state.ordered),
          limit: formatCents(remaining),
          attempted: formatCents(amount),
        },
      ),
    )
  }
  return contractEvents({
    type: 'OrderIssued',
    data: {
      contractId: command.contractId,
      orderId: command.orderId,
      amount: command.amount,
      issuedOn: command.issuedOn,
    },
  })
}
