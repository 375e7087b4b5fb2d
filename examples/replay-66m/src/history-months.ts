import { addDays } from '@plafond/core'

/**
 * Months of the synthetic history, counted from June 2021 (month 0), the month the framework
 * starts. Products, periods and certifications are planned in these months.
 */
export const FIRST_MONTH = { year: 2021, month: 6 } as const

/** The first day of month `index` (0 is June 2021). */
export function monthStart(index: number): string {
  const offset = FIRST_MONTH.month - 1 + index
  const year = FIRST_MONTH.year + Math.floor(offset / 12)
  const month = (((offset % 12) + 12) % 12) + 1
  return `${year}-${String(month).padStart(2, '0')}-01`
}

/** The last day of month `index`. */
export function monthEnd(index: number): string {
  return addDays(monthStart(index + 1), -1)
}

/** The month index of a business date (`YYYY-MM-DD`). */
export function monthOf(date: string): number {
  const year = Number(date.slice(0, 4))
  const month = Number(date.slice(5, 7))
  return (year - FIRST_MONTH.year) * 12 + (month - FIRST_MONTH.month)
}
