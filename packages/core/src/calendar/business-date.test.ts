import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  addDays,
  addYears,
  BusinessDateSchema,
  dateFromDayNumber,
  dayNumber,
  daysBetween,
  isBusinessDate,
  parisDate,
  yearOf,
} from './business-date.js'

describe('business dates', () => {
  it('accepts real calendar dates only', () => {
    expect(isBusinessDate('2025-02-28')).toBe(true)
    expect(isBusinessDate('2025-02-30')).toBe(false)
    expect(isBusinessDate('2025-02-29')).toBe(false)
    expect(isBusinessDate('2025-04-31')).toBe(false)
    expect(isBusinessDate('2025-12-31')).toBe(true)
    expect(isBusinessDate('2025-13-01')).toBe(false)
    expect(isBusinessDate('2025-00-10')).toBe(false)
    expect(isBusinessDate('2025-01-00')).toBe(false)
    for (const shape of [
      '2025-1-01',
      '20250101',
      '2025/01/01',
      '2025-01-01T00:00',
      ' 2025-01-01',
    ]) {
      expect(isBusinessDate(shape), shape).toBe(false)
    }
  })

  it('agrees with the YYYY-MM-DD definition and the platform calendar on strings close to dates', () => {
    const SHAPED = /^(\d{4})-(\d{2})-(\d{2})$/
    const shaped = fc
      .tuple(
        fc.integer({ min: 1850, max: 2500 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
      )
      .map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`)
    // A date with one character replaced: a digit where a dash goes, a dash where a digit goes.
    const oneOff = fc
      .tuple(shaped, fc.nat(9), fc.constantFrom(...'0123456789-/ ٣'))
      .map(([date, at, char]) => `${date.slice(0, at)}${char}${date.slice(at + 1)}`)
    const nearDates = fc.oneof(
      shaped,
      oneOff,
      fc.string({ unit: fc.constantFrom(...'0123456789-/ ٣'), minLength: 8, maxLength: 12 }),
    )
    fc.assert(
      fc.property(nearDates, (text) => {
        const match = SHAPED.exec(text)
        if (!match) {
          expect(isBusinessDate(text)).toBe(false)
          expect(() => dayNumber(text)).toThrow(/Expected a date written YYYY-MM-DD/)
          return
        }
        const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])]
        const utc = new Date(Date.UTC(2000, m - 1, d))
        utc.setUTCFullYear(y)
        const real = m >= 1 && m <= 12 && utc.getUTCMonth() === m - 1 && utc.getUTCDate() === d
        expect(isBusinessDate(text)).toBe(y >= 1900 && real)
        if (real) expect(dayNumber(text)).toBe(Math.floor(utc.getTime() / 86_400_000))
      }),
      { numRuns: 2000 },
    )
  })

  it('knows leap years: every 4, not every 100, every 400', () => {
    expect(isBusinessDate('2024-02-29')).toBe(true)
    expect(isBusinessDate('2000-02-29')).toBe(true)
    expect(isBusinessDate('1900-02-29')).toBe(false)
    expect(isBusinessDate('2100-02-29')).toBe(false)
  })

  it('counts days from 1970-01-01', () => {
    expect(dayNumber('1970-01-01')).toBe(0)
    expect(dayNumber('1970-01-02')).toBe(1)
    expect(dayNumber('1969-12-31')).toBe(-1)
    expect(dayNumber('2000-03-01')).toBe(11_017)
    expect(dateFromDayNumber(0)).toBe('1970-01-01')
    expect(dateFromDayNumber(11_016)).toBe('2000-02-29')
    expect(() => dayNumber('2025/01/01')).toThrow(/YYYY-MM-DD/)
  })

  it('agrees with the platform calendar', () => {
    fc.assert(
      fc.property(fc.integer({ min: -25_567, max: 2_932_896 }), (days) => {
        const iso = new Date(days * 86_400_000).toISOString().slice(0, 10)
        expect(dateFromDayNumber(days)).toBe(iso)
      }),
      { numRuns: 1000 },
    )
  })

  it('round-trips dayNumber and dateFromDayNumber', () => {
    fc.assert(
      fc.property(fc.integer({ min: -25_567, max: 2_932_896 }), (days) => {
        const date = dateFromDayNumber(days)
        expect(isBusinessDate(date)).toBe(true)
        expect(dayNumber(date)).toBe(days)
      }),
      { numRuns: 1000 },
    )
  })

  it('adds days across months, years and leap days', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29')
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01')
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01')
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28')
    expect(daysBetween('2025-01-01', '2026-01-01')).toBe(365)
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366)
    expect(daysBetween('2025-03-01', '2025-02-01')).toBe(-28)
  })

  it('adds years, turning 29 February into 28 February in a common year', () => {
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28')
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29')
    expect(addYears('2025-10-01', 4)).toBe('2029-10-01')
    expect(addYears('2025-01-31', -1)).toBe('2024-01-31')
  })

  it('gives the budget year', () => {
    expect(yearOf('2025-12-31')).toBe(2025)
    expect(yearOf('2026-01-01')).toBe(2026)
  })

  it('reads the date in Paris around midnight UTC, in summer (UTC+2) and winter (UTC+1)', () => {
    expect(parisDate(new Date('2025-06-30T21:59:59.999Z'))).toBe('2025-06-30')
    expect(parisDate(new Date('2025-06-30T22:00:00Z'))).toBe('2025-07-01')
    expect(parisDate(new Date('2025-12-31T22:59:59.999Z'))).toBe('2025-12-31')
    expect(parisDate(new Date('2025-12-31T23:00:00Z'))).toBe('2026-01-01')
    expect(parisDate(new Date('2026-01-01T00:30:00Z'))).toBe('2026-01-01')
    // The day the clocks go forward (30 March 2025, 01:00 UTC) and back (26 October 2025).
    expect(parisDate(new Date('2025-03-29T23:00:00Z'))).toBe('2025-03-30')
    expect(parisDate(new Date('2025-10-25T21:59:00Z'))).toBe('2025-10-25')
    expect(parisDate(new Date('2025-10-25T22:00:00Z'))).toBe('2025-10-26')
    expect(parisDate(new Date('2025-10-26T22:59:00Z'))).toBe('2025-10-26')
    expect(parisDate(new Date('2025-10-26T23:00:00Z'))).toBe('2025-10-27')
  })

  it('has a zod schema that names what it found', () => {
    expect(BusinessDateSchema.parse('2025-02-28')).toBe('2025-02-28')
    const refused = BusinessDateSchema.safeParse('2025-02-30')
    expect(refused.success).toBe(false)
    expect(refused.error?.issues[0]?.message).toMatch(/"2025-02-30"/)
    expect(BusinessDateSchema.safeParse(20250228).success).toBe(false)
  })
})
