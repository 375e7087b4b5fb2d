import { z } from 'zod'
import { BusinessDateSchema } from '../calendar/business-date.js'
import { refused, type Decision } from '../commands/decision.js'
import type { FrameworkState } from '../framework/framework-state.js'
import { Id } from '../identifiers/id.js'
import { formatCents } from '../money/money.js'
import { checkContractExists, checkContractOpen, checkNotBeforeAward } from './contract-guards.js'
import type { ContractState } from './contract-state.js'

/** zod schema of `CloseContract`: the call-off ends and its uncertified remainder is released. */
export const CloseContract = z.strictObject({
  type: z.literal('CloseContract'),
  commandId: Id,
  contractId: Id,
  closedOn: BusinessDateSchema,
})

/** Closes a call-off. */
export type CloseContract = z.infer<typeof CloseContract>

/**
 * Decides `CloseContract`: releases amount − certified to the beneficiary's allocation headroom and
 * the framework's; payments up to the certified total stay possible afterwards.
 */
export function decideCloseContract(
  command: CloseContract,
  framework: FrameworkState,
  contract: ContractState,
): Decision {
  const problem =
    checkContractExists(contract, command.contractId) ??
    checkContractOpen(contract, 'closing it again') ??
    checkNotBeforeAward(contract, 'closedOn', command.closedOn)
  if (problem) return refused(problem)
  const released = formatCents(contract.amount - contract.certified)
  return {
    ok: true,
    framework: [
      {
        type: 'CommitmentReleased',
        data: {
          frameworkId: framework.frameworkId,
          contractId: command.contractId,
          beneficiaryId: contract.beneficiaryId,
          amount: released,
          closedOn: command.closedOn,
        },
      },
    ],
    contract: [
      {
        type: 'ContractClosed',
        data: { contractId: command.contractId, closedOn: command.closedOn, released },
      },
    ],
  }
}
