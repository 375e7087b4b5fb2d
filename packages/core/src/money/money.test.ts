import { fc, test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import {
  absCents,
  canonicalMoney,
  formatCents,
  formatEuros,
  isMoneyString,
  isSignedMoneyString,
  MAX_CENTS,
  minCents,
  Money,
  parseCents,
  PositiveMoney,
  SignedMoney,
} from './money.js'

describe('money', () => {
  it('parses wire amounts into exact cents', () => {
    expect(parseCents('1234.56')).toBe(123456n)
    expect(parseCents('0.1')).toBe(10n)
    expect(parseCents('0.01')).toBe(1n)
    expect(parseCents('007')).toBe(700n)
    expect(parseCents('-1500')).toBe(-150000n)
    expect(parseCents('-0.05')).toBe(-5n)
  })

  it('carries 13 integer digits and 2 decimals, and no more', () => {
    expect(parseCents('9999999999999.99')).toBe(MAX_CENTS)
    expect(isMoneyString('9999999999999.99')).toBe(true)
    expect(isMoneyString('10000000000000')).toBe(false)
    expect(isMoneyString('1.001')).toBe(false)
    expect(() => parseCents('10000000000000')).toThrow(RangeError)
    expect(() => parseCents('1.001')).toThrow(/Expected an amount such as "1234.56"/)
  })

  it('refuses what is not a plain decimal', () => {
    for (const value of ['', '.5', '1.', '1,50', '+1', '1e3', ' 1', '1 ', 'NaN', '0x10', '١٢']) {
      expect(isMoneyString(value), value).toBe(false)
      expect(() => parseCents(value), value).toThrow(RangeError)
    }
    expect(isMoneyString('-1')).toBe(false)
    expect(isSignedMoneyString('-1')).toBe(true)
    expect(isSignedMoneyString('--1')).toBe(false)
  })

  it('formats cents canonically', () => {
    expect(formatCents(0n)).toBe('0.00')
    expect(formatCents(5n)).toBe('0.05')
    expect(formatCents(-5n)).toBe('-0.05')
    expect(formatCents(-123456n)).toBe('-1234.56')
    expect(formatCents(MAX_CENTS)).toBe('9999999999999.99')
    expect(canonicalMoney('12.5')).toBe('12.50')
    expect(canonicalMoney('0012')).toBe('12.00')
  })

  test.prop([
    fc.boolean(),
    fc.stringMatching(/^\d{1,13}$/),
    fc.option(fc.stringMatching(/^\d{1,2}$/), { nil: undefined }),
  ])(
    'canonicalMoney is formatCents of parseCents, for any wire amount',
    (minus, units, decimals) => {
      const wire = `${minus ? '-' : ''}${units}${decimals === undefined ? '' : `.${decimals}`}`
      expect(canonicalMoney(wire)).toBe(formatCents(parseCents(wire)))
    },
  )

  // The definition the one-pass reader must agree with, on strings close to amounts.
  const WIRE = /^(-?)(\d{1,13})(?:\.(\d{1,2}))?$/
  const nearAmounts = fc.oneof(
    fc.string({ unit: fc.constantFrom(...'0123456789-.+e ٣'), maxLength: 18 }),
    fc
      .tuple(fc.constantFrom('', '-', '--', '+'), fc.stringMatching(/^\d{0,15}$/))
      .chain(([sign, units]) =>
        fc
          .constantFrom('', '.', '.5', '.05', '.123', '.x', '. 5')
          .map((tail) => `${sign}${units}${tail}`),
      ),
  )
  test.prop([nearAmounts], { numRuns: 2000 })(
    'parseCents and canonicalMoney accept exactly what the wire format matches, with exact cents',
    (text) => {
      const match = WIRE.exec(text)
      if (!match) {
        expect(() => parseCents(text)).toThrow(/Expected an amount such as/)
        expect(() => canonicalMoney(text)).toThrow(/Expected an amount such as/)
        return
      }
      const cents = BigInt(match[2]!) * 100n + BigInt((match[3] ?? '').padEnd(2, '0'))
      const signed = match[1] === '-' ? -cents : cents
      expect(parseCents(text)).toBe(signed)
      const digits = cents.toString().padStart(3, '0')
      const unsigned = `${digits.slice(0, -2)}.${digits.slice(-2)}`
      expect(canonicalMoney(text)).toBe(signed < 0n ? `-${unsigned}` : unsigned)
    },
  )

  it('canonicalMoney refuses what parseCents refuses, with its message', () => {
    for (const bad of ['', '1.234', '+1', '1e3', ' 1', '12345678901234']) {
      expect(() => canonicalMoney(bad)).toThrow(/Expected an amount such as/)
    }
    expect(canonicalMoney('-0.0')).toBe('0.00')
    expect(canonicalMoney('-000.5')).toBe('-0.50')
  })

  it('round-trips every canonical amount', () => {
    for (const cents of [0n, 1n, 99n, 100n, 101n, 123456789n, MAX_CENTS, -1n, -MAX_CENTS]) {
      expect(parseCents(formatCents(cents))).toBe(cents)
    }
  })

  it('formats euros for a French reader', () => {
    expect(formatEuros(123456789n)).toBe('1\u202f234\u202f567,89\u00a0€')
    expect(formatEuros(-100000n)).toBe('-1\u202f000,00\u00a0€')
    expect(formatEuros(5n)).toBe('0,05\u00a0€')
  })

  it('compares and takes absolute values of cents', () => {
    expect(minCents(3n, -2n)).toBe(-2n)
    expect(absCents(-7n)).toBe(7n)
    expect(absCents(7n)).toBe(7n)
  })

  describe('zod schemas', () => {
    it('Money canonicalizes and refuses numbers, signs and three decimals', () => {
      expect(Money.parse('100')).toBe('100.00')
      expect(Money.parse('0')).toBe('0.00')
      expect(Money.safeParse(100).success).toBe(false)
      expect(Money.safeParse(100.5).success).toBe(false)
      expect(Money.safeParse('-1').success).toBe(false)
      expect(Money.safeParse('1.001').success).toBe(false)
      expect(Money.safeParse(100n).success).toBe(false)
    })

    it('PositiveMoney refuses zero', () => {
      expect(PositiveMoney.parse('0.01')).toBe('0.01')
      expect(PositiveMoney.safeParse('0').success).toBe(false)
      expect(PositiveMoney.safeParse('0.00').success).toBe(false)
    })

    it('SignedMoney takes a non-zero signed delta', () => {
      expect(SignedMoney.parse('-1500')).toBe('-1500.00')
      expect(SignedMoney.parse('2500.5')).toBe('2500.50')
      expect(SignedMoney.safeParse('0').success).toBe(false)
      expect(SignedMoney.safeParse('-0.00').success).toBe(false)
      expect(SignedMoney.safeParse(-1).success).toBe(false)
    })
  })
})
