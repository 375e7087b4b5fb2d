import { formatCents, MAX_CENTS } from '@plafond/core'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { centsOf } from './cents-of.js'

describe('centsOf', () => {
  test('reads back every canonical amount, whatever the memo holds', () => {
    fc.assert(
      fc.property(
        fc.array(fc.bigInt({ min: -MAX_CENTS, max: MAX_CENTS }), { minLength: 1, maxLength: 12 }),
        (amounts) => {
          // Interleaved and repeated, as projections read fields of successive events.
          for (const cents of [...amounts, ...amounts.reverse()])
            expect(centsOf(formatCents(cents))).toBe(cents)
        },
      ),
    )
  })

  test('still reads right once more amounts than the memo keeps have gone through it', () => {
    const amounts = Array.from({ length: 10_000 }, (_, i) => BigInt(i) * 7_919n - 3_000_000n)
    for (const cents of amounts) expect(centsOf(formatCents(cents))).toBe(cents)
    for (const cents of amounts.reverse()) expect(centsOf(formatCents(cents))).toBe(cents)
  })

  test('reads short forms through core and refuses what is not an amount', () => {
    expect(centsOf('12.5')).toBe(1250n)
    expect(centsOf('7')).toBe(700n)
    expect(centsOf('-0.50')).toBe(-50n)
    expect(() => centsOf('0x1.00')).toThrow(/Expected an amount such as "1234.56"/)
    expect(() => centsOf('1e3.00')).toThrow(RangeError)
  })
})
