import { describe, expect, it } from 'vitest'
import { SeededRandom } from './seeded-random.js'

const draws = (random: SeededRandom, n: number): number[] =>
  Array.from({ length: n }, () => random.uint32())

describe('SeededRandom', () => {
  it('gives the same sequence for the same seed, and another for another seed', () => {
    expect(draws(new SeededRandom('a'), 100)).toEqual(draws(new SeededRandom('a'), 100))
    expect(draws(new SeededRandom('a'), 100)).not.toEqual(draws(new SeededRandom('b'), 100))
  })

  it('pins its first draws: a changed algorithm would silently change the published run', () => {
    expect(draws(new SeededRandom('framework-495m'), 3)).toEqual([
      1108146581, 2722251906, 127112957,
    ])
  })

  it('draws integers within bounds, both ends included', () => {
    const random = new SeededRandom('bounds')
    const seen = new Set<number>()
    for (let i = 0; i < 2000; i++) seen.add(random.int(-2, 4))
    expect([...seen].sort((a, b) => a - b)).toEqual([-2, -1, 0, 1, 2, 3, 4])
  })

  it('refuses bounds that cannot be drawn from', () => {
    const random = new SeededRandom('refusals')
    expect(() => random.int(5, 4)).toThrow(/min ≤ max/)
    expect(() => random.int(0, 2 ** 32)).toThrow(/2\^32/)
    expect(() => random.pick([])).toThrow(/non-empty/)
    expect(() => random.weighted(['a'], () => 0)).toThrow(/at least 1/)
  })

  it('draws cents as bigints within bounds', () => {
    const random = new SeededRandom('cents')
    for (let i = 0; i < 500; i++) {
      const value = random.cents(2_000_000n, 3_500_000n)
      expect(value >= 2_000_000n && value <= 3_500_000n).toBe(true)
    }
  })

  it('follows the weights, and never picks a zero weight', () => {
    const random = new SeededRandom('weights')
    const counts = { a: 0, b: 0, c: 0 }
    const items = [
      ['a', 1],
      ['b', 3],
      ['c', 0],
    ] as const
    for (let i = 0; i < 4000; i++) counts[random.weighted(items, ([, w]) => w)[0]]++
    expect(counts.c).toBe(0)
    expect(counts.b / counts.a).toBeGreaterThan(2.5)
    expect(counts.b / counts.a).toBeLessThan(3.5)
  })

  it('forks by label alone: what the parent drew before does not change a child', () => {
    const fresh = new SeededRandom('parent')
    const used = new SeededRandom('parent')
    draws(used, 17)
    expect(draws(used.fork('x'), 20)).toEqual(draws(fresh.fork('x'), 20))
    expect(draws(fresh.fork('x'), 20)).not.toEqual(draws(fresh.fork('y'), 20))
  })
})
