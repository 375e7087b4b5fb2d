import { describe, expect, it } from 'vitest'
import { initialState, StateCache, type StreamSnapshot } from './stream-states.js'

function snapshot(stream: string, version = 1): StreamSnapshot {
  return { stream, kind: 'contract', version, state: initialState('contract') }
}

describe('the state cache', () => {
  it('keeps the states it is given, the latest per stream, and forgets on delete', () => {
    const cache = new StateCache(10)
    cache.set(snapshot('a', 1))
    cache.set(snapshot('a', 2))
    expect(cache.get('a')?.version).toBe(2)
    cache.delete('a')
    expect(cache.get('a')).toBeUndefined()
  })

  it('past its limit, drops a state not used since the others were', () => {
    const cache = new StateCache(2)
    cache.set(snapshot('a'))
    cache.set(snapshot('b'))
    cache.get('a')
    cache.set(snapshot('c'))
    expect(['a', 'b', 'c'].map((s) => cache.get(s) !== undefined)).toEqual([true, false, true])
    // Every state used: each loses its mark in turn, one of them goes, never the state just added.
    cache.get('a')
    cache.get('c')
    cache.set(snapshot('d'))
    const held = ['a', 'c'].filter((s) => cache.get(s) !== undefined)
    expect(held).toHaveLength(1)
    expect(cache.get('d')).toBeDefined()
  })

  it('never holds more than its limit, whatever the order of reads and writes', () => {
    const cache = new StateCache(3)
    for (let i = 0; i < 200; i++) {
      cache.set(snapshot(`s-${i % 7}`, i))
      cache.get(`s-${(i * 3) % 7}`)
      const held = Array.from({ length: 7 }, (_, k) => cache.get(`s-${k}`)).filter(Boolean)
      expect(held.length).toBeLessThanOrEqual(3)
      expect(cache.get(`s-${i % 7}`)?.version).toBe(i)
    }
  })
})
