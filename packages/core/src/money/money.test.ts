import { describe, expect, it } from 'vitest'
import { canonicalMoney, formatCents, formatEuros, parseCents } from './money.js'

describe('money', () => {
  it('parses wire amounts into exact cents', () => {
    expect(parseCents('1234.56')).toBe(123456n)
    expect(parseCents('0.1')).toBe(10n)
    expect(parseCents('-1500')).toBe(-150000n)
  })
  it('formats cents canonically', () => {
    expect(formatCents(5n)).toBe('0.05')
    expect(formatCents(-123456n)).toBe('-1234.56')
    expect(canonicalMoney('12.5')).toBe('12.50')
    expect(formatEuros(123456789n)).toBe('1\u202f234\u202f567,89\u00a0€')
  })
})
