import { z } from 'zod'
import { addDays, addYears, BusinessDateSchema } from '../calendar/business-date.js'
import { frameworkEvents, refused, type Decision } from '../commands/decision.js'
import { Id } from '../identifiers/id.js'
import { Cpv, Siret } from '../identifiers/siret.js'
import { isMoneyString, Money, parseCents } from '../money/money.js'
import { reject } from '../rejections/rejection.js'
import type { FrameworkState } from './framework-state.js'

/** Alert thresholds used when `OpenFramework` names none (`DOMAIN.md`, "Alerts"). */
export const DEFAULT_ALERT_THRESHOLDS = {
  estimate: [50, 75, 90, 100],
  maximum: [80, 90, 95, 100],
  allocation: [90, 100],
} as const

const Percents = z.array(z.int().min(1).max(100)).readonly()

/** zod schema of `OpenFramework`: a framework agreement opens with its estimate, maximum and validity. */
export const OpenFramework = z
  .strictObject({
    type: z.literal('OpenFramework'),
    commandId: Id,
    frameworkId: Id,
    title: z.string().min(1).max(1000),
    buyerId: Siret,
    cpv: Cpv.optional(),
    estimate: Money,
    maximum: Money,
    minimum: Money.optional(),
    startsOn: BusinessDateSchema,
    endsOn: BusinessDateSchema,
    maxHolders: z.int().min(1).max(1000),
    durationJustification: z.string().min(1).optional(),
    alertThresholds: z
      .strictObject({
        estimate: Percents.optional(),
        maximum: Percents.optional(),
        allocation: Percents.optional(),
      })
      .optional(),
  })
  .superRefine((c, ctx) => {
    // A malformed amount was already reported by its own schema, and reaches here unparsed.
    if (![c.estimate, c.maximum, c.minimum ?? '0'].every(isMoneyString)) return
    const estimate = parseCents(c.estimate)
    const maximum = parseCents(c.maximum)
    if (estimate <= 0n) {
      ctx.addIssue({
        code: 'custom',
        path: ['estimate'],
        message: 'Expected an estimate greater than zero.',
      })
    }
    if (estimate > maximum) {
      ctx.addIssue({
        code: 'custom',
        path: ['maximum'],
        message: `Expected the maximum to be at least the estimate (${c.estimate}), found ${c.maximum}: the maximum is the legal cap (R2162-4).`,
      })
    }
    if (c.minimum !== undefined && parseCents(c.minimum) > estimate) {
      ctx.addIssue({
        code: 'custom',
        path: ['minimum'],
        message: `Expected the minimum to be at most the estimate (${c.estimate}), found ${c.minimum}.`,
      })
    }
    if (c.startsOn >= c.endsOn) {
      ctx.addIssue({
        code: 'custom',
        path: ['endsOn'],
        message: `Expected endsOn after startsOn (${c.startsOn}), found ${c.endsOn}.`,
      })
    } else if (c.endsOn >= addYears(c.startsOn, 4) && c.durationJustification === undefined) {
      // L2125-1: four years at most, unless duly justified. endsOn is the last valid day (awards
      // on it are allowed), so four years from startsOn end the day before its fourth anniversary.
      ctx.addIssue({
        code: 'custom',
        path: ['durationJustification'],
        message: `A framework may last 4 years at most (last day ${addDays(addYears(c.startsOn, 4), -1)}) unless justified (L2125-1); endsOn is ${c.endsOn}. Shorten it or give durationJustification.`,
      })
    }
  })

/** Opens a framework agreement. */
export type OpenFramework = z.infer<typeof OpenFramework>

/** Decides `OpenFramework`: the id must be unused. */
export function decideOpenFramework(command: OpenFramework, state: FrameworkState): Decision {
  if (state.status !== 'none') {
    return refused(
      reject(
        'framework_exists',
        `Framework ${command.frameworkId} already exists. Choose another frameworkId, or reuse the first commandId to get the first outcome back.`,
        { frameworkId: command.frameworkId },
      ),
    )
  }
  const thresholds = command.alertThresholds
  return frameworkEvents({
    type: 'FrameworkOpened',
    data: {
      frameworkId: command.frameworkId,
      title: command.title,
      buyerId: command.buyerId,
      ...(command.cpv === undefined ? {} : { cpv: command.cpv }),
      estimate: command.estimate,
      maximum: command.maximum,
      ...(command.minimum === undefined ? {} : { minimum: command.minimum }),
      startsOn: command.startsOn,
      endsOn: command.endsOn,
      maxHolders: command.maxHolders,
      ...(command.durationJustification === undefined
        ? {}
        : { durationJustification: command.durationJustification }),
      alertThresholds: {
        estimate: sorted(thresholds?.estimate ?? DEFAULT_ALERT_THRESHOLDS.estimate),
        maximum: sorted(thresholds?.maximum ?? DEFAULT_ALERT_THRESHOLDS.maximum),
        allocation: sorted(thresholds?.allocation ?? DEFAULT_ALERT_THRESHOLDS.allocation),
      },
    },
  })
}

function sorted(values: readonly number[]): number[] {
  return [...new Set(values)].sort((a, b) => a - b)
}
