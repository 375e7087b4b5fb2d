import { z } from 'zod'

/** A business date, `YYYY-MM-DD`, in the calendar of Europe/Paris. */
export type BusinessDate = string

/**
 * `year * 10 000 + month * 100 + day` of a string written `YYYY-MM-DD` (ASCII digits), or -1.
 * Read character by character: dates are checked on every command and event, and a regex match
 * allocates its groups.
 */
function scanDate(value: string): number {
  if (value.length !== 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return -1
  let packed = 0
  for (let i = 0; i < 10; i++) {
    if (i === 4 || i === 7) continue
    const digit = value.charCodeAt(i) - 48
    if (digit < 0 || digit > 9) return -1
    packed = packed * 10 + digit
  }
  return packed
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31
}

/** Whether `value` is a real calendar date written `YYYY-MM-DD` (so `2025-02-30` is not). */
export function isBusinessDate(value: string): boolean {
  const packed = scanDate(value)
  if (packed < 0) return false
  const year = Math.floor(packed / 10_000)
  const month = Math.floor(packed / 100) % 100
  const day = packed % 100
  return year >= 1900 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)
}

/** Days since 1970-01-01 of a business date (proleptic Gregorian calendar). */
export function dayNumber(date: BusinessDate): number {
  const packed = scanDate(date)
  if (packed < 0)
    throw new RangeError(`Expected a date written YYYY-MM-DD, found ${JSON.stringify(date)}.`)
  let year = Math.floor(packed / 10_000)
  const month = Math.floor(packed / 100) % 100
  const day = packed % 100
  // Days-from-civil: count from 0000-03-01 so that leap days fall at the end of a year.
  year -= month <= 2 ? 1 : 0
  const era = Math.floor(year / 400)
  const yearOfEra = year - era * 400
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear
  return era * 146_097 + dayOfEra - 719_468
}

/** The business date `days` days after 1970-01-01. */
export function dateFromDayNumber(days: number): BusinessDate {
  const z0 = days + 719_468
  const era = Math.floor(z0 / 146_097)
  const dayOfEra = z0 - era * 146_097
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  )
  const dayOfYear =
    dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100))
  const mp = Math.floor((5 * dayOfYear + 2) / 153)
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1
  const month = mp < 10 ? mp + 3 : mp - 9
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: BusinessDate, to: BusinessDate): number {
  return dayNumber(to) - dayNumber(from)
}

/** The date `days` days after `date`. */
export function addDays(date: BusinessDate, days: number): BusinessDate {
  return dateFromDayNumber(dayNumber(date) + days)
}

/** The same day `years` years later; 29 February becomes 28 February in a common year. */
export function addYears(date: BusinessDate, years: number): BusinessDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  const year = y + years
  const day = Math.min(d, daysInMonth(year, m))
  return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

/** The calendar year of a date: the budget year (LOLF art. 1). */
export function yearOf(date: BusinessDate): number {
  return Number(date.slice(0, 4))
}

const PARIS = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
})

/** The business date in Paris at a given instant. */
export function parisDate(instant: Date): BusinessDate {
  return PARIS.format(instant)
}

/** zod schema of a business date `YYYY-MM-DD` that exists in the calendar. */
export const BusinessDateSchema = z
  .string({ error: 'Expected a date as a string written YYYY-MM-DD.' })
  .refine(isBusinessDate, {
    error: (issue) =>
      `Expected a real calendar date written YYYY-MM-DD, found ${JSON.stringify(issue.input)}.`,
  })
