import { describe, expect, it } from 'vitest'
import {
  frenchAxisEuros,
  frenchCompactEuros,
  frenchCountOf,
  frenchDecimal,
  frenchEuros,
  frenchPercent,
  frenchSpacing,
} from './french-number.js'

const NNBSP = '\u202f'
const NBSP = '\u00a0'

describe('French numbers', () => {
  it('writes euros exact to the cent, thousands in narrow no-break spaces', () => {
    expect(frenchEuros('1234567.89')).toBe(`1${NNBSP}234${NNBSP}567,89${NBSP}€`)
    expect(frenchEuros('0.05')).toBe(`0,05${NBSP}€`)
    expect(frenchEuros('999.00')).toBe(`999,00${NBSP}€`)
    expect(frenchEuros('-120000.00')).toBe(`\u2212120${NNBSP}000,00${NBSP}€`)
  })

  it('keeps every digit of a decimal, never going through a float', () => {
    expect(frenchDecimal('9999999999999.99')).toBe(
      `9${NNBSP}999${NNBSP}999${NNBSP}999${NNBSP}999,99`,
    )
    expect(frenchEuros('9007199254740.93')).toBe(
      `9${NNBSP}007${NNBSP}199${NNBSP}254${NNBSP}740,93${NBSP}€`,
    )
    expect(frenchDecimal('22.7')).toBe('22,7')
    expect(frenchDecimal('1000')).toBe(`1${NNBSP}000`)
  })

  it('writes percentages with a narrow no-break space before the sign, and a dash for none', () => {
    expect(frenchPercent('110.10')).toBe(`110,10${NNBSP}%`)
    expect(frenchPercent(null)).toBe('—')
  })

  it('rounds headline amounts half-up, in millions, thousands or euros', () => {
    expect(frenchCompactEuros('66061052.19')).toBe(`66,06${NBSP}M€`)
    expect(frenchCompactEuros('66065000.00')).toBe(`66,07${NBSP}M€`)
    expect(frenchCompactEuros('66064999.99')).toBe(`66,06${NBSP}M€`)
    expect(frenchCompactEuros('735250.00')).toBe(`735,3${NBSP}k€`)
    expect(frenchCompactEuros('999.50')).toBe(`1${NNBSP}000${NBSP}€`)
    expect(frenchCompactEuros('-1500000.00')).toBe(`\u22121,50${NBSP}M€`)
  })

  it('labels axis ticks with the decimals their step needs', () => {
    expect(frenchAxisEuros(0, 20_000_000)).toBe('0')
    expect(frenchAxisEuros(40_000_000, 20_000_000)).toBe(`40${NBSP}M€`)
    expect(frenchAxisEuros(1_500_000, 500_000)).toBe(`1,5${NBSP}M€`)
    expect(frenchAxisEuros(750_000, 250_000)).toBe(`0,75${NBSP}M€`)
    expect(frenchAxisEuros(5_000, 1_000)).toBe(`5${NBSP}k€`)
    expect(frenchAxisEuros(40, 10)).toBe(`40${NBSP}€`)
  })

  it('agrees nouns the French way: singular for 0 and 1', () => {
    expect(frenchCountOf(0, 'paiement', 'paiements')).toBe(`0${NBSP}paiement`)
    expect(frenchCountOf(1, 'paiement', 'paiements')).toBe(`1${NBSP}paiement`)
    expect(frenchCountOf(1760, 'paiement', 'paiements')).toBe(`1${NNBSP}760${NBSP}paiements`)
  })

  it('keeps punctuation from starting a line', () => {
    expect(frenchSpacing('soit 90 % ; reste : « oui » ?')).toBe(
      `soit 90${NNBSP}%${NNBSP}; reste${NBSP}: «${NNBSP}oui${NNBSP}»${NNBSP}?`,
    )
  })
})
