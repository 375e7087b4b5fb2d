import { describe, expect, it } from 'vitest'
import { monthEnd, monthStart, onWeekday } from './month-dates.js'

describe('month dates', () => {
  it('moves by months across years, both ways', () => {
    expect(monthStart('2025-10-17')).toBe('2025-10-01')
    expect(monthStart('2025-11-30', 3)).toBe('2026-02-01')
    expect(monthStart('2026-01-01', -4)).toBe('2025-09-01')
  })

  it('ends months on their last day, leap Februaries included', () => {
    expect(monthEnd('2026-02-10')).toBe('2026-02-28')
    expect(monthEnd('2028-02-01')).toBe('2028-02-29')
    expect(monthEnd('2025-12-31')).toBe('2025-12-31')
  })

  it('moves weekend days to the Monday after, and leaves weekdays alone', () => {
    expect(onWeekday('2026-09-26')).toBe('2026-09-28') // a Saturday
    expect(onWeekday('2026-09-27')).toBe('2026-09-28') // a Sunday
    expect(onWeekday('2026-09-30')).toBe('2026-09-30') // a Wednesday
    expect(onWeekday('2025-10-03')).toBe('2025-10-03') // a Friday
  })
})
