import { fc, test } from '@fast-check/vitest'
import { decodeTime, monotonicFactory } from 'ulid'
import { describe, expect, it } from 'vitest'
import { monotonicUlids } from './monotonic-ulids.js'

/** A source of fractions that replays `bytes`, each divided by 256. */
function replaying(bytes: readonly number[]): () => number {
  let next = 0
  return () => bytes[next++ % bytes.length]! / 256
}

/** The id, or 'refused' when the factory throws. */
function attempt(next: () => string): string {
  try {
    return next()
  } catch {
    return 'refused'
  }
}

describe('monotonicUlids', () => {
  test.prop(
    [
      fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 64 }),
      fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 60 }),
      // The package reads a time of 0 as "now": a ledger's clock never gives it.
      fc.integer({ min: 1, max: 2 ** 47 }),
    ],
    { numRuns: 500 },
  )(
    'gives the ids the ulid package gives from the same randomness and times',
    (bytes, steps, start) => {
      const ours = monotonicUlids(replaying(bytes))
      const theirs = monotonicFactory(replaying(bytes))
      let time = start
      for (const step of steps) {
        // Steps of 0 stay in the millisecond; 3 goes back one.
        time = step === 3 ? Math.max(time - 1, 1) : time + step
        // Both refuse to go past an all-Z random part (what the package gives after that is no
        // ULID: it is not compared).
        const id = attempt(() => ours(time))
        expect(id).toBe(attempt(() => theirs(time)))
        if (id === 'refused') break
      }
    },
  )

  it('increases within a millisecond, carrying into the characters before', () => {
    // The first character drawn is the last of the id: fifteen Zs after a 0.
    const next = monotonicUlids(replaying([...new Array<number>(15).fill(255), 0]))
    const first = next(1_700_000_000_000)
    expect(first.slice(10)).toBe('0ZZZZZZZZZZZZZZZ')
    expect(next(1_700_000_000_000).slice(10)).toBe('1000000000000000')
    expect(next(1_700_000_000_000).slice(10)).toBe('1000000000000001')
  })

  it('refuses another id in a millisecond whose random part is all Zs, instead of wrapping', () => {
    const next = monotonicUlids(replaying([255]))
    expect(next(5).slice(10)).toBe('ZZZZZZZZZZZZZZZZ')
    expect(() => next(5)).toThrow(/one millisecond/)
    expect(next(6).slice(0, 10)).toBe('0000000006')
  })

  it('keeps the time readable as the ulid package reads it', () => {
    const next = monotonicUlids(Math.random)
    const first = next(1_750_000_000_123)
    const second = next(1_750_000_000_124)
    expect(decodeTime(first)).toBe(1_750_000_000_123)
    expect(decodeTime(second)).toBe(1_750_000_000_124)
    expect(second > first).toBe(true)
  })

  it('refuses a time that is not a whole number of milliseconds in range', () => {
    const next = monotonicUlids(Math.random)
    for (const bad of [Number.NaN, -1, 1.5, 2 ** 48]) {
      expect(() => next(bad)).toThrow(/whole number of milliseconds/)
    }
  })
})
