import { DEFAULT_ALERT_THRESHOLDS } from '@plafond/core'
import { describe, expect, it } from 'vitest'
import { formatThresholds, parseThresholds } from './alert-thresholds-cell.js'

describe('alert thresholds in one cell', () => {
  it('is empty for the defaults, and lists every reference otherwise', () => {
    expect(formatThresholds(DEFAULT_ALERT_THRESHOLDS)).toBe('')
    const custom = { estimate: [50, 100], maximum: [80, 100], allocation: [10, 90, 100] }
    const cell = formatThresholds(custom)
    expect(cell).toBe('estimate=50/100 maximum=80/100 allocation=10/90/100')
    expect(parseThresholds(cell)).toEqual({ thresholds: custom })
  })

  it('reads a subset, and refuses a reference given twice or an unknown one', () => {
    expect(parseThresholds(' maximum=90 ')).toEqual({ thresholds: { maximum: [90] } })
    expect(parseThresholds('maximum=90 maximum=95')).toEqual({
      reason: expect.stringMatching(/each reference once/) as unknown,
    })
    expect(parseThresholds('ceiling=100')).toEqual({
      reason: expect.stringMatching(/"ceiling=100"/) as unknown,
    })
  })
})
