import { afterEach, describe, expect, it, vi } from 'vitest'
import { propertyRuns } from './property-runs.js'

describe('propertyRuns', () => {
  afterEach(() => {
    vi.unstubAllEnvs()
  })

  it('is the default unless PLAFOND_PROPERTY_RUNS raises it', () => {
    vi.stubEnv('PLAFOND_PROPERTY_RUNS', '')
    expect(propertyRuns(25)).toBe(25)
    vi.stubEnv('PLAFOND_PROPERTY_RUNS', '1000')
    expect(propertyRuns(25)).toBe(1000)
    vi.stubEnv('PLAFOND_PROPERTY_RUNS', '3')
    expect(propertyRuns(25)).toBe(25)
  })

  it('refuses a value that is not a positive integer, saying how to fix it', () => {
    vi.stubEnv('PLAFOND_PROPERTY_RUNS', 'many')
    expect(() => propertyRuns(25)).toThrow(/positive integer, found "many"/)
  })
})
