import { describe, expect, it } from 'vitest'
import { EU_THRESHOLDS_CENTRAL_SUPPLIES_SERVICES, euThresholdOn } from './eu-thresholds.js'

const amountOn = (date: string) => euThresholdOn(date).amount

describe('euThresholdOn', () => {
  it('gives 143 000 € HT for 2024-2025 and 140 000 € HT for 2026-2027, changing on 1 January', () => {
    expect(amountOn('2024-01-01')).toBe(14_300_000n)
    expect(amountOn('2025-12-31')).toBe(14_300_000n)
    expect(amountOn('2026-01-01')).toBe(14_000_000n)
    expect(amountOn('2027-12-31')).toBe(14_000_000n)
  })

  it('keeps the earlier periods: 139 000 € for 2020-2021, 140 000 € for 2022-2023', () => {
    expect(amountOn('2021-12-31')).toBe(13_900_000n)
    expect(amountOn('2022-01-01')).toBe(14_000_000n)
    expect(amountOn('2023-12-31')).toBe(14_000_000n)
  })

  it('names the period, with its source', () => {
    expect(euThresholdOn('2025-06-15').period).toEqual(EU_THRESHOLDS_CENTRAL_SUPPLIES_SERVICES[2])
    expect(euThresholdOn('2025-06-15').period.source).toMatch(/2023\/2495/)
  })

  it('keeps the latest period in force until the table is extended, and the earliest before it starts', () => {
    expect(amountOn('2031-06-01')).toBe(14_000_000n)
    expect(amountOn('2019-06-01')).toBe(13_900_000n)
  })

  it('reads the table the caller gives, in any order', () => {
    const table = [
      { from: '2028-01-01', amount: '145000', source: 'a future revision (test data)' },
      { from: '2026-01-01', amount: '140000', source: 'CCP annexe 2' },
    ]
    expect(euThresholdOn('2027-12-31', table).amount).toBe(14_000_000n)
    expect(euThresholdOn('2028-01-01', table).amount).toBe(14_500_000n)
  })

  it('refuses an empty table, saying what to give', () => {
    expect(() => euThresholdOn('2025-01-01', [])).toThrow(/at least one period/)
  })
})
