import { describe, expect, test } from 'vitest'
import { concentrationIndex } from './concentration-index.js'

describe('concentrationIndex', () => {
  test('one supplier is 10 000; n equal suppliers are 10 000 / n; nothing bought is null', () => {
    expect(concentrationIndex([500n])).toBe(10_000)
    expect(concentrationIndex([1n, 1n, 1n, 1n])).toBe(2_500)
    expect(concentrationIndex([100n, 100n, 100n])).toBe(3_333)
    expect(concentrationIndex([0n, 0n])).toBeNull()
    expect(concentrationIndex([])).toBeNull()
  })

  test('shares of 50, 30 and 20 % give 2 500 + 900 + 400', () => {
    expect(concentrationIndex([5_000n, 3_000n, 2_000n])).toBe(3_800)
  })
})
