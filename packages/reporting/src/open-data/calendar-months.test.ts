import { describe, expect, it } from 'vitest'
import { addMonths, lastDayOfMonths, monthsCovering } from './calendar-months.js'

describe('calendar months', () => {
  it.each([
    ['2025-01-31', 1, '2025-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2025-11-03', 6, '2026-05-03'],
    ['2025-12-15', 1, '2026-01-15'],
    ['2025-03-31', -1, '2025-02-28'],
  ])('adds months: %s + %i = %s', (from, months, expected) => {
    expect(addMonths(from, months)).toBe(expected)
  })

  it.each([
    ['2021-06-01', '2025-05-31', 48],
    ['2025-10-01', '2029-09-30', 48],
    ['2025-11-03', '2025-11-03', 1],
    ['2025-01-31', '2025-02-27', 1],
    ['2025-01-31', '2025-02-28', 2],
    ['2025-01-15', '2025-02-15', 2],
    ['2025-12-10', '2029-09-30', 46],
  ])('counts months, rounded up, from %s through %s: %i', (from, through, months) => {
    expect(monthsCovering(from, through)).toBe(months)
  })

  it('gives the last day of a period of months', () => {
    expect(lastDayOfMonths('2025-11-03', 6)).toBe('2026-05-02')
    expect(lastDayOfMonths('2025-10-01', 48)).toBe('2029-09-30')
  })
})
