import { describe, expect, it } from 'vitest'
import { frenchDate, frenchInstant, frenchMonth, frenchShortMonth } from './french-date.js'

describe('French dates', () => {
  it('writes business dates in words, the first of the month as « 1er »', () => {
    expect(frenchDate('2023-04-11')).toBe('11 avril 2023')
    expect(frenchDate('2021-06-01')).toBe('1er juin 2021')
    expect(frenchDate('2025-08-31')).toBe('31 août 2025')
    expect(frenchDate(null)).toBe('—')
  })

  it('writes months in full and shortened', () => {
    expect(frenchMonth('2024-02')).toBe('février 2024')
    expect(frenchShortMonth('2024-02-01')).toBe('févr. 2024')
    expect(frenchShortMonth('2024-06')).toBe('juin 2024')
  })

  it('writes an instant in Paris time, summer and winter', () => {
    expect(frenchInstant('2025-07-01T08:00:00Z')).toBe('1er juillet 2025 à 10\u202fh\u202f00')
    expect(frenchInstant('2026-01-15T23:30:00Z')).toBe('16 janvier 2026 à 0\u202fh\u202f30')
  })

  it('refuses an instant it cannot read, saying what it expected', () => {
    expect(() => frenchInstant('yesterday')).toThrow(/Expected an ISO-8601 instant/)
  })
})
