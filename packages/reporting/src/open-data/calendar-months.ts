import { addDays, type BusinessDate } from '@plafond/core'

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

/** The same day `months` months later; a day the target month lacks becomes its last day. */
export function addMonths(date: BusinessDate, months: number): BusinessDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  const index = y * 12 + (m - 1) + months
  const year = Math.floor(index / 12)
  const month = (index % 12) + 1
  const day = Math.min(d, daysInMonth(year, month))
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

/**
 * The number of months, rounded up, from `from` to `through` inclusive: the smallest n such that
 * n months after `from` reaches the day after `through`. At least 1 (DECP's `dureeMois` is ≥ 1 and
 * rounded up).
 */
export function monthsCovering(from: BusinessDate, through: BusinessDate): number {
  const end = addDays(through, 1)
  let months = Math.max(
    0,
    (Number(end.slice(0, 4)) - Number(from.slice(0, 4))) * 12 +
      Number(end.slice(5, 7)) -
      Number(from.slice(5, 7)) -
      1,
  )
  while (addMonths(from, months) < end) months += 1
  return Math.max(1, months)
}

/** The last day of a period of `months` months starting on `from`. */
export function lastDayOfMonths(from: BusinessDate, months: number): BusinessDate {
  return addDays(addMonths(from, months), -1)
}
