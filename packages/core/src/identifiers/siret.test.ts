import { SIRETS, withLuhnDigit } from '@plafond/testing'
import { describe, expect, it } from 'vitest'
import { Cpv, isSiren, isSiret, Siret } from './siret.js'

describe('SIRET and SIREN', () => {
  it('accepts SIRETs that pass the Luhn check', () => {
    expect(isSiret('13002526500013')).toBe(true)
    for (const siret of Object.values(SIRETS)) expect(isSiret(siret), siret).toBe(true)
  })

  it('refuses a SIRET with a wrong check digit', () => {
    for (let digit = 0; digit <= 9; digit++) {
      const candidate = `1300252650001${digit}`
      expect(isSiret(candidate), candidate).toBe(digit === 3)
    }
  })

  it('refuses what is not 14 digits', () => {
    for (const value of [
      '',
      '1300252650001',
      '130025265000130',
      '1300252650001a',
      '130 025 265 00013',
    ]) {
      expect(isSiret(value), value).toBe(false)
    }
  })

  it('accepts La Poste establishments by digit sum when they fail Luhn', () => {
    // 3+5+6+4+9+8+3+7 = 45, a multiple of 5; Luhn fails.
    expect(isSiret('35600000049837')).toBe(true)
    expect(isSiren('35600000049837'.slice(0, 9))).toBe(true)
    // La Poste's head office passes Luhn (digit sum 26, not a multiple of 5).
    expect(isSiret('35600000000048')).toBe(true)
    // A La Poste number that fails both rules.
    expect(isSiret('35600000049838')).toBe(false)
  })

  it('keeps the digit-sum rule to La Poste', () => {
    // Digit sum 1+3+2+5+2+6+5+1 = 25 (a multiple of 5) but Luhn fails: not La Poste, so invalid.
    const candidate = '13002526500001'
    expect([...candidate].reduce((sum, c) => sum + Number(c), 0) % 5).toBe(0)
    expect(isSiret(candidate)).toBe(false)
  })

  it('checks SIRENs with Luhn', () => {
    expect(isSiren('130025265')).toBe(true)
    expect(isSiren('130025266')).toBe(false)
    expect(isSiren('356000000')).toBe(true)
    expect(isSiren('13002526')).toBe(false)
    expect(isSiren(withLuhnDigit('91000000'))).toBe(true)
  })

  it('makes check digits that pass', () => {
    expect(withLuhnDigit('1300252650001')).toBe('13002526500013')
    for (let i = 0; i < 50; i++) {
      const base = String(1_000_000_000_000 + i * 7_919_113)
      expect(isSiret(withLuhnDigit(base)), base).toBe(true)
    }
  })

  it('has zod schemas with helpful messages', () => {
    expect(Siret.parse('13002526500013')).toBe('13002526500013')
    const refused = Siret.safeParse('13002526500014')
    expect(refused.error?.issues[0]?.message).toMatch(/Luhn.*"13002526500014"/)
    expect(Siret.safeParse(13002526500013).success).toBe(false)
  })

  it('accepts CPV codes without checking their check digit', () => {
    expect(Cpv.parse('72000000')).toBe('72000000')
    expect(Cpv.parse('72000000-5')).toBe('72000000-5')
    expect(Cpv.parse('72000000-0')).toBe('72000000-0')
    expect(Cpv.safeParse('7200000').success).toBe(false)
    expect(Cpv.safeParse('72000000-55').success).toBe(false)
  })
})
