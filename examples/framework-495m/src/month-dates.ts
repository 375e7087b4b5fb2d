import { addDays, dayNumber } from '@plafond/core'

// Calendar arithmetic the simulation needs beyond core's days: months and weekdays.

/** The first day of the month `months` after the month of `date` (before it when negative). */
export function monthStart(date: string, months = 0): string {
  const index = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 + months
  const year = Math.floor(index / 12)
  const month = index - year * 12 + 1
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-01`
}

/** The last day of the month of `date`. */
export function monthEnd(date: string): string {
  return addDays(monthStart(date, 1), -1)
}

/** `date` itself on a weekday, else the Monday after it: offices certify and pay on weekdays. */
export function onWeekday(date: string): string {
  // Day 0 of core's day numbers, 1970-01-01, was a Thursday: (n + 4) mod 7 is 0 on Sundays.
  const weekday = (((dayNumber(date) + 4) % 7) + 7) % 7
  if (weekday === 6) return addDays(date, 2)
  if (weekday === 0) return addDays(date, 1)
  return date
}
