import { z } from 'zod'
import { BusinessDateSchema } from '../calendar/business-date.js'
import { contractEvents, refused, type Decision } from '../commands/decision.js'
import { Id } from '../identifiers/id.js'
import { euros, formatCents, parseCents, PositiveMoney } from '../money/money.js'
import { reject } from '../rejections/rejection.js'
import { checkContractExists, checkContractOpen, checkNotBeforeAward } from './contract-guards.js'
import type { ContractState } from './contract-state.js'

/** zod schema of `CertifyService`: the buyer certifies delivery (service fait) for an amount. */
export const CertifyService = z
  .strictObject({
    type: z.literal('CertifyService'),
    commandId: Id,
    contractId: Id,
    serviceId: Id,
    amount: PositiveMoney,
    certifiedOn: BusinessDateSchema,
    periodStart: BusinessDateSchema.optional(),
    periodEnd: BusinessDateSchema.optional(),
  })
  .superRefine((c, ctx) => {
    if (c.periodStart !== undefined && c.periodEnd !== undefined && c.periodEnd < c.periodStart) {
      ctx.addIssue({
        code: 'custom',
        path: ['periodEnd'],
        message: `Expected periodEnd on or after periodStart (${c.periodStart}), found ${c.periodEnd}.`,
      })
    }
  })

/** Certifies delivery on a contract. */
export type CertifyService = z.infer<typeof CertifyService>

/** Decides `CertifyService`: Σ certified never passes the current amount (invariant 4). */
export function decideCertifyService(command: CertifyService, state: ContractState): Decision {
  const problem =
    checkContractExists(state, command.contractId) ??
    checkContractOpen(state, 'certifying delivery') ??
    checkNotBeforeAward(state, 'certifiedOn', command.certifiedOn) ??
    (command.periodStart === undefined
      ? undefined
      : checkNotBeforeAward(state, 'periodStart', command.periodStart))
  if (problem) return refused(problem)
  if (state.serviceIds[command.serviceId]) {
    return refused(
      reject(
        'service_exists',
        `Service ${command.serviceId} was already certified on contract ${command.contractId}.`,
        {
          contractId: command.contractId,
          serviceId: command.serviceId,
        },
      ),
    )
  }
  const amount = parseCents(command.amount)
  const remaining = state.amount - state.certified
  if (amount > remaining) {
    return refused(
      reject(
        'service_exceeds_commitment',
        `Certifying ${euros(amount)} on contract ${command.contractId} would pass its amount of ${euros(state.amount)}: ${euros(state.certified)} is already certified, so at most ${euros(remaining)} can be. Modify the contract first if more was delivered.`,
        {
          contractId: command.contractId,
          amount: formatCents(state.amount),
          certified: formatCents(state.certified),
          limit: formatCents(remaining),
          attempted: formatCents(amount),
        },
      ),
    )
  }
  return contractEvents({
    type: 'ServiceCertified',
    data: {
      contractId: command.contractId,
      serviceId: command.serviceId,
      amount: command.amount,
      certifiedOn: command.certifiedOn,
      // Optional members only when given, as in every decided event.
      ...(command.periodStart === undefined && command.periodEnd === undefined
        ? {}
        : {
            period: {
              ...(command.periodStart === undefined ? {} : { from: command.periodStart }),
              ...(command.periodEnd === undefined ? {} : { to: command.periodEnd }),
            },
          }),
    },
  })
}
