import type { CommandOutcome } from '@plafond/core'
import { describe, expect, it } from 'vitest'
import { expectLedgerError, readEvents, snapshotLog } from './contract-assertions.js'
import type { ContractStores } from './contract-stores.js'
import { newTestEvent, newTestEvents } from './new-test-event.js'
import { newTestOutcome } from './new-test-outcome.js'

/** A rejection outcome with details of every JSON kind, as deciders produce them. */
function rejectedOutcome(commandId: string): CommandOutcome {
  return newTestOutcome({
    commandId,
    commandType: 'AwardContract',
    result: {
      ok: false,
      rejection: {
        code: 'framework_ceiling_exceeded',
        message: 'Le plafond de 495 000 000,00 € serait dépassé de 12,50 € — réduisez le montant.',
        limit: '495000000.00',
        attempted: '495000012.50',
        beneficiaries: [{ id: '13002526500013', committed: '1.00' }],
        nested: { level: { deeper: [1, null, true] } },
      },
    },
  })
}

/** Command outcomes: stored with the events, first one wins, returned unchanged. */
export function describeIdempotencyRecords(stores: ContractStores): void {
  describe('idempotency records', () => {
    it('findOutcome of a command id that has no outcome returns undefined', async () => {
      const store = await stores.open()
      expect(await store.findOutcome('cmd-unknown')).toBeUndefined()
    })

    it('an ok outcome recorded with its events is returned by findOutcome unchanged, written ranges included', async () => {
      const store = await stores.open()
      const outcome = newTestOutcome({
        commandId: 'cmd-award',
        result: {
          ok: true,
          written: [
            { stream: 'contract-c', fromVersion: 1, toVersion: 2 },
            { stream: 'framework-f', fromVersion: 1, toVersion: 1 },
          ],
        },
      })
      await store.append(
        [
          { stream: 'contract-c', expectedVersion: 'no_stream', events: newTestEvents(2) },
          { stream: 'framework-f', expectedVersion: 'no_stream', events: [newTestEvent()] },
        ],
        { outcomes: [outcome] },
      )
      expect(await store.findOutcome('cmd-award')).toEqual(outcome)
    })

    it('a rejection outcome recorded with no writes (append([], { outcomes })) is returned unchanged and writes no event', async () => {
      const store = await stores.open()
      const outcome = rejectedOutcome('cmd-refused')
      const { events } = await store.append([], { outcomes: [outcome] })
      expect(events).toEqual([])
      expect(await store.head()).toBeUndefined()
      expect(await store.findOutcome('cmd-refused')).toEqual(outcome)
    })

    it('several outcomes recorded by one append are all found', async () => {
      const store = await stores.open()
      const outcomes = [
        newTestOutcome({ commandId: 'cmd-1' }),
        rejectedOutcome('cmd-2'),
        newTestOutcome({ commandId: 'cmd-3' }),
      ]
      await store.append(
        [{ stream: 'stream-a', expectedVersion: 'any', events: [newTestEvent()] }],
        { outcomes },
      )
      for (const outcome of outcomes)
        expect(await store.findOutcome(outcome.commandId)).toEqual(outcome)
    })

    it('a second outcome for a recorded commandId fails the whole append with CONCURRENCY_CONFLICT naming it: no event, no other outcome, the first outcome kept', async () => {
      const store = await stores.open()
      const first = newTestOutcome({ commandId: 'cmd-1', commandType: 'First' })
      await store.append([], { outcomes: [first] })
      const before = await snapshotLog(store, ['stream-a'], ['cmd-1', 'cmd-2'])
      const error = await expectLedgerError(
        () =>
          store.append([{ stream: 'stream-a', expectedVersion: 'any', events: newTestEvents(2) }], {
            outcomes: [
              newTestOutcome({ commandId: 'cmd-2' }),
              newTestOutcome({ commandId: 'cmd-1', commandType: 'Second' }),
            ],
          }),
        'CONCURRENCY_CONFLICT',
      )
      // A store that lets a constraint refuse the id still says which one it was.
      expect(error.details).toMatchObject({ commandId: 'cmd-1' })
      expect(await snapshotLog(store, ['stream-a'], ['cmd-1', 'cmd-2'])).toEqual(before)
      expect(await store.findOutcome('cmd-1')).toEqual(first)
    })

    it('the same commandId twice in one append throws CONCURRENCY_CONFLICT and writes nothing', async () => {
      const store = await stores.open()
      await expectLedgerError(
        () =>
          store.append([{ stream: 'stream-a', expectedVersion: 'any', events: [newTestEvent()] }], {
            outcomes: [
              newTestOutcome({ commandId: 'cmd-twice' }),
              newTestOutcome({ commandId: 'cmd-twice' }),
            ],
          }),
        'CONCURRENCY_CONFLICT',
      )
      expect(await store.head()).toBeUndefined()
      expect(await store.findOutcome('cmd-twice')).toBeUndefined()
    })

    it('an append refused for a stale expected version records none of its outcomes', async () => {
      const store = await stores.open()
      await store.append([{ stream: 'stream-a', expectedVersion: 0, events: [newTestEvent()] }])
      await expectLedgerError(
        () =>
          store.append([{ stream: 'stream-a', expectedVersion: 0, events: [newTestEvent()] }], {
            outcomes: [newTestOutcome({ commandId: 'cmd-late' })],
          }),
        'CONCURRENCY_CONFLICT',
      )
      expect(await store.findOutcome('cmd-late')).toBeUndefined()
      // The id is still free: recording it now succeeds.
      await store.append([], { outcomes: [newTestOutcome({ commandId: 'cmd-late' })] })
      expect(await store.findOutcome('cmd-late')).toBeDefined()
    })

    it('an append refused as INVALID_ARGUMENT records none of its outcomes', async () => {
      const store = await stores.open()
      await expectLedgerError(
        () =>
          store.append(
            [
              { stream: 'stream-a', expectedVersion: 'any', events: [newTestEvent()] },
              // Not a version: refused before anything is checked against the store.
              { stream: 'stream-b', expectedVersion: -1, events: [newTestEvent()] },
            ],
            { outcomes: [newTestOutcome({ commandId: 'cmd-bad' })] },
          ),
        'INVALID_ARGUMENT',
      )
      expect(await store.findOutcome('cmd-bad')).toBeUndefined()
    })

    it('command ids are compared exactly: case makes a different command', async () => {
      const store = await stores.open()
      const lower = newTestOutcome({ commandId: 'cmd-a' })
      const upper = newTestOutcome({ commandId: 'CMD-A' })
      await store.append([], { outcomes: [lower] })
      await store.append([], { outcomes: [upper] })
      expect(await store.findOutcome('cmd-a')).toEqual(lower)
      expect(await store.findOutcome('CMD-A')).toEqual(upper)
      expect(await store.findOutcome('cmd-A')).toBeUndefined()
    })

    it('undefined members of an outcome are omitted when it is read back', async () => {
      const store = await stores.open()
      const outcome = newTestOutcome({
        commandId: 'cmd-sparse',
        result: {
          ok: false,
          rejection: { code: 'over_allocation', message: 'Too much.', limit: undefined },
        },
      })
      await store.append([], { outcomes: [outcome] })
      const found = await store.findOutcome('cmd-sparse')
      expect(found?.result.ok).toBe(false)
      if (found?.result.ok === false) {
        expect(Object.keys(found.result.rejection).sort()).toEqual(['code', 'message'])
      }
    })

    it('outcomes do not show up as events', async () => {
      const store = await stores.open()
      await store.append([], { outcomes: [rejectedOutcome('cmd-r')] })
      await store.append([{ stream: 'stream-a', expectedVersion: 'any', events: [newTestEvent()] }])
      expect((await readEvents(store.readAll())).map((e) => e.stream)).toEqual(['stream-a'])
    })
  })
}
