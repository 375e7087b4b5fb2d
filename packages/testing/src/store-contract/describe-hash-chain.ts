import { GENESIS_HASH, hashEvent, verifyLog, type EventStore } from '@plafond/core'
import { describe, expect, it } from 'vitest'
import { expectLedgerError, readEvents } from './contract-assertions.js'
import type { ContractStores } from './contract-stores.js'
import { newTestEvent, newTestEvents } from './new-test-event.js'
import { newTestOutcome } from './new-test-outcome.js'

/** A few appends of valid domain events over several streams, some multi-stream. */
async function someHistory(store: EventStore): Promise<void> {
  await store.append([
    { stream: 'framework-f', expectedVersion: 'no_stream', events: newTestEvents(2) },
  ])
  await store.append([
    { stream: 'contract-c', expectedVersion: 'no_stream', events: newTestEvents(2) },
    { stream: 'framework-f', expectedVersion: 2, events: [newTestEvent()] },
  ])
  await store.append([{ stream: 'contract-c', expectedVersion: 2, events: newTestEvents(3) }])
}

/** `head()` and the hash chain the store computes: genesis, links, hashes, `verifyLog`. */
export function describeHashChain(stores: ContractStores): void {
  describe('head and hash chain', () => {
    it('head() is undefined on an empty log', async () => {
      const store = await stores.open()
      expect(await store.head()).toBeUndefined()
    })

    it("head() is the last event's position and hash after each append", async () => {
      const store = await stores.open()
      for (let i = 1; i <= 3; i++) {
        const { events } = await store.append([
          { stream: `stream-${i % 2}`, expectedVersion: 'any', events: newTestEvents(i) },
        ])
        const last = events.at(-1)!
        expect(await store.head()).toEqual({ position: last.position, hash: last.hash })
      }
    })

    it('head() does not move for an append of outcomes only, nor for a refused append', async () => {
      const store = await stores.open()
      await store.append([{ stream: 'stream-a', expectedVersion: 0, events: newTestEvents(2) }])
      const head = await store.head()
      await store.append([], { outcomes: [newTestOutcome()] })
      expect(await store.head()).toEqual(head)
      await expectLedgerError(
        () => store.append([{ stream: 'stream-a', expectedVersion: 0, events: [newTestEvent()] }]),
        'CONCURRENCY_CONFLICT',
      )
      expect(await store.head()).toEqual(head)
    })

    it("the first event's prevHash is GENESIS_HASH", async () => {
      const store = await stores.open()
      const { events } = await store.append([
        { stream: 'stream-a', expectedVersion: 'any', events: newTestEvents(2) },
      ])
      expect(events[0]!.prevHash).toBe(GENESIS_HASH)
      expect((await readEvents(store.readAll()))[0]!.prevHash).toBe(GENESIS_HASH)
    })

    it("each event's prevHash is the previous event's hash, across streams and appends", async () => {
      const store = await stores.open()
      await someHistory(store)
      const log = await readEvents(store.readAll())
      expect(log.length).toBe(8)
      for (let i = 1; i < log.length; i++) expect(log[i]!.prevHash).toBe(log[i - 1]!.hash)
    })

    it('every event hashes to its hash, as append returns it and as readAll and readStream read it', async () => {
      const store = await stores.open()
      await someHistory(store)
      const { events } = await store.append([
        { stream: 'framework-f', expectedVersion: 3, events: newTestEvents(3) },
      ])
      const read = [
        ...events,
        ...(await readEvents(store.readAll())),
        ...(await readEvents(store.readStream('framework-f'))),
      ]
      for (const event of read) {
        expect(event.hash).toMatch(/^[0-9a-f]{64}$/)
        expect(hashEvent(event)).toBe(event.hash)
      }
    })

    it('verifyLog passes on a log the store wrote, and names the head', async () => {
      const store = await stores.open()
      await someHistory(store)
      const result = await verifyLog(store)
      expect(result).toEqual({ ok: true, events: 8, head: await store.head() })
    })

    it('verifyLog passes on an empty log', async () => {
      const store = await stores.open()
      expect(await verifyLog(store)).toEqual({ ok: true, events: 0, head: undefined })
    })
  })
}
