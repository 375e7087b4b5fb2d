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
import { euros, formatCents, parseCents, PositiveMoney } from '../money/money.js'
import { reject } from '../rejections/rejection.js'
import {
  checkFrameworkExists,
  checkFrameworkNotClosed,
  findBeneficiary,
} from './framework-guards.js'
import type { FrameworkState } from './framework-state.js'

/** zod schema of `Allocate`: part of the maximum is set aside for one beneficiary. */
export const Allocate = z.strictObject({
  type: z.literal('Allocate'),
  commandId: Id,
  frameworkId: Id,
  beneficiaryId: Siret,
  amount: PositiveMoney,
  /** Business date of the allocation; today in Paris when omitted. */
  on: BusinessDateSchema.optional(),
})

/** Allocates part of the maximum to a beneficiary. */
export type Allocate = z.infer<typeof Allocate>

/** Decides `Allocate`: Σ allocations never passes the maximum (invariant 1). */
export function decideAllocate(
  command: Allocate,
  state: FrameworkState,
  context: DecisionContext,
): Decision {
  const problem =
    checkFrameworkExists(state, command.frameworkId) ??
    checkFrameworkNotClosed(state, 'allocations')
  if (problem) return refused(problem)
  const found = findBeneficiary(state, command.beneficiaryId)
  if ('rejection' in found) return refused(found.rejection)
  const amount = parseCents(command.amount)
  const unallocated = state.maximum - state.allocated
  if (amount > unallocated) {
    return refused(
      reject(
        'over_allocation',
        `Allocating ${euros(amount)} to ${command.beneficiaryId} would take allocations past the maximum of ${euros(state.maximum)}: ${euros(state.allocated)} is already allocated, so at most ${euros(unallocated)} remains. Release or transfer allocation instead.`,
        {
          frameworkId: command.frameworkId,
          maximum: formatCents(state.maximum),
          allocated: formatCents(state.allocated),
          limit: formatCents(unallocated),
          attempted: formatCents(amount),
        },
      ),
    )
  }
  return frameworkEvents({
    type: 'AllocationGranted',
    data: {
      frameworkId: command.frameworkId,
      beneficiaryId: command.beneficiaryId,
      amount: command.amount,
      allocatedOn: command.on ?? context.today,
    },
  })
}
