import { z } from 'zod'
import { BusinessDateSchema } from '../calendar/business-date.js'
import { frameworkEvents, refused, type Decision } from '../commands/decision.js'
import { Id } from '../identifiers/id.js'
import { Siret } from '../identifiers/siret.js'
import { reject } from '../rejections/rejection.js'
import { checkFrameworkExists, checkFrameworkNotClosed } from './framework-guards.js'
import type { FrameworkState } from './framework-state.js'

/** zod schema of `AddHolder`: a supplier joins the framework's closed list. */
export const AddHolder = z.strictObject({
  type: z.literal('AddHolder'),
  commandId: Id,
  frameworkId: Id,
  holderId: Siret,
  name: z.string().min(1).max(500),
  addedOn: BusinessDateSchema,
})

/** Adds a holder (titulaire). */
export type AddHolder = z.infer<typeof AddHolder>

/** Decides `AddHolder`: not already a holder, and no more holders than announced (R2162-6). */
export function decideAddHolder(command: AddHolder, state: FrameworkState): Decision {
  const problem =
    checkFrameworkExists(state, command.frameworkId) ??
    checkFrameworkNotClosed(state, 'new holders')
  if (problem) return refused(problem)
  if (state.holders[command.holderId]) {
    return refused(
      reject(
        'holder_exists',
        `${command.holderId} is already a holder of framework ${command.frameworkId}.`,
        { frameworkId: command.frameworkId, holderId: command.holderId },
      ),
    )
  }
  if (state.currentHolders >= state.maxHolders) {
    return refused(
      reject(
        'holder_limit_reached',
        `Framework ${command.frameworkId} announced at most ${state.maxHolders} holders and has ${state.currentHolders}; no other holder can join.`,
        {
          frameworkId: command.frameworkId,
          limit: state.maxHolders,
          attempted: state.currentHolders + 1,
        },
      ),
    )
  }
  return frameworkEvents({
    type: 'HolderAdded',
    data: {
      frameworkId: command.frameworkId,
      holderId: command.holderId,
      name: command.name,
      addedOn: command.addedOn,
    },
  })
}
