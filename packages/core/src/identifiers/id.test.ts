import { describe, expect, it } from 'vitest'
import { Id, isId } from './id.js'

describe('caller-supplied ids', () => {
  it('accepts 1 to 64 characters from A-Z a-z 0-9 . _ : -', () => {
    for (const id of ['a', 'AC-2025', 'MS_1.2:3', 'x'.repeat(64), '01JABCDEF', '-', '.']) {
      expect(isId(id), id).toBe(true)
    }
  })

  it('refuses empty, long, spaced, slashed and non-ASCII ids', () => {
    for (const id of ['', 'x'.repeat(65), 'a b', 'a/b', 'é', 'a\n', 'a#1', '👍']) {
      expect(isId(id), JSON.stringify(id)).toBe(false)
    }
  })

  it('has a zod schema that refuses non-strings', () => {
    expect(Id.parse('AC-2025')).toBe('AC-2025')
    expect(Id.safeParse(42).success).toBe(false)
    expect(Id.safeParse('').success).toBe(false)
  })
})
