import { isLedgerError, verifyLog, type ProjectionCheckpoint } from '@plafond/core'
import { describe, expect, it } from 'vitest'
import { expectIntactLog, expectLedgerError, readEvents } from './contract-assertions.js'
import type { ContractStores } from './contract-stores.js'
import { newTestEvent, newTestEvents } from './new-test-event.js'
import { newTestOutcome } from './new-test-outcome.js'

/** What a durable store keeps across close and reopen: the log, the chain, outcomes, checkpoints. */
export function describeReopenContinuity(stores: ContractStores): void {
  const title = stores.canReopen
    ? 'continuity across reopen'
    : 'continuity across reopen (skipped: the factory has no reopen(), this store cannot outlive its instance)'
  describe(title, () => {
    const itReopen = it.skipIf(!stores.canReopen)

    itReopen(
      'append, reopen, append: versions, positions and the hash chain continue',
      async () => {
        let store = await stores.open()
        const before = await store.append([
          { stream: 'framework-f', expectedVersion: 'no_stream', events: newTestEvents(3) },
        ])
        const last = before.events.at(-1)!
        store = await stores.reopen(store)
        const after = await store.append([
          { stream: 'framework-f', expectedVersion: 3, events: newTestEvents(2) },
          { stream: 'contract-c', expectedVersion: 'no_stream', events: [newTestEvent()] },
        ])
        const first = after.events[0]!
        expect(first.version).toBe(4)
        expect(first.prevHash).toBe(last.hash)
        expect(BigInt(first.position)).toBeGreaterThan(BigInt(last.position))
        expect(await readEvents(store.readAll())).toEqual([...before.events, ...after.events])
        expect((await expectIntactLog(store)).count).toBe(6)
      },
    )

    itReopen('head() after reopen is the head before it', async () => {
      let store = await stores.open()
      await store.append([{ stream: 'stream-a', expectedVersion: 'any', events: newTestEvents(4) }])
      const head = await store.head()
      store = await stores.reopen(store)
      expect(await store.head()).toEqual(head)
    })

    itReopen('an empty store reopens empty', async () => {
      let store = await stores.open()
      store = await stores.reopen(store)
      expect(await store.head()).toBeUndefined()
      expect(await readEvents(store.readAll())).toEqual([])
    })

    itReopen('outcomes and checkpoints survive a reopen, unchanged', async () => {
      let store = await stores.open()
      const ok = newTestOutcome({
        commandId: 'cmd-ok',
        result: { ok: true, written: [{ stream: 'stream-a', fromVersion: 1, toVersion: 1 }] },
      })
      const refused = newTestOutcome({
        commandId: 'cmd-refused',
        result: {
          ok: false,
          rejection: { code: 'over_allocation', message: 'Trop.', limit: '1.00' },
        },
      })
      const checkpoint: ProjectionCheckpoint = {
        name: 'framework-overview',
        version: 3,
        position: '1',
        parts: ['{"committed":', '"0.00"}'],
      }
      await store.append([{ stream: 'stream-a', expectedVersion: 0, events: [newTestEvent()] }], {
        outcomes: [ok],
      })
      await store.append([], { outcomes: [refused] })
      await store.saveCheckpoint(checkpoint)
      store = await stores.reopen(store)
      expect(await store.findOutcome('cmd-ok')).toEqual(ok)
      expect(await store.findOutcome('cmd-refused')).toEqual(refused)
      expect(await store.loadCheckpoint('framework-overview')).toEqual(checkpoint)
      await expectLedgerError(
        () => store.append([], { outcomes: [newTestOutcome({ commandId: 'cmd-ok' })] }),
        'CONCURRENCY_CONFLICT',
      )
    })

    itReopen(
      'stream versions are durable: a stale expected version still conflicts after reopen',
      async () => {
        let store = await stores.open()
        await store.append([{ stream: 'stream-a', expectedVersion: 0, events: newTestEvents(2) }])
        store = await stores.reopen(store)
        await expectLedgerError(
          () =>
            store.append([
              { stream: 'stream-a', expectedVersion: 'no_stream', events: [newTestEvent()] },
            ]),
          'CONCURRENCY_CONFLICT',
        )
        await expectLedgerError(
          () =>
            store.append([{ stream: 'stream-a', expectedVersion: 1, events: [newTestEvent()] }]),
          'CONCURRENCY_CONFLICT',
        )
      },
    )

    itReopen('verifyLog passes after appends spread over several reopens', async () => {
      let store = await stores.open()
      for (let round = 0; round < 3; round++) {
        await store.append([
          { stream: 'framework-f', expectedVersion: 'any', events: newTestEvents(2) },
          { stream: `contract-${round}`, expectedVersion: 'no_stream', events: [newTestEvent()] },
        ])
        store = await stores.reopen(store)
      }
      const result = await verifyLog(store)
      expect(result).toEqual({ ok: true, events: 9, head: await store.head() })
    })

    itReopen(
      'an append in flight when close() is called is all or nothing after reopen',
      async () => {
        let store = await stores.open()
        await store.append([
          { stream: 'framework-f', expectedVersion: 0, events: [newTestEvent()] },
        ])
        const events = newTestEvents(50)
        const inFlight = store.append(
          [
            { stream: 'contract-c', expectedVersion: 'no_stream', events },
            { stream: 'framework-f', expectedVersion: 1, events: [newTestEvent()] },
          ],
          { outcomes: [newTestOutcome({ commandId: 'cmd-in-flight' })] },
        )
        const closing = store.close()
        const [result] = await Promise.allSettled([inFlight])
        await closing
        if (result.status === 'rejected') expect(isLedgerError(result.reason)).toBe(true)
        store = await stores.reopen(store)
        const contract = await readEvents(store.readStream('contract-c'))
        const framework = await readEvents(store.readStream('framework-f'))
        const outcome = await store.findOutcome('cmd-in-flight')
        if (result.status === 'fulfilled') {
          expect(contract.length).toBe(50)
          expect(framework.length).toBe(2)
          expect(outcome).toBeDefined()
        } else {
          // Refused: nothing of it may be there, not a single event nor the outcome.
          expect(contract.length).toBe(0)
          expect(framework.length).toBe(1)
          expect(outcome).toBeUndefined()
        }
        await expectIntactLog(store)
      },
    )
  })
}
