import { divideHalfUp, type Cents } from '@plafond/core'

/**
 * The Herfindahl-Hirschman index of a market split into `amounts`: the sum of the squared shares
 * in percent, from near 0 (many small suppliers) to 10 000 (one supplier takes everything),
 * computed exactly as 10 000 × Σ aᵢ² / (Σ aᵢ)² and rounded half-up to a whole number. Null when
 * the total is zero: nothing was bought, so nothing is concentrated.
 */
export function concentrationIndex(amounts: readonly Cents[]): number | null {
  let total = 0n
  let squares = 0n
  for (const amount of amounts) {
    total += amount
    squares += amount * amount
  }
  if (total === 0n) return null
  return Number(divideHalfUp(10_000n * squares, total * total))
}
