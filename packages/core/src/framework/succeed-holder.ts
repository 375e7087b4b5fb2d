import { z } from 'zod'
import { BusinessDateSchema } from '../calendar/business-date.js'
import { frameworkEvents, refused, type Decision } from '../commands/decision.js'
import { Id } from '../identifiers/id.js'
import { Siret } from '../identifiers/siret.js'
import { reject } from '../rejections/rejection.js'
import { checkFrameworkExists, checkFrameworkNotClosed } from './framework-guards.js'
import type { FrameworkState } from './framework-state.js'

/**
 * zod schema of `SucceedHolder`: after a merger, an acquisition or a restructuring, a successor
 * takes a holder's place on the framework (R2194-6). Each of the holder's running contracts then
 * moves to the successor by `ModifyContract` with legal basis R2194-6.
 */
export const SucceedHolder = z
  .strictObject({
    type: z.literal('SucceedHolder'),
    commandId: Id,
    frameworkId: Id,
    holderId: Siret,
    successorId: Siret,
    successorName: z.string().min(1).max(500),
    succeededOn: BusinessDateSchema,
    reason: z.string().min(1).max(2000),
  })
  .superRefine((c, ctx) => {
    if (c.holderId === c.successorId) {
      ctx.addIssue({
        code: 'custom',
        path: ['successorId'],
        message: 'Expected a successor other than the holder.',
      })
    }
  })

/** Replaces a holder by its successor. */
export type SucceedHolder = z.infer<typeof SucceedHolder>

/** Decides `SucceedHolder`: the holder is current; the number of holders never grows by it. */
export function decideSucceedHolder(command: SucceedHolder, state: FrameworkState): Decision {
  const problem =
    checkFrameworkExists(state, command.frameworkId) ??
    checkFrameworkNotClosed(state, 'holder successions')
  if (problem) return refused(problem)
  if (!state.holders[command.holderId]?.current) {
    return refused(
      reject(
        'unknown_holder',
        `${command.holderId} is not a current holder of framework ${command.frameworkId}; only a current holder can be succeeded.`,
        { frameworkId: command.frameworkId, holderId: command.holderId },
      ),
    )
  }
  return frameworkEvents({
    type: 'HolderSucceeded',
    data: {
      frameworkId: command.frameworkId,
      holderId: command.holderId,
      successorId: command.successorId,
      successorName: command.successorName,
      succeededOn: command.succeededOn,
      reason: command.reason,
    },
  })
}
