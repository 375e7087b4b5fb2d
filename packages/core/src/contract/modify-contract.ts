import { z } from 'zod'
import { BusinessDateSchema } from '../calendar/business-date.js'
import { refused, type Decision, type DecisionContext } from '../commands/decision.js'
import type { FrameworkEvent } from '../events/event-catalogue.js'
import { commitmentAlerts } from '../framework/alerts.js'
import { checkCommitmentIncrease } from '../framework/commitment-limits.js'
import type { FrameworkState } from '../framework/framework-state.js'
import { Id } from '../identifiers/id.js'
import { Siret } from '../identifiers/siret.js'
import {
  absCents,
  euros,
  formatCents,
  isSignedMoneyString,
  parseCents,
  canonicalMoney,
} from '../money/money.js'
import { euThresholdOn } from '../rates/eu-thresholds.js'
import { reject, type Rejection } from '../rejections/rejection.js'
import { LegalBasis } from './contract-events.js'
import { checkContractExists, checkContractOpen, checkNotBeforeAward } from './contract-guards.js'
import type { ContractState } from './contract-state.js'

const deltaMessage =
  'Expected a signed amount as a string such as "-1500.00" or "2500": an optional "-", digits, optional "." and one or two decimals.'

/** zod schema of `ModifyContract`: an avenant with its legal basis (L2194-1, R2194-1 to R2194-9). */
export const ModifyContract = z
  .strictObject({
    type: z.literal('ModifyContract'),
    commandId: Id,
    contractId: Id,
    modificationId: Id,
    /** Signed change of the amount; `"0"` only for a change of holder (R2194-6). */
    delta: z
      .string({ error: deltaMessage })
      .refine(isSignedMoneyString, { error: deltaMessage })
      .transform(canonicalMoney),
    legalBasis: LegalBasis,
    notifiedOn: BusinessDateSchema,
    reason: z.string().min(1).max(2000),
    /** R2194-6: the holder that succeeds the current one (after a merger or an acquisition). */
    newHolderId: Siret.optional(),
  })
  .superRefine((c, ctx) => {
    // A malformed delta was already reported by its own schema, and reaches here unparsed.
    const zero = isSignedMoneyString(c.delta) && parseCents(c.delta) === 0n
    if (c.legalBasis === 'R2194-6') {
      if (c.newHolderId === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['newHolderId'],
          message: 'R2194-6 (succession) names the new holder.',
        })
      }
    } else {
      if (zero)
        ctx.addIssue({
          code: 'custom',
          path: ['delta'],
          message: 'Expected a non-zero change of the amount.',
        })
      if (c.newHolderId !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['newHolderId'],
          message: `A new holder comes only with legalBasis R2194-6 (succession), not ${c.legalBasis}.`,
        })
      }
    }
  })

/** Modifies a contract. */
export type ModifyContract = z.infer<typeof ModifyContract>

/** `modification_limit_exceeded`; `limit` is the largest figure the rule allows, to the cent. */
function limitExceeded(
  command: ModifyContract,
  rule: string,
  limit: bigint,
  attempted: bigint,
  advice: string,
): Rejection {
  return reject(
    'modification_limit_exceeded',
    `Modification ${command.modificationId} under ${command.legalBasis} is refused: ${rule} The most it allows is ${euros(limit)}; the attempted figure is ${euros(attempted)}. ${advice}`,
    {
      contractId: command.contractId,
      legalBasis: command.legalBasis,
      limit: formatCents(limit),
      attempted: formatCents(attempted),
    },
  )
}

/** The money rule of each legal basis (`DOMAIN.md`, "Modifications"). */
function checkLegalBasis(
  command: ModifyContract,
  contract: ContractState,
  context: DecisionContext,
): Rejection | undefined {
  const delta = parseCents(command.delta)
  switch (command.legalBasis) {
    case 'R2194-1':
    case 'R2194-7':
      return undefined
    case 'R2194-2':
    case 'R2194-5': {
      // R2194-3: each modification at most 50 % of the initial amount (not cumulated).
      const limit = contract.initial / 2n
      if (absCents(delta) * 2n <= contract.initial) return undefined
      return limitExceeded(
        command,
        'each modification may be at most 50 % of the initial amount (R2194-3).',
        limit,
        absCents(delta),
        'Split the need into a new call-off, or use another legal basis if one applies.',
      )
    }
    case 'R2194-6':
      if (delta === 0n) return undefined
      return limitExceeded(
        command,
        'a succession leaves the amount unchanged.',
        0n,
        absCents(delta),
        'Send the change of amount as its own modification.',
      )
    case 'R2194-8': {
      // R2194-9: small modifications are judged on their cumulated amount, in absolute value.
      const cumulated = contract.smallModifications + absCents(delta)
      if (cumulated * 10n >= contract.initial) {
        return limitExceeded(
          command,
          'cumulated R2194-8 modifications must stay under 10 % of the initial amount (R2194-8, R2194-9).',
          (contract.initial - 1n) / 10n,
          cumulated,
          'Use R2194-2 or R2194-5 if their conditions are met.',
        )
      }
      const threshold = euThresholdOn(command.notifiedOn, context.euThresholds)
      if (cumulated >= threshold.amount) {
        return limitExceeded(
          command,
          `cumulated R2194-8 modifications must stay under the EU threshold in force on ${command.notifiedOn} (${threshold.period.source}).`,
          threshold.amount - 1n,
          cumulated,
          'Use R2194-2 or R2194-5 if their conditions are met.',
        )
      }
      return undefined
    }
    default: {
      const unreachable: never = command.legalBasis
      throw new Error(`Unhandled legal basis ${String(unreachable)}`)
    }
  }
}

/** A decrease never takes the amount below what was ordered, certified or invoiced (invariant 4). */
function checkDecrease(
  command: ModifyContract,
  contract: ContractState,
  newAmount: bigint,
): Rejection | undefined {
  const floors = [
    ['service_exceeds_commitment', 'certified', contract.certified],
    ['order_exceeds_contract', 'ordered', contract.ordered],
    ['invoice_exceeds_commitment', 'invoiced', contract.invoiced],
  ] as const
  for (const [code, what, floor] of floors) {
    if (newAmount >= floor) continue
    return reject(
      code,
      `Modification ${command.modificationId} would bring contract ${command.contractId} to ${euros(newAmount)}, below the ${euros(floor)} already ${what}. A decrease stops at what was ${what}.`,
      {
        contractId: command.contractId,
        limit: formatCents(floor),
        attempted: formatCents(newAmount),
      },
    )
  }
  return undefined
}

/** The holders that succeeded `holderId`, one after the other (R2194-6). */
function successorsOf(framework: FrameworkState, holderId: string): string[] {
  const chain: string[] = []
  let next = framework.holders[holderId]?.succeededBy
  while (next !== undefined && !chain.includes(next)) {
    chain.push(next)
    next = framework.holders[next]?.succeededBy
  }
  return chain
}

/** R2194-6 moves a contract to its holder's successor, who must be a current holder. */
function checkSuccessor(
  framework: FrameworkState,
  contract: ContractState,
  newHolderId: string,
): Rejection | undefined {
  const chain = successorsOf(framework, contract.holderId)
  if (chain.includes(newHolderId) && framework.holders[newHolderId]?.current) return undefined
  return reject(
    'unknown_holder',
    chain.length === 0
      ? `R2194-6 moves a contract to the successor of its holder, but ${contract.holderId} was not succeeded on framework ${framework.frameworkId}. Record the merger or acquisition with SucceedHolder first.`
      : `R2194-6 moves contract ${contract.contractId} to a successor of ${contract.holderId} (${chain.join(' → ')}), not to ${newHolderId}, which must also be a current holder.`,
    { frameworkId: framework.frameworkId, holderId: newHolderId, successors: chain },
  )
}

/**
 * Decides `ModifyContract` over both streams: the legal basis's money rule, then for an increase
 * the allocation and the ceiling (with alerts), for a decrease the floors of invariant 4; a
 * succession needs a current holder of the framework.
 */
export function decideModifyContract(
  command: ModifyContract,
  framework: FrameworkState,
  contract: ContractState,
  context: DecisionContext,
): Decision {
  const problem =
    checkContractExists(contract, command.contractId) ??
    checkContractOpen(contract, 'modifying it') ??
    checkNotBeforeAward(contract, 'notifiedOn', command.notifiedOn)
  if (problem) return refused(problem)
  if (contract.modificationIds[command.modificationId]) {
    return refused(
      reject(
        'modification_exists',
        `Modification ${command.modificationId} is already recorded on contract ${command.contractId}.`,
        { contractId: command.contractId, modificationId: command.modificationId },
      ),
    )
  }
  const rule = checkLegalBasis(command, contract, context)
  if (rule) return refused(rule)
  if (command.newHolderId !== undefined) {
    const refusal = checkSuccessor(framework, contract, command.newHolderId)
    if (refusal) return refused(refusal)
  }
  const delta = parseCents(command.delta)
  const newAmount = contract.amount + delta
  const what = `Modification ${command.modificationId}`
  const refusal =
    delta > 0n
      ? checkCommitmentIncrease(framework, contract.beneficiaryId, delta, what)
      : checkDecrease(command, contract, newAmount)
  if (refusal) return refused(refusal)
  const frameworkEvents: FrameworkEvent[] =
    delta === 0n
      ? []
      : [
          {
            type: 'CommitmentModified',
            data: {
              frameworkId: framework.frameworkId,
              contractId: command.contractId,
              beneficiaryId: contract.beneficiaryId,
              modificationId: command.modificationId,
              delta: command.delta,
              notifiedOn: command.notifiedOn,
            },
          },
          ...(delta > 0n
            ? commitmentAlerts(
                framework,
                contract.beneficiaryId,
                delta,
                command.notifiedOn,
                command.contractId,
              )
            : []),
        ]
  return {
    ok: true,
    framework: frameworkEvents,
    contract: [
      {
        type: 'ContractModified',
        data: {
          contractId: command.contractId,
          modificationId: command.modificationId,
          delta: command.delta,
          legalBasis: command.legalBasis,
          notifiedOn: command.notifiedOn,
          reason: command.reason,
          newAmount: formatCents(newAmount),
          ...(command.newHolderId === undefined ? {} : { newHolderId: command.newHolderId }),
        },
      },
    ],
  }
}
