import { fc, test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import { EventIds } from './event-ids.js'

/** EventIds over a log it reads back, recording what `firstTaken` lets through. */
function tracked(): {
  ids: EventIds
  log: string[]
  take: (batch: string[]) => string | undefined
} {
  const log: string[] = []
  const ids = new EventIds(() => log)
  return {
    ids,
    log,
    take(batch) {
      const taken = ids.firstTaken(batch)
      if (taken === undefined) {
        ids.record(batch)
        log.push(...batch)
      }
      return taken
    },
  }
}

describe('event ids', () => {
  it('takes increasing ids on the last one alone, and refuses a repeat within an append', () => {
    let reads = 0
    const ids = new EventIds(() => {
      reads += 1
      return []
    })
    expect(ids.firstTaken(['a', 'b'])).toBeUndefined()
    ids.record(['a', 'b'])
    expect(ids.firstTaken(['c'])).toBeUndefined()
    expect(reads).toBe(0)
    expect(ids.firstTaken(['d', 'd'])).toBe('d')
  })

  it('after an id out of order, finds every earlier id', () => {
    const { take } = tracked()
    expect(take(['b', 'c'])).toBeUndefined()
    expect(take(['a'])).toBeUndefined()
    expect(take(['c'])).toBe('c')
    expect(take(['b'])).toBe('b')
    expect(take(['z', 'a'])).toBe('a')
    expect(take(['z'])).toBeUndefined()
  })

  test.prop([
    fc.array(fc.array(fc.stringMatching(/^[a-e]{1,2}$/), { maxLength: 4 }), { maxLength: 30 }),
  ])('refuses exactly the appends that repeat an id, whatever the order', (appends) => {
    const { take } = tracked()
    const seen = new Set<string>()
    for (const batch of appends) {
      const expected = batch.find((id, i) => seen.has(id) || batch.indexOf(id) !== i)
      expect(take(batch)).toBe(expected)
      if (expected === undefined) for (const id of batch) seen.add(id)
    }
  })
})
