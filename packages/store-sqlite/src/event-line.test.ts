import { isLedgerError, type EventStore, type NewEvent } from '@plafond/core'
import Database from 'better-sqlite3'
import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'
import { createSqliteStore } from './create-sqlite-store.js'
import { eventFromLine, integerIn } from './event-line.js'
import { temporaryDirectory } from './test-support/temporary-directory.js'
import { every, flat } from './test-support/collect-events.js'

const directory = temporaryDirectory('lines')
afterAll(() => directory.remove())
let files = 0

// Text that may hold the line separator (U+001F), quotes, backslashes and other controls.
const text = fc.oneof(fc.string({ unit: 'binary' }), fc.constantFrom('a\x1fb', '\x1f', 'x"\\y'))

const newEvent = fc.record({
  id: text,
  type: text,
  schemaVersion: fc.integer({ min: 1, max: 3 }),
  // Canonical JSON carries no fractions.
  data: fc.dictionary(
    text,
    fc.oneof(text, fc.integer(), fc.boolean(), fc.constant(null), fc.array(text, { maxLength: 3 })),
    { maxKeys: 4 },
  ),
  meta: fc.record(
    {
      commandId: text,
      actorId: text,
      correlationId: text,
      recordedAt: text,
      effectiveOn: text,
    },
    { requiredKeys: ['commandId', 'actorId', 'recordedAt', 'effectiveOn'] },
  ),
})

async function storeWith(writes: readonly (readonly [string, NewEvent])[]): Promise<EventStore> {
  const store = createSqliteStore({ path: directory.file(`lines-${++files}.db`) })
  for (const [stream, event] of writes) {
    await store.append([{ stream, expectedVersion: 'any', events: [event] }])
  }
  return store
}

describe('readAllBatches, which reads each event as one line of text', () => {
  it('yields what readAll yields, whatever ids, streams, types, data and meta hold', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.constantFrom('s', 't\x1f', 'u"'), newEvent), {
          minLength: 1,
          maxLength: 12,
        }),
        fc.integer({ min: 1, max: 5 }),
        async (writes, batchSize) => {
          // Ids are unique in a log.
          const unique = writes.map(
            ([stream, event], i) => [stream, { ...event, id: `${i}:${event.id}` }] as const,
          )
          const store = await storeWith(unique)
          try {
            const read = await every(store.readAll())
            expect(read).toHaveLength(writes.length)
            expect(await flat(store.readAllBatches!({ batchSize }))).toEqual(read)
          } finally {
            await store.close()
          }
        },
      ),
      { numRuns: 25 },
    )
  })

  it('an event whose data no longer parses is CORRUPT_LOG at its position, as with readAll', async () => {
    const event = fc.sample(newEvent, { numRuns: 1, seed: 3 })[0]!
    const store = await storeWith([
      ['s', { ...event, id: 'one' }],
      ['s', { ...event, id: 'two' }],
    ])
    const path = directory.file(`lines-${files}.db`)
    const db = new Database(path)
    db.prepare('UPDATE events SET data = \'{"amount": 1\' WHERE position = 2').run()
    db.close()
    for (const read of [() => flat(store.readAllBatches!()), () => every(store.readAll())]) {
      const error: unknown = await read().catch((e: unknown) => e)
      expect(isLedgerError(error, 'CORRUPT_LOG'), String(error)).toBe(true)
      expect((error as Error).message).toContain('the event at position 2 does not parse')
    }
    await store.close()
  })
})

describe('eventFromLine and integerIn', () => {
  const columns = ['7', 'id', 's', '3', 'Paid', '1', '{"a":1}', '{"actorId":"x"}', 'p', 'h']

  it('reads exactly ten columns, and leaves a line of nine or eleven to the caller', () => {
    expect(eventFromLine(columns.join('\x1f'))).toEqual({
      id: 'id',
      stream: 's',
      version: 3,
      position: '7',
      type: 'Paid',
      schemaVersion: 1,
      data: { a: 1 },
      meta: { actorId: 'x' },
      prevHash: 'p',
      hash: 'h',
    })
    expect(eventFromLine(columns.slice(1).join('\x1f'))).toBeUndefined()
    expect(eventFromLine([...columns, 'more'].join('\x1f'))).toBeUndefined()
    expect(eventFromLine('')).toBeUndefined()
  })

  it('integerIn is Number of the slice, whatever the text', () => {
    const text = fc.oneof(
      fc.string({ unit: fc.constantFrom('0', '1', '9', '-', '+', ' ', 'e', '.', 'x') }),
      fc.bigInt({ min: 0n, max: 10n ** 20n }).map(String),
    )
    fc.assert(
      fc.property(text, text, text, (before, middle, after) => {
        const line = before + middle + after
        const from = before.length
        const to = from + middle.length
        expect(Object.is(integerIn(line, from, to), Number(middle))).toBe(true)
      }),
    )
  })
})
