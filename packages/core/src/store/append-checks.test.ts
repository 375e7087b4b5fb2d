import { fc, test } from '@fast-check/vitest'
import { describe, expect } from 'vitest'
import { startVersions } from './append-checks.js'
import type { StreamWrite } from './event-store.js'

/** The definition: each write starts where the earlier writes of its stream left it. */
function reference(writes: readonly StreamWrite[], current: (stream: string) => number): number[] {
  const reached = new Map<string, number>()
  return writes.map((write) => {
    const actual = reached.get(write.stream) ?? current(write.stream)
    reached.set(write.stream, actual + write.events.length)
    return actual
  })
}

describe('startVersions', () => {
  test.prop(
    [
      fc.array(
        fc.record({ stream: fc.constantFrom('a', 'b', 'c', 'd'), events: fc.nat({ max: 3 }) }),
        { minLength: 1, maxLength: 20 },
      ),
      fc.record({ a: fc.nat(5), b: fc.nat(5), c: fc.nat(5), d: fc.nat(5) }),
    ],
    { numRuns: 500 },
  )('follows each stream across the writes of an append, short or long', (shapes, store) => {
    const current = (stream: string) => store[stream as keyof typeof store]
    // Writes that expect exactly the version they should start at pass the check.
    let at = 0
    const writes: StreamWrite[] = shapes.map((shape) => ({
      stream: shape.stream,
      expectedVersion: 'any',
      events: Array.from({ length: shape.events }, (_e, i) => ({
        id: `e${at++}-${i}`,
        type: 'T',
        schemaVersion: 1,
        data: {},
        meta: {
          commandId: 'c',
          actorId: 'a',
          recordedAt: '2025-01-01T00:00:00.000Z',
          effectiveOn: '2025-01-01',
        },
      })),
    }))
    const starts = reference(writes, current)
    expect(startVersions(writes, current)).toEqual(starts)
    const exact = writes.map((write, w) => ({ ...write, expectedVersion: starts[w]! }))
    expect(startVersions(exact, current)).toEqual(starts)
    // One write expecting one version too many is refused.
    const w = exact.length - 1
    const wrong = exact.map((write, i) =>
      i === w ? { ...write, expectedVersion: starts[w]! + 1 } : write,
    )
    expect(() => startVersions(wrong, current)).toThrow(/another writer got there first/)
  })
})
