import { z } from 'zod'
import { BusinessDateSchema } from '../calendar/business-date.js'
import { frameworkEvents, refused, type Decision } from '../commands/decision.js'
import { Id } from '../identifiers/id.js'
import { reject } from '../rejections/rejection.js'
import { CloseReason } from './framework-events.js'
import { checkFrameworkExists, checkFrameworkNotClosed } from './framework-guards.js'
import type { FrameworkState } from './framework-state.js'

/** zod schema of `CloseFramework`: no call-off after it. */
export const CloseFramework = z.strictObject({
  type: z.literal('CloseFramework'),
  commandId: Id,
  frameworkId: Id,
  closedOn: BusinessDateSchema,
  reason: CloseReason,
})

/** Closes a framework agreement. */
export type CloseFramework = z.infer<typeof CloseFramework>

/** Decides `CloseFramework`: once, and not before the framework starts. */
export function decideCloseFramework(command: CloseFramework, state: FrameworkState): Decision {
  const problem =
    checkFrameworkExists(state, command.frameworkId) ?? checkFrameworkNotClosed(state, 'closing')
  if (problem) return refused(problem)
  if (command.closedOn < state.startsOn) {
    return refused(
      reject(
        'invalid_dates',
        `Framework ${command.frameworkId} starts on ${state.startsOn}; it cannot close earlier, on ${command.closedOn}.`,
        { field: 'closedOn', limit: state.startsOn, attempted: command.closedOn },
      ),
    )
  }
  return frameworkEvents({
    type: 'FrameworkClosed',
    data: { frameworkId: command.frameworkId, closedOn: command.closedOn, reason: command.reason },
  })
}
