import { parseCents, type Cents } from '@plafond/core'
import type { Beneficiary } from './beneficiaries.js'
import { FRAMEWORK_TERMS } from './framework-terms.js'

/** How the coordinator shares the framework among its beneficiaries. */
export const ALLOCATION_POLICY = {
  /** Percent of the estimate shared out by expected use; the rest is the coordinator's reserve. */
  sharedPercentOfEstimate: 90n,
  /** Each share is rounded down to this many cents (10 000 €). */
  step: 1_000_000n,
} as const

/** One beneficiary's allocation: its share of the estimate, by expected use. */
export interface AllocationShare {
  readonly beneficiary: Beneficiary
  readonly amount: Cents
}

/** The whole plan: the shares, and what is kept back. */
export interface AllocationPlan {
  /** One share per beneficiary, in the order given. */
  readonly shares: readonly AllocationShare[]
  /** Σ shares. */
  readonly shared: Cents
  /** estimate − Σ shares: kept for top-ups and transfers while the framework runs. */
  readonly reserve: Cents
  /** maximum − estimate: allocated only if use outgrows the estimate. */
  readonly beyondEstimate: Cents
}

/**
 * The allocation policy: 90 % of the estimate shared among all the beneficiaries in proportion to
 * their expected use (`weight`), each share rounded down to 10 000 €. A beneficiary receives its
 * share when it prepares its first call-off, so that no money sits with a beneficiary that does
 * not buy yet. The other 10 % of the estimate (with the rounding) is a reserve for top-ups, and
 * the 300 M€ between the estimate and the maximum stay unallocated: giving them out is a decision
 * to take if use outgrows the estimate, not a default. Σ allocations ≤ the estimate < the
 * maximum, so invariant 1 holds with room to spare.
 */
export function allocationPlan(beneficiaries: readonly Beneficiary[]): AllocationPlan {
  const estimate = parseCents(FRAMEWORK_TERMS.estimate)
  const maximum = parseCents(FRAMEWORK_TERMS.maximum)
  const totalWeight = BigInt(beneficiaries.reduce((sum, b) => sum + b.weight, 0))
  if (totalWeight <= 0n) {
    throw new RangeError('Expected beneficiaries with positive weights to share the estimate by.')
  }
  const pool = (estimate * ALLOCATION_POLICY.sharedPercentOfEstimate) / 100n
  const { step } = ALLOCATION_POLICY
  const shares = beneficiaries.map((beneficiary) => ({
    beneficiary,
    amount: ((pool * BigInt(beneficiary.weight)) / totalWeight / step) * step,
  }))
  const shared = shares.reduce((sum, share) => sum + share.amount, 0n)
  return { shares, shared, reserve: estimate - shared, beyondEstimate: maximum - estimate }
}
