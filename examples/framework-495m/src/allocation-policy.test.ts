import { parseCents } from '@plafond/core'
import { describe, expect, it } from 'vitest'
import { ALLOCATION_POLICY, allocationPlan } from './allocation-policy.js'
import { BENEFICIARIES } from './beneficiaries.js'
import { FRAMEWORK_TERMS } from './framework-terms.js'
import { simulateFirstYear } from './simulate-first-year.js'

const estimate = parseCents(FRAMEWORK_TERMS.estimate)
const maximum = parseCents(FRAMEWORK_TERMS.maximum)

describe('allocationPlan', () => {
  const plan = allocationPlan(BENEFICIARIES)

  it('shares at most 90 % of the estimate, so the allocations sum well under the maximum', () => {
    expect(plan.shares).toHaveLength(31)
    const sum = plan.shares.reduce((total, share) => total + share.amount, 0n)
    expect(sum).toBe(plan.shared)
    expect(sum * 100n).toBeLessThanOrEqual(estimate * ALLOCATION_POLICY.sharedPercentOfEstimate)
    expect(sum).toBeLessThan(maximum)
    expect(plan.reserve).toBe(estimate - sum)
    expect(plan.beyondEstimate).toBe(maximum - estimate)
  })

  it('gives each beneficiary a positive share in round 10 000 €, larger for a larger weight', () => {
    for (const { amount } of plan.shares) {
      expect(amount).toBeGreaterThan(0n)
      expect(amount % ALLOCATION_POLICY.step).toBe(0n)
    }
    const byWeight = [...plan.shares].sort((a, b) => a.beneficiary.weight - b.beneficiary.weight)
    for (let i = 1; i < byWeight.length; i++) {
      expect(byWeight[i]!.amount).toBeGreaterThanOrEqual(byWeight[i - 1]!.amount)
    }
  })

  it('is what the simulated year allocates: each buying beneficiary its share, once', () => {
    const allocated = simulateFirstYear().commands.flatMap(({ command }) =>
      command.type === 'Allocate' ? [command] : [],
    )
    const buying = plan.shares.filter((s) => s.beneficiary.startsOn !== null)
    expect(allocated).toHaveLength(buying.length)
    for (const share of buying) {
      const mine = allocated.filter((c) => c.beneficiaryId === share.beneficiary.siret)
      expect(mine.map((c) => parseCents(c.amount))).toEqual([share.amount])
    }
    const sum = allocated.reduce((total, c) => total + parseCents(c.amount), 0n)
    expect(sum).toBeLessThan(maximum)
  })
})
