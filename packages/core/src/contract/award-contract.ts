import { z } from 'zod'
import { BusinessDateSchema } from '../calendar/business-date.js'
import { refused, type Decision } from '../commands/decision.js'
import { commitmentAlerts } from '../framework/alerts.js'
import { ContractKind } from '../framework/framework-events.js'
import { checkCommitmentIncrease } from '../framework/commitment-limits.js'
import { checkFrameworkExists, findBeneficiary } from '../framework/framework-guards.js'
import type { FrameworkState } from '../framework/framework-state.js'
import { Id } from '../identifiers/id.js'
import { Siret } from '../identifiers/siret.js'
import { parseCents, PositiveMoney } from '../money/money.js'
import { reject } from '../rejections/rejection.js'
import { Competition } from './contract-events.js'
import type { ContractState } from './contract-state.js'

/** zod schema of `AwardContract`: a beneficiary awards a call-off to a holder. */
export const AwardContract = z.strictObject({
  type: z.literal('AwardContract'),
  commandId: Id,
  frameworkId: Id,
  contractId: Id,
  beneficiaryId: Siret,
  holderId: Siret,
  kind: ContractKind,
  amount: PositiveMoney,
  awardedOn: BusinessDateSchema,
  competition: Competition,
  /** Why no mini-competition was run; required for a direct award when the framework has several holders (R2162-10). */
  justification: z.string().min(1).max(2000).optional(),
  /** The product (startup d'État, service) the call-off pays for. */
  product: Id.optional(),
  object: z.string().min(1).max(1000).optional(),
  durationMonths: z.int().min(1).max(120).optional(),
})

/** Awards a call-off (subsequent contract or purchase order). */
export type AwardContract = z.infer<typeof AwardContract>

/**
 * Decides `AwardContract` over both streams: the framework is open on the award date (R2162-5),
 * the beneficiary is named and the holder current (R2162-6), the allocation and the maximum hold.
 */
export function decideAwardContract(
  command: AwardContract,
  framework: FrameworkState,
  contract: ContractState,
): Decision {
  const missing = checkFrameworkExists(framework, command.frameworkId)
  if (missing) return refused(missing)
  const { awardedOn } = command
  if (
    framework.status === 'closed' ||
    awardedOn < framework.startsOn ||
    awardedOn > framework.endsOn
  ) {
    return refused(
      reject(
        'framework_not_open',
        framework.status === 'closed'
          ? `Framework ${command.frameworkId} was closed on ${framework.closedOn ?? '?'}: no call-off after it (R2162-5).`
          : `Framework ${command.frameworkId} is valid from ${framework.startsOn} to ${framework.endsOn}; a call-off awarded on ${awardedOn} falls outside it (R2162-5).`,
        {
          frameworkId: command.frameworkId,
          startsOn: framework.startsOn,
          endsOn: framework.endsOn,
          attempted: awardedOn,
        },
      ),
    )
  }
  const named = findBeneficiary(framework, command.beneficiaryId)
  if ('rejection' in named) return refused(named.rejection)
  const holder = framework.holders[command.holderId]
  if (!holder?.current) {
    return refused(
      reject(
        'unknown_holder',
        holder
          ? `${command.holderId} is no longer a holder of framework ${command.frameworkId} (replaced by a successor); award to a current holder.`
          : `${command.holderId} is not a holder of framework ${command.frameworkId}: call-offs go only to its holders (R2162-6).`,
        { frameworkId: command.frameworkId, holderId: command.holderId },
      ),
    )
  }
  if (
    command.competition === 'direct' &&
    framework.currentHolders > 1 &&
    command.justification === undefined
  ) {
    return refused(
      reject(
        'invalid_command',
        `Framework ${command.frameworkId} has ${framework.currentHolders} holders: a direct award needs a justification (R2162-10), or run a mini-competition.`,
        {
          path: 'justification',
          issues: [
            { path: 'justification', message: 'Required for a direct award with several holders.' },
          ],
        },
      ),
    )
  }
  if (contract.status !== 'none') {
    return refused(
      reject(
        'contract_exists',
        `Contract ${command.contractId} already exists; choose another contractId.`,
        {
          contractId: command.contractId,
        },
      ),
    )
  }
  const amount = parseCents(command.amount)
  const what = `Contract ${command.contractId}`
  const refusal = checkCommitmentIncrease(framework, command.beneficiaryId, amount, what)
  if (refusal) return refused(refusal)
  return {
    ok: true,
    framework: [
      {
        type: 'CommitmentAwarded',
        data: {
          frameworkId: command.frameworkId,
          contractId: command.contractId,
          beneficiaryId: command.beneficiaryId,
          holderId: command.holderId,
          kind: command.kind,
          amount: command.amount,
          awardedOn,
        },
      },
      ...commitmentAlerts(framework, command.beneficiaryId, amount, awardedOn, command.contractId),
    ],
    contract: [
      {
        type: 'ContractAwarded',
        data: {
          contractId: command.contractId,
          frameworkId: command.frameworkId,
          beneficiaryId: command.beneficiaryId,
          holderId: command.holderId,
          kind: command.kind,
          amount: command.amount,
          awardedOn,
          competition: command.competition,
          // Optional members only when given: a member set to undefined would have the store copy
          // the data to leave it out.
          ...(command.justification === undefined ? {} : { justification: command.justification }),
          ...(command.product === undefined ? {} : { product: command.product }),
          ...(command.object === undefined ? {} : { object: command.object }),
          ...(command.durationMonths === undefined
            ? {}
            : { durationMonths: command.durationMonths }),
        },
      },
    ],
  }
}
