import { divideHalfUp, formatEuros } from '@plafond/core'
import { centsOf } from '@plafond/projections'

/** Narrow no-break space: French thousands separator, and the space before `%`. */
export const NARROW_NBSP = '\u202f'
/** No-break space: between a number and `€`. */
export const NBSP = '\u00a0'
/** Typographic minus sign, read "moins" by screen readers where a hyphen is not. */
const MINUS = '\u2212'
/** What a report prints for a figure that does not exist (a share of nothing). */
export const NO_FIGURE = '—'

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, NARROW_NBSP)
}

/**
 * A decimal string (`"-1234567.5"`) written the French way: thousands grouped with narrow
 * no-break spaces, a decimal comma and a true minus sign (`"−1 234 567,5"`). The digits are
 * kept as given: no rounding, no float.
 */
export function frenchDecimal(text: string): string {
  const negative = text.startsWith('-')
  const [units, fraction] = (negative ? text.slice(1) : text).split('.') as [string, string?]
  const grouped = groupThousands(units)
  return `${negative ? MINUS : ''}${grouped}${fraction === undefined ? '' : `,${fraction}`}`
}

/** An amount (`"1234567.89"`) in euros, exact to the cent: `1 234 567,89 €`. */
export function frenchEuros(amount: string): string {
  return formatEuros(centsOf(amount)).replace('-', MINUS)
}

/** A whole count (`1760`) with grouped thousands: `1 760`. */
export function frenchCount(count: number): string {
  return frenchDecimal(String(count))
}

/** A percentage string from a view (`"42.17"`) as `42,17 %`; `—` when there is none. */
export function frenchPercent(percent: string | null): string {
  return percent === null ? NO_FIGURE : `${frenchDecimal(percent)}${NARROW_NBSP}%`
}

const MILLION_CENTS = 100_000_000n
const THOUSAND_CENTS = 100_000n

/**
 * An amount rounded for a headline, half-up: `66,06 M€` from a million euros up, `735,2 k€`
 * from a thousand, whole euros below. Exact arithmetic on cents; the exact amount is always
 * printed beside it.
 */
export function frenchCompactEuros(amount: string): string {
  const cents = centsOf(amount)
  const abs = cents < 0n ? -cents : cents
  const sign = cents < 0n ? MINUS : ''
  if (abs >= MILLION_CENTS) {
    return `${sign}${hundredths(divideHalfUp(abs, MILLION_CENTS / 100n))}${NBSP}M€`
  }
  if (abs >= THOUSAND_CENTS) {
    return `${sign}${tenths(divideHalfUp(abs, THOUSAND_CENTS / 10n))}${NBSP}k€`
  }
  return `${sign}${groupThousands(divideHalfUp(abs, 100n).toString())}${NBSP}€`
}

function hundredths(value: bigint): string {
  return `${groupThousands((value / 100n).toString())},${(value % 100n).toString().padStart(2, '0')}`
}

function tenths(value: bigint): string {
  return `${groupThousands((value / 10n).toString())},${(value % 10n).toString()}`
}

/**
 * An axis label for a tick in euros (`20000000` → `20 M€`), with as many decimals as the step
 * between ticks needs. Ticks are drawing positions, not money: they are multiples of a round
 * step and come from the chart's geometry.
 */
export function frenchAxisEuros(value: number, step: number): string {
  if (value === 0) return '0'
  const [unit, divisor] =
    step >= 100_000 ? ['M€', 1_000_000] : step >= 100 ? ['k€', 1_000] : ['€', 1]
  const scaled = value / divisor
  const stepScaled = step / divisor
  let decimals = 0
  while (
    decimals < 3 &&
    Math.abs(stepScaled * 10 ** decimals - Math.round(stepScaled * 10 ** decimals)) > 1e-9
  ) {
    decimals++
  }
  return `${frenchDecimal(scaled.toFixed(decimals))}${NBSP}${unit}`
}

/**
 * A count with its noun, agreed the French way: singular for 0 and 1 (`1 paiement`,
 * `0 marché`), plural from 2 (`1 760 paiements`).
 */
export function frenchCountOf(count: number, singular: string, plural: string): string {
  return `${frenchCount(count)}${NBSP}${count >= 2 ? plural : singular}`
}

/**
 * French spacing for text shown to a reader: a narrow no-break space before `%`, `;`, `!`, `?`
 * and `»` and after `«`, a no-break space before `:`, so that no line starts with a sign.
 */
export function frenchSpacing(text: string): string {
  return text
    .replace(/(\d) %/g, `$1${NARROW_NBSP}%`)
    .replace(/ ([;!?»])/g, `${NARROW_NBSP}$1`)
    .replace(/« /g, `«${NARROW_NBSP}`)
    .replace(/ :/g, `${NBSP}:`)
}
