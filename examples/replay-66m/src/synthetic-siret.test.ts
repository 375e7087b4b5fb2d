import { isSiren, isSiret } from '@plafond/core'
import { describe, expect, it } from 'vitest'
import { syntheticSiret } from './synthetic-siret.js'

describe('syntheticSiret', () => {
  it('makes 14 digits whose SIREN and whole number both pass Luhn', () => {
    for (let serial = 0; serial < 300; serial++) {
      const siret = syntheticSiret('199', serial)
      expect(siret).toMatch(/^199\d{11}$/)
      expect(isSiren(siret.slice(0, 9))).toBe(true)
      expect(isSiret(siret)).toBe(true)
    }
  })

  it('gives different numbers to different serials', () => {
    const all = Array.from({ length: 1000 }, (_, serial) => syntheticSiret('899', serial))
    expect(new Set(all).size).toBe(all.length)
  })

  it("refuses La Poste's prefix and out-of-range serials", () => {
    expect(() => syntheticSiret('356', 1)).toThrow(/356/)
    expect(() => syntheticSiret('199', 100_000)).toThrow(/serial/)
  })
})
