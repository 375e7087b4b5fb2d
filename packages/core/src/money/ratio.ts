import type { Cents } from './money.js'

/**
 * Divides `numerator` by `denominator` (both exact integers) and rounds half-up, away from zero on
 * ties, as French public accounting rounds to the cent.
 */
export function divideHalfUp(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new RangeError('Division by zero.')
  const negative = numerator < 0n !== denominator < 0n
  const n = numerator < 0n ? -numerator : numerator
  const d = denominator < 0n ? -denominator : denominator
  const quotient = (n * 2n + d) / (d * 2n)
  return negative ? -quotient : quotient
}

/** `amount × percent / 100`, rounded half-up to the cent; `percent` is in hundredths (`1250n` = 12.50 %). */
export function percentOf(amount: Cents, hundredthsOfPercent: bigint): Cents {
  return divideHalfUp(amount * hundredthsOfPercent, 10_000n)
}

/** Whether `part / whole ≥ percent / 100`, exactly, with no rounding. */
export function reachesPercent(part: Cents, whole: Cents, percent: number): boolean {
  return part * 100n >= whole * BigInt(percent)
}
