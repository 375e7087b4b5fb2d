import { divideHalfUp, formatCents, type Cents } from '@plafond/core'

/**
 * `part / whole` in percent with two decimals, rounded half-up (`"42.17"`), or `null` when
 * `whole` is zero: a share of nothing is not a number a report should print.
 */
export function sharePercent(part: Cents, whole: Cents): string | null {
  if (whole === 0n) return null
  // Hundredths of a percent print exactly like cents.
  return formatCents(divideHalfUp(part * 10_000n, whole))
}
