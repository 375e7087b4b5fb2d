import { fc, test } from '@fast-check/vitest'
import { expect } from 'vitest'
import { byPosition } from './log-order.js'

test.prop([fc.array(fc.bigInt({ min: 1n, max: 2n ** 63n - 1n }), { maxLength: 30 })])(
  'orders positions as the integers they write, across lengths (9 before 10)',
  (positions) => {
    const events = positions.map((p) => ({ position: p.toString() }))
    const sorted = [...events].sort(byPosition).map((e) => BigInt(e.position))
    expect(sorted).toEqual([...positions].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)))
  },
)
