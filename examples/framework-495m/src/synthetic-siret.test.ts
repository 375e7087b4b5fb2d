import { isSiren, isSiret } from '@plafond/core'
import { describe, expect, it } from 'vitest'
import { luhnCheckDigit, syntheticSiret } from './synthetic-siret.js'

describe('syntheticSiret', () => {
  it('gives SIRETs whose SIREN and 14 digits both pass Luhn, as core checks them', () => {
    for (const kind of ['public-body', 'holder'] as const) {
      for (const serial of [0, 1, 7, 42, 130, 99_999]) {
        const siret = syntheticSiret(kind, serial)
        expect(siret).toMatch(/^\d{14}$/)
        expect(isSiret(siret)).toBe(true)
        expect(isSiren(siret.slice(0, 9))).toBe(true)
      }
    }
  })

  it('never gives the same number twice, within a kind or across kinds', () => {
    const all = new Set<string>()
    for (let serial = 0; serial < 500; serial++) {
      all.add(syntheticSiret('public-body', serial))
      all.add(syntheticSiret('holder', serial))
    }
    expect(all.size).toBe(1000)
  })

  it('refuses a serial out of range', () => {
    expect(() => syntheticSiret('holder', 100_000)).toThrow(/0 to 99999/)
    expect(() => syntheticSiret('holder', 1.5)).toThrow(/0 to 99999/)
  })
})

describe('luhnCheckDigit', () => {
  it('gives the textbook check digit', () => {
    // The usual worked example of the Luhn algorithm: 7992739871 → 3.
    expect(luhnCheckDigit('7992739871')).toBe(3)
  })

  it('refuses anything but digits', () => {
    expect(() => luhnCheckDigit('12a4')).toThrow(/digits only/)
  })
})
