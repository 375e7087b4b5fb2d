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
import { reject } from '../rejections/rejection.js'
import { checkFrameworkExists, checkFrameworkNotClosed } from './framework-guards.js'
import type { FrameworkState } from './framework-state.js'

/** zod schema of `AddBeneficiary`: a ministry or agency becomes a named buyer. */
export const AddBeneficiary = z.strictObject({
  type: z.literal('AddBeneficiary'),
  commandId: Id,
  frameworkId: Id,
  beneficiaryId: Siret,
  name: z.string().min(1).max(500),
  programme: z.string().min(1).max(200).optional(),
  /** Business date of the addition; today in Paris when omitted. */
  on: BusinessDateSchema.optional(),
})

/** Adds a beneficiary (named buyer). */
export type AddBeneficiary = z.infer<typeof AddBeneficiary>

/** Decides `AddBeneficiary`: not already one. */
export function decideAddBeneficiary(
  command: AddBeneficiary,
  state: FrameworkState,
  context: DecisionContext,
): Decision {
  const problem =
    checkFrameworkExists(state, command.frameworkId) ??
    checkFrameworkNotClosed(state, 'new beneficiaries')
  if (problem) return refused(problem)
  if (state.beneficiaries[command.beneficiaryId]) {
    return refused(
      reject(
        'beneficiary_exists',
        `${command.beneficiaryId} is already a beneficiary of framework ${command.frameworkId}.`,
        { frameworkId: command.frameworkId, beneficiaryId: command.beneficiaryId },
      ),
    )
  }
  return frameworkEvents({
    type: 'BeneficiaryAdded',
    data: {
      frameworkId: command.frameworkId,
      beneficiaryId: command.beneficiaryId,
      name: command.name,
      ...(command.programme === undefined ? {} : { programme: command.programme }),
      addedOn: command.on ?? context.today,
    },
  })
}
