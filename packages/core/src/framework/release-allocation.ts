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
import { checkFrameworkExists, checkUnusedAllocation, findBeneficiary } from './framework-guards.js'
import type { FrameworkState } from './framework-state.js'

/** zod schema of `ReleaseAllocation`: unused allocation goes back to the framework. */
export const ReleaseAllocation = z.strictObject({
  type: z.literal('ReleaseAllocation'),
  commandId: Id,
  frameworkId: Id,
  beneficiaryId: Siret,
  amount: PositiveMoney,
  /** Business date of the release; today in Paris when omitted. */
  on: BusinessDateSchema.optional(),
})

/** Gives unused allocation back to the framework. */
export type ReleaseAllocation = z.infer<typeof ReleaseAllocation>

/** Decides `ReleaseAllocation`: only what the beneficiary has not committed (invariant 2). */
export function decideReleaseAllocation(
  command: ReleaseAllocation,
  state: FrameworkState,
  context: DecisionContext,
): Decision {
  const problem = checkFrameworkExists(state, command.frameworkId)
  if (problem) return refused(problem)
  const found = findBeneficiary(state, command.beneficiaryId)
  if ('rejection' in found) return refused(found.rejection)
  const inUse = checkUnusedAllocation(
    command.beneficiaryId,
    found.beneficiary,
    parseCents(command.amount),
    'release',
  )
  if (inUse) return refused(inUse)
  return frameworkEvents({
    type: 'AllocationReleased',
    data: {
      frameworkId: command.frameworkId,
      beneficiaryId: command.beneficiaryId,
      amount: command.amount,
      releasedOn: command.on ?? context.today,
    },
  })
}
