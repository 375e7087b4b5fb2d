import { z } from 'zod'
import { BusinessDateSchema } from '../calendar/business-date.js'
import {
  frameworkEvents,
  refused,
  type Decision,
  type DecisionContext,
} from '../commands/decision.js'
import { Id } from '../identifiers/id.js'
import { Siret } from '../identifiers/siret.js'
import { parseCents, PositiveMoney } from '../money/money.js'
import {
  checkFrameworkExists,
  checkFrameworkNotClosed,
  checkUnusedAllocation,
  findBeneficiary,
} from './framework-guards.js'
import type { FrameworkState } from './framework-state.js'

/** zod schema of `TransferAllocation`: unused allocation moves between two beneficiaries. */
export const TransferAllocation = z
  .strictObject({
    type: z.literal('TransferAllocation'),
    commandId: Id,
    frameworkId: Id,
    fromBeneficiaryId: Siret,
    toBeneficiaryId: Siret,
    amount: PositiveMoney,
    /** Business date of the transfer; today in Paris when omitted. */
    on: BusinessDateSchema.optional(),
  })
  .superRefine((c, ctx) => {
    if (c.fromBeneficiaryId === c.toBeneficiaryId) {
      ctx.addIssue({
        code: 'custom',
        path: ['toBeneficiaryId'],
        message: `Expected two different beneficiaries, found ${c.toBeneficiaryId} twice.`,
      })
    }
  })

/** Moves unused allocation from one beneficiary to another, atomically. */
export type TransferAllocation = z.infer<typeof TransferAllocation>

/** Decides `TransferAllocation`: the giver can only give what it has not committed. */
export function decideTransferAllocation(
  command: TransferAllocation,
  state: FrameworkState,
  context: DecisionContext,
): Decision {
  const problem =
    checkFrameworkExists(state, command.frameworkId) ??
    checkFrameworkNotClosed(state, 'allocation transfers')
  if (problem) return refused(problem)
  const giver = findBeneficiary(state, command.fromBeneficiaryId)
  if ('rejection' in giver) return refused(giver.rejection)
  const receiver = findBeneficiary(state, command.toBeneficiaryId)
  if ('rejection' in receiver) return refused(receiver.rejection)
  const inUse = checkUnusedAllocation(
    command.fromBeneficiaryId,
    giver.beneficiary,
    parseCents(command.amount),
    'transfer',
  )
  if (inUse) return refused(inUse)
  return frameworkEvents({
    type: 'AllocationTransferred',
    data: {
      frameworkId: command.frameworkId,
      fromBeneficiaryId: command.fromBeneficiaryId,
      toBeneficiaryId: command.toBeneficiaryId,
      amount: command.amount,
      transferredOn: command.on ?? context.today,
    },
  })
}
