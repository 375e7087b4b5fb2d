import type { EventMeta, NewEvent, RecordedEvent } from '@plafond/core'
import { describe, expect, it } from 'vitest'
import { readEvents } from './contract-assertions.js'
import type { ContractStores } from './contract-stores.js'
import { newTestEvent } from './new-test-event.js'

/** Text that trips encodings, escaping and normalization; U+0000 is left out on purpose. */
const AWKWARD_TEXT =
  'Société Générale — “quotes” \'single\' "double" \\ backslash \n\r\t ' +
  'e\u0301 (combining) é (precomposed) 中文 العربية 😀 👩‍👩‍👧 𝔘 \u2028\u2029 \u00a0nbsp'

/** Writes `events` to one stream and returns them as append, readAll and readStream give them. */
async function roundTrip(
  stores: ContractStores,
  events: readonly NewEvent[],
): Promise<readonly (readonly RecordedEvent[])[]> {
  const store = await stores.open()
  const appended = await store.append([
    { stream: 'stream-a', expectedVersion: 'no_stream', events },
  ])
  return [
    appended.events,
    await readEvents(store.readAll()),
    await readEvents(store.readStream('stream-a')),
  ]
}

/** Event data and meta come back as written: deep-equal, same JS types, nothing added. */
export function describeDataRoundTrip(stores: ContractStores): void {
  describe('data round trip', () => {
    it('event data comes back deep-equal: nested objects, arrays, unicode, integers, booleans, null', async () => {
      const data = {
        text: AWKWARD_TEXT,
        long: 'ä'.repeat(100_000),
        empty: '',
        integers: [0, 1, -1, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER],
        flags: [true, false],
        nothing: null,
        nested: { a: { b: { c: [[], {}, [{ d: 'deep' }]] } } },
        'key with spaces': 1,
        'dot.key': 2,
        '': 'empty key',
        clé_ünïcödé: '€',
        $ref: '#/not/a/reference',
        '10': 'integer-like key',
      }
      for (const events of await roundTrip(stores, [newTestEvent({ data })])) {
        expect(events[0]!.data).toStrictEqual(data)
      }
    })

    it('strings that look like numbers, booleans, null or JSON stay strings', async () => {
      const data = {
        amount: '195000000.00',
        zero: '0',
        yes: 'true',
        none: 'null',
        json: '{"a":1}',
        list: '[1,2]',
      }
      const meta: Partial<EventMeta> = { actorId: '12345', commandId: '007' }
      for (const events of await roundTrip(stores, [newTestEvent({ data, meta })])) {
        expect(events[0]!.data).toStrictEqual(data)
        expect(events[0]!.meta).toMatchObject(meta)
      }
    })

    it.each([
      ['null', null],
      ['a string', 'just text'],
      ['a number', 42],
      ['an array', [1, 'two', { three: 3 }]],
      ['an empty object', {}],
      ['false', false],
    ])('data that is %s comes back as written', async (_, data) => {
      for (const events of await roundTrip(stores, [newTestEvent({ data })])) {
        expect(events[0]!.data).toStrictEqual(data)
      }
    })

    it('event meta comes back deep-equal, with and without correlationId and causationId', async () => {
      const full = newTestEvent({
        meta: {
          correlationId: 'corr-1',
          causationId: 'cause-1',
          recordedAt: '2026-03-29T01:59:59.999Z',
          effectiveOn: '2026-03-29',
        },
      })
      const bare = newTestEvent()
      for (const events of await roundTrip(stores, [full, bare])) {
        expect(events[0]!.meta).toStrictEqual(full.meta)
        expect(events[1]!.meta).toStrictEqual(bare.meta)
        expect(Object.keys(events[1]!.meta).sort()).toEqual(
          ['actorId', 'commandId', 'effectiveOn', 'recordedAt'].sort(),
        )
      }
    })

    it('undefined members of data and meta are omitted, not kept as undefined', async () => {
      const event = newTestEvent({
        data: { kept: 'yes', dropped: undefined, inner: { alsoDropped: undefined, kept: 1 } },
        meta: { correlationId: undefined, causationId: undefined } as unknown as Partial<EventMeta>,
      })
      for (const events of await roundTrip(stores, [event])) {
        const read = events[0]!
        expect(Object.keys(read.data as object).sort()).toEqual(['inner', 'kept'])
        expect(Object.keys((read.data as { inner: object }).inner)).toEqual(['kept'])
        expect(Object.hasOwn(read.meta, 'correlationId')).toBe(false)
        expect(Object.hasOwn(read.meta, 'causationId')).toBe(false)
      }
    })

    it('the store keeps any type and schemaVersion as written, with their JS types: it does not validate or upcast', async () => {
      const event = newTestEvent({ type: 'SomethingThisVersionDoesNotKnow', schemaVersion: 7 })
      for (const events of await roundTrip(stores, [event])) {
        const read = events[0]!
        expect(read.id).toBe(event.id)
        expect(read.type).toBe('SomethingThisVersionDoesNotKnow')
        expect(read.schemaVersion).toBe(7)
        expect(typeof read.version).toBe('number')
        expect(typeof read.position).toBe('string')
        expect(Object.keys(read).sort()).toEqual(
          [
            'data',
            'hash',
            'id',
            'meta',
            'position',
            'prevHash',
            'schemaVersion',
            'stream',
            'type',
            'version',
          ].sort(),
        )
      }
    })

    it('changing the objects given to append or saveCheckpoint afterwards does not change what is stored', async () => {
      const store = await stores.open()
      const data = { list: ['a'], inner: { value: 'before' } }
      const meta = { ...newTestEvent().meta }
      const event = { ...newTestEvent({ data }), meta }
      await store.append([{ stream: 'stream-a', expectedVersion: 0, events: [event] }])
      const parts = ['before', 'and after']
      const checkpoint = { name: 'p', version: 1, position: '1', parts }
      await store.saveCheckpoint(checkpoint)
      data.list.push('b')
      data.inner.value = 'after'
      ;(meta as { actorId: string }).actorId = 'someone-else'
      checkpoint.parts = ['after']
      const [read] = await readEvents(store.readAll())
      expect(read!.data).toStrictEqual({ list: ['a'], inner: { value: 'before' } })
      expect(read!.meta.actorId).toBe('store-contract')
      expect((await store.loadCheckpoint('p'))?.parts).toEqual(['before', 'and after'])
    })
  })
}
