import { addDays, euThresholdOn } from '@plafond/core'
import type { SeededRandom } from './seeded-random.js'
import type { ContractPlan, IncreasePlan } from './contract-plan.js'

const STEP = 1_000n * 100n

/** How each kind of increase is staged: the share of the final amount awarded first, and why. */
const KINDS = {
  'R2194-2': {
    awardedPermille: 700n,
    reasons: [
      'Renfort de l’équipe (un développeur supplémentaire) devenu nécessaire pour tenir les objectifs d’impact.',
      'Prestations supplémentaires devenues nécessaires : ouverture du service à un nouveau public.',
    ],
  },
  'R2194-8': {
    awardedPermille: 940n,
    reasons: [
      'Ajustement limité du volume de prestations : deux sprints d’atelier supplémentaires avec les agents.',
      'Modification de faible montant : prolongation de quelques jours de l’accompagnement au déploiement.',
    ],
  },
} as const

/**
 * Picks a few subsequent contracts whose team grew during the period: each is awarded below its
 * final amount and raised by a modification notified the day before the deliveries would pass
 * the awarded amount. Under R2194-2 (additional services that became necessary) the award is
 * about 70 % and the increase stays within 50 % of the initial amount (R2194-3); under R2194-8
 * (small modification) the award is about 94 % and the increase stays under 10 % of the initial
 * amount and under the EU threshold in force (R2194-8, R2194-9). Amounts and deliveries are
 * unchanged: only when the money is committed moves.
 */
export function planIncreases(
  plans: readonly ContractPlan[],
  random: SeededRandom,
  counts: { readonly 'R2194-2': number; readonly 'R2194-8': number } = {
    'R2194-2': 6,
    'R2194-8': 4,
  },
): ContractPlan[] {
  const chosen = new Map<ContractPlan, IncreasePlan>()
  for (const legalBasis of ['R2194-2', 'R2194-8'] as const) {
    const eligible = plans.filter(
      (p) =>
        p.kind === 'subsequent-contract' &&
        p.certifications.length >= 4 &&
        !chosen.has(p) &&
        increaseOf(p, legalBasis) !== undefined,
    )
    const wanted = Math.min(counts[legalBasis], eligible.length)
    const picked = new Set<ContractPlan>()
    while (picked.size < wanted) picked.add(random.pick(eligible))
    for (const plan of picked) {
      const { delta, notifiedOn } = increaseOf(plan, legalBasis)!
      chosen.set(plan, {
        modificationId: `AV-${legalBasis}`,
        legalBasis,
        delta,
        notifiedOn,
        reason: random.pick(KINDS[legalBasis].reasons),
      })
    }
  }
  return plans.map((plan) => {
    const increase = chosen.get(plan)
    return increase === undefined ? plan : { ...plan, increase }
  })
}

/** The increase a contract would need under `legalBasis`; undefined if it would break the rule. */
function increaseOf(
  plan: ContractPlan,
  legalBasis: IncreasePlan['legalBasis'],
): { delta: bigint; notifiedOn: string } | undefined {
  const kind = KINDS[legalBasis]
  const initial = (((plan.amount * kind.awardedPermille) / 1000n + STEP - 1n) / STEP) * STEP
  const delta = plan.amount - initial
  if (delta <= 0n) return undefined
  let certified = 0n
  for (const certification of plan.certifications) {
    certified += certification.amount
    if (certified <= initial) continue
    const notifiedOn = addDays(certification.certifiedOn, -1)
    if (notifiedOn <= plan.awardedOn) return undefined
    return withinLimits(legalBasis, initial, delta, notifiedOn) ? { delta, notifiedOn } : undefined
  }
  return undefined
}

function withinLimits(
  legalBasis: IncreasePlan['legalBasis'],
  initial: bigint,
  delta: bigint,
  notifiedOn: string,
): boolean {
  // R2194-3: each R2194-2 modification at most 50 % of the initial amount.
  if (legalBasis === 'R2194-2') return delta * 2n <= initial
  // R2194-8: under 10 % of the initial amount and under the EU threshold on the day.
  return delta * 10n < initial && delta < euThresholdOn(notifiedOn).amount
}
