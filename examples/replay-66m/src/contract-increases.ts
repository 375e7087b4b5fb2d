import { addDays } from '@plafond/core'
import type { SeededRandom } from './seeded-random.js'
import type { ContractPlan } from './spend-plan.js'

const STEP = 1_000n * 100n

const REASONS = [
  'Renfort de l’équipe (un développeur supplémentaire) devenu nécessaire pour tenir les objectifs d’impact.',
  'Prestations supplémentaires devenues nécessaires : ouverture du service à un nouveau public.',
] as const

/**
 * Picks a few subsequent contracts whose team grew during the period: each is awarded at about
 * 70 % of its final amount and raised by a modification under R2194-2 (additional services that
 * became necessary), notified the day before the deliveries would pass the awarded amount. The
 * increase stays within 50 % of the initial amount (R2194-3). Amounts and deliveries are
 * unchanged: only when the money is committed moves.
 */
export function planIncreases(
  plans: readonly ContractPlan[],
  random: SeededRandom,
  count = 6,
): ContractPlan[] {
  const eligible = plans.filter(
    (p) => p.kind === 'subsequent-contract' && p.certifications.length >= 4 && increaseOf(p),
  )
  const chosen = new Set<ContractPlan>()
  while (chosen.size < Math.min(count, eligible.length)) chosen.add(random.pick(eligible))
  return plans.map((plan) => {
    if (!chosen.has(plan)) return plan
    const { delta, notifiedOn } = increaseOf(plan)!
    return {
      ...plan,
      increase: { modificationId: 'AV-R2194-2', delta, notifiedOn, reason: random.pick(REASONS) },
    }
  })
}

/** The increase a contract would need if awarded at 70 %, or undefined if none would be needed. */
function increaseOf(plan: ContractPlan): { delta: bigint; notifiedOn: string } | undefined {
  const initial = (((plan.amount * 7n) / 10n + STEP - 1n) / STEP) * STEP
  const delta = plan.amount - initial
  if (delta <= 0n || delta * 2n > initial) return undefined
  let certified = 0n
  for (const certification of plan.certifications) {
    certified += certification.amount
    if (certified > initial) {
      const notifiedOn = addDays(certification.certifiedOn, -1)
      return notifiedOn > plan.awardedOn ? { delta, notifiedOn } : undefined
    }
  }
  return undefined
}
