import { describe, expect, it } from 'vitest'
import { growthScenarios } from './growth-scenarios.js'

describe('growthScenarios', () => {
  it('scales the burn by 31 over the beneficiaries buying, to six decimals', () => {
    const scenarios = growthScenarios(24)
    expect(scenarios.map((s) => s.name)).toEqual([
      'steady',
      'beneficiaries grow from 24 to 31',
      'ramp-up goes on: +3 % a month',
      'spend triples',
    ])
    expect(scenarios[1]!.factor).toBe('1.291667')
    expect(growthScenarios(31)[1]!.factor).toBe('1')
    expect(growthScenarios(20)[1]!.factor).toBe('1.55')
  })

  it('refuses a count of beneficiaries it cannot scale from', () => {
    expect(() => growthScenarios(0)).toThrow(/between 1 and 31/)
    expect(() => growthScenarios(32)).toThrow(/between 1 and 31/)
  })
})
