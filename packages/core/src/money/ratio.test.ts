import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { divideHalfUp, percentOf, reachesPercent } from './ratio.js'

describe('ratio', () => {
  it('rounds half-up, away from zero, for both signs', () => {
    expect(divideHalfUp(5n, 10n)).toBe(1n)
    expect(divideHalfUp(4n, 10n)).toBe(0n)
    expect(divideHalfUp(15n, 10n)).toBe(2n)
    expect(divideHalfUp(25n, 10n)).toBe(3n)
    expect(divideHalfUp(-5n, 10n)).toBe(-1n)
    expect(divideHalfUp(-4n, 10n)).toBe(0n)
    expect(divideHalfUp(-25n, 10n)).toBe(-3n)
    expect(divideHalfUp(5n, -10n)).toBe(-1n)
    expect(divideHalfUp(-5n, -10n)).toBe(1n)
    expect(divideHalfUp(1n, 3n)).toBe(0n)
    expect(divideHalfUp(2n, 3n)).toBe(1n)
    expect(divideHalfUp(-2n, 3n)).toBe(-1n)
  })

  it('is exact when the division is', () => {
    expect(divideHalfUp(1_000_000_000_000_000_000n, 4n)).toBe(250_000_000_000_000_000n)
  })

  it('refuses division by zero', () => {
    expect(() => divideHalfUp(1n, 0n)).toThrow(RangeError)
  })

  it('stays within half a unit of the exact quotient and is odd-symmetric', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 18n), max: 10n ** 18n }),
        fc.bigInt({ min: 1n, max: 10n ** 9n }),
        (n, d) => {
          const q = divideHalfUp(n, d)
          // |n − q·d| ≤ d/2, with ties going away from zero.
          const twiceError = 2n * (n - q * d)
          expect(twiceError <= d && twiceError >= -d).toBe(true)
          if (twiceError === d) expect(n < 0n).toBe(true)
          if (twiceError === -d) expect(n > 0n).toBe(true)
          expect(divideHalfUp(-n, d)).toBe(-q)
        },
      ),
      { numRuns: 500 },
    )
  })

  it('takes a percentage rounded to the cent', () => {
    // 12.50 % of 0.04 € = 0.005 € → 0.01 €.
    expect(percentOf(4n, 1250n)).toBe(1n)
    // 20 % VAT on 1 234.56 € = 246.912 € → 246.91 €.
    expect(percentOf(123456n, 2000n)).toBe(24691n)
    expect(percentOf(-4n, 1250n)).toBe(-1n)
  })

  it('compares a part to a percentage of a whole exactly', () => {
    expect(reachesPercent(50n, 100n, 50)).toBe(true)
    expect(reachesPercent(49n, 100n, 50)).toBe(false)
    expect(reachesPercent(49_999_999n, 100_000_000n, 50)).toBe(false)
    expect(reachesPercent(1n, 3n, 33)).toBe(true)
    expect(reachesPercent(1n, 3n, 34)).toBe(false)
  })
})
