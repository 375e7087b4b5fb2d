import { divideHalfUp, parseCents, type Cents } from '@plafond/core'

/**
 * An amount in millions of euros with two decimals, rounded half-up, as the reports print it:
 * `"50032644.38"` (a wire amount) or `5003264438n` (cents) → `50.03 M€`.
 */
export function formatMillions(amount: string | Cents): string {
  const cents = typeof amount === 'bigint' ? amount : parseCents(amount)
  const hundredths = divideHalfUp(cents, 1_000_000n)
  const sign = hundredths < 0n ? '-' : ''
  const abs = hundredths < 0n ? -hundredths : hundredths
  return `${sign}${abs / 100n}.${String(abs % 100n).padStart(2, '0')} M€`
}
