import fc from 'fast-check'
import { expect, test } from 'vitest'
import { formatMicros, parseMicros } from './decimal-micros.js'

test('decimals with up to six places read and write back exactly', () => {
  expect(parseMicros('0.85')).toBe(850_000n)
  expect(parseMicros('-3.5')).toBe(-3_500_000n)
  expect(formatMicros(1_500_000n)).toBe('1.5')
  expect(formatMicros(-1n)).toBe('-0.000001')
  expect(() => parseMicros('1.2345678')).toThrow(/at most six decimals/)
  fc.assert(
    fc.property(fc.bigInt({ min: -(10n ** 21n) + 1n, max: 10n ** 21n - 1n }), (micros) => {
      expect(parseMicros(formatMicros(micros))).toBe(micros)
    }),
  )
})
