import { COORDINATOR, HOLDERS, type Holder } from './cast.js'
import { FRAMEWORK_TERMS } from './framework-terms.js'
import { STAGE, type HistoryEntry } from './history-entry.js'
import type { ContractPlan } from './contract-plan.js'
import { syntheticSiret } from './synthetic-siret.js'

/**
 * A holder absorbed by a merger mid-framework, as happened to the real predecessor in June 2022
 * (avenants notified on 11 June 2022 "suite à la fusion"). Here the firms are fictional: the
 * successor takes the holder's place on the framework (R2194-6), each of its running call-offs
 * moves to the successor by a modification with no change of amount, and later awards go to the
 * successor.
 */
export const SUCCESSION = {
  on: '2022-06-13',
  predecessor: HOLDERS[3]!,
  successor: {
    siret: syntheticSiret('899', 7),
    name: 'Delta Kilo Produit (fictif)',
    weight: HOLDERS[3]!.weight,
  } satisfies Holder,
  reason:
    'Fusion-absorption de Delta Produit par Kilo Conseil : la société absorbante reprend les droits et obligations du titulaire (R2194-6).',
  /** Buyers notify the change on their running contracts a few days after the merger. */
  notifiedOn: '2022-06-16',
} as const

/** The plans with every award made on or after the merger going to the successor. */
export function applySuccession(plans: readonly ContractPlan[]): ContractPlan[] {
  return plans.map((plan) =>
    plan.holder === SUCCESSION.predecessor && plan.awardedOn >= SUCCESSION.on
      ? { ...plan, holder: SUCCESSION.successor }
      : plan,
  )
}

/** The contracts of the absorbed holder still running when the buyers notify the change. */
export function runningAtSuccession(plans: readonly ContractPlan[]): ContractPlan[] {
  return plans.filter(
    (p) =>
      p.holder === SUCCESSION.predecessor &&
      p.awardedOn < SUCCESSION.on &&
      (p.closedOn === undefined || p.closedOn > SUCCESSION.notifiedOn),
  )
}

/** The coordinator records the succession; each buyer moves its running contracts to the successor. */
export function successionEntries(plans: readonly ContractPlan[]): HistoryEntry[] {
  const { predecessor, successor } = SUCCESSION
  return [
    {
      date: SUCCESSION.on,
      stage: STAGE.setup,
      actor: COORDINATOR,
      command: {
        type: 'SucceedHolder',
        frameworkId: FRAMEWORK_TERMS.frameworkId,
        holderId: predecessor.siret,
        successorId: successor.siret,
        successorName: successor.name,
        succeededOn: SUCCESSION.on,
        reason: SUCCESSION.reason,
      },
    },
    ...runningAtSuccession(plans).map((plan): HistoryEntry => ({
      date: SUCCESSION.notifiedOn,
      stage: STAGE.award,
      actor: plan.beneficiary.buyer,
      command: {
        type: 'ModifyContract',
        contractId: plan.contractId,
        modificationId: 'AV-R2194-6',
        delta: '0.00',
        legalBasis: 'R2194-6',
        notifiedOn: SUCCESSION.notifiedOn,
        reason: SUCCESSION.reason,
        newHolderId: successor.siret,
      },
    })),
  ]
}
