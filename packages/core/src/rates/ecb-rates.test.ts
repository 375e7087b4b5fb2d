import { describe, expect, it } from 'vitest'
import { isMoneyString } from '../money/money.js'
import { ECB_MAIN_REFINANCING_RATES, ecbRateFor, halfYearOf } from './ecb-rates.js'

describe('halfYearOf', () => {
  it('puts January to June in H1 and July to December in H2', () => {
    expect(halfYearOf('2025-01-01')).toBe('2025-H1')
    expect(halfYearOf('2025-06-30')).toBe('2025-H1')
    expect(halfYearOf('2025-07-01')).toBe('2025-H2')
    expect(halfYearOf('2025-12-31')).toBe('2025-H2')
  })
})

describe('ecbRateFor', () => {
  it('gives the rate in force on the first day of the half-year of the date', () => {
    // The ECB raised its rate to 4.25 % on 2 August 2023: 1 July 2023 still had 4.00 %.
    expect(ecbRateFor('2023-07-06')?.rate).toBe('4.00')
    expect(ecbRateFor('2023-12-31')?.rate).toBe('4.00')
    expect(ecbRateFor('2024-01-01')?.rate).toBe('4.50')
    // The cut to 3.65 % of 18 September 2024 does not change 2024-H2, set on 1 July.
    expect(ecbRateFor('2024-09-30')?.rate).toBe('4.25')
    expect(ecbRateFor('2025-06-30')?.rate).toBe('3.15')
    expect(ecbRateFor('2025-07-01')?.rate).toBe('2.15')
    // The rise to 0.50 % took effect on 27 July 2022, after the first day of 2022-H2.
    expect(ecbRateFor('2022-07-28')?.rate).toBe('0.00')
  })

  it('is undefined outside the table, so that the caller extends it', () => {
    expect(ecbRateFor('2020-12-31')).toBeUndefined()
    expect(ecbRateFor('2026-07-01')).toBeUndefined()
  })

  it('reads the table the caller gives instead of the default', () => {
    const table = [{ halfYear: '2026-H2', rate: '1.90', source: 'test data' }]
    expect(ecbRateFor('2026-07-01', table)).toEqual(table[0])
    expect(ecbRateFor('2025-07-01', table)).toBeUndefined()
  })

  it('has one rate per half-year from 2021-H1, consecutive, each with two decimals and a source', () => {
    const halves = ECB_MAIN_REFINANCING_RATES.map((entry) => entry.halfYear)
    const expected: string[] = []
    for (let year = 2021; expected.length < halves.length; year++) {
      expected.push(`${year}-H1`, `${year}-H2`)
    }
    expect(halves).toEqual(expected.slice(0, halves.length))
    for (const entry of ECB_MAIN_REFINANCING_RATES) {
      expect(entry.rate, entry.halfYear).toMatch(/^\d+\.\d\d$/)
      expect(isMoneyString(entry.rate)).toBe(true)
      expect(entry.source.length, entry.halfYear).toBeGreaterThan(0)
    }
  })
})
