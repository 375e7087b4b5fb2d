import { describe, expect, it } from 'vitest'
import { decpId, DECP_ID_MAX_LENGTH } from './decp-id.js'

describe('decpId', () => {
  it('publishes an id of at most 16 characters as it is', () => {
    expect(decpId('MS-21-DINUM-01')).toBe('MS-21-DINUM-01')
    expect(decpId('A'.repeat(16))).toBe('A'.repeat(16))
  })

  it('maps a longer id to its first 7 characters, "~" and 8 hex digits of its SHA-256', () => {
    // printf %s AC-DINUM-AGILE-2021 | sha256sum | cut -c1-8
    expect(decpId('AC-DINUM-AGILE-2021')).toBe('AC-DINU~12a0b1f6')
    expect(decpId('A'.repeat(17))).toMatch(/^A{7}~[0-9a-f]{8}$/)
  })

  it('is deterministic, fits DECP, and never equals an id published as it is', () => {
    const ids = Array.from({ length: 2000 }, (_, i) => `BC-25-COUR-DES-COMPTES-${i}`)
    const mapped = ids.map(decpId)
    expect(mapped).toEqual(ids.map(decpId))
    expect(new Set(mapped).size).toBe(ids.length)
    for (const id of mapped) {
      expect(id.length).toBe(DECP_ID_MAX_LENGTH)
      expect(id).toContain('~')
    }
  })
})
