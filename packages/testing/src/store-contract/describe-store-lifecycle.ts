import type { EventStore } from '@plafond/core'
import { describe, expect, it } from 'vitest'
import { expectLedgerError, readEvents } from './contract-assertions.js'
import type { ContractStores } from './contract-stores.js'
import { newTestEvent } from './new-test-event.js'
import { newTestOutcome } from './new-test-outcome.js'

const CALLS: readonly (readonly [string, (store: EventStore) => Promise<unknown>])[] = [
  [
    'append',
    (store) =>
      store.append([{ stream: 'stream-a', expectedVersion: 'any', events: [newTestEvent()] }]),
  ],
  ['append of outcomes only', (store) => store.append([], { outcomes: [newTestOutcome()] })],
  ['readStream', (store) => readEvents(store.readStream('stream-a'))],
  ['readAll', (store) => readEvents(store.readAll())],
  ['head', (store) => store.head()],
  ['findOutcome', (store) => store.findOutcome('cmd-1')],
  ['loadCheckpoint', (store) => store.loadCheckpoint('p')],
  [
    'saveCheckpoint',
    (store) => store.saveCheckpoint({ name: 'p', version: 1, position: '1', parts: ['{}'] }),
  ],
]

/** `close()`: later calls throw `STORE_CLOSED`; closing twice is harmless. */
export function describeStoreLifecycle(stores: ContractStores): void {
  describe('close', () => {
    it.each(CALLS)('%s after close() throws LedgerError STORE_CLOSED', async (_, call) => {
      const store = await stores.open()
      await store.append([{ stream: 'stream-a', expectedVersion: 'any', events: [newTestEvent()] }])
      await store.close()
      await expectLedgerError(() => call(store), 'STORE_CLOSED')
    })

    it('close() twice is harmless', async () => {
      const store = await stores.open()
      await store.close()
      await expect(store.close()).resolves.toBeUndefined()
    })

    it('close() on a store that was never used is harmless', async () => {
      const store = await stores.open()
      await expect(store.close()).resolves.toBeUndefined()
      await expectLedgerError(() => store.head(), 'STORE_CLOSED')
    })
  })
}
