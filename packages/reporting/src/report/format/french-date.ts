import { parisDate } from '@plafond/core'
import { NARROW_NBSP, NO_FIGURE } from './french-number.js'

const MONTHS = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
] as const

// Abbreviations of the Imprimerie nationale's rules: mai, juin and août are never shortened.
const SHORT_MONTHS = [
  'janv.',
  'févr.',
  'mars',
  'avr.',
  'mai',
  'juin',
  'juill.',
  'août',
  'sept.',
  'oct.',
  'nov.',
  'déc.',
] as const

function monthIndex(date: string): number {
  return Number(date.slice(5, 7)) - 1
}

/** A business date `YYYY-MM-DD` in words: `11 avril 2023`, `1er juin 2021`; `—` for none. */
export function frenchDate(date: string | null): string {
  if (date === null) return NO_FIGURE
  const day = Number(date.slice(8, 10))
  return `${day === 1 ? '1er' : day} ${MONTHS[monthIndex(date)]} ${date.slice(0, 4)}`
}

/** A month `YYYY-MM` (or a date) in words: `avril 2023`. */
export function frenchMonth(month: string): string {
  return `${MONTHS[monthIndex(month)]} ${month.slice(0, 4)}`
}

/** A month `YYYY-MM` (or a date) shortened for an axis: `avr. 2023`. */
export function frenchShortMonth(month: string): string {
  return `${SHORT_MONTHS[monthIndex(month)]} ${month.slice(0, 4)}`
}

const PARIS_TIME = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Paris',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
})

/**
 * An instant (ISO-8601) as a Paris reader says it: `1er janvier 2026 à 11 h 00`. Only the
 * numeric parts of `Intl` are used (the time-zone offset), so the words do not depend on the
 * runtime's locale data.
 */
export function frenchInstant(instant: string): string {
  const at = new Date(instant)
  if (Number.isNaN(at.getTime())) {
    throw new RangeError(
      `Expected an ISO-8601 instant such as "2026-01-31T09:30:00Z", found ${JSON.stringify(instant)}.`,
    )
  }
  const parts = PARIS_TIME.formatToParts(at)
  const hour = parts.find((part) => part.type === 'hour')?.value ?? '00'
  const minute = parts.find((part) => part.type === 'minute')?.value ?? '00'
  return `${frenchDate(parisDate(at))} à ${Number(hour)}${NARROW_NBSP}h${NARROW_NBSP}${minute}`
}
