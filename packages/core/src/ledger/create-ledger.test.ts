import {
  awardContractCommand,
  buyerOf,
  contractFixture,
  coordinator,
  executeAll,
  FIXED_INSTANT,
  fixedClock,
  FRAMEWORK,
  openedFrameworkCommands,
  openedLedger,
  SIRETS,
} from '@plafond/testing'
import { describe, expect, it } from 'vitest'
import type { CommandInput } from '../commands/command.js'
import type { LedgerEvent } from '../events/event-codec.js'
import { createInMemoryStore } from '../store/in-memory-store.js'
import type { EventStore } from '../store/event-store.js'
import { createLedger, type Ledger } from './create-ledger.js'
import { isLedgerError, LedgerError } from './ledger-error.js'

const F = FRAMEWORK.frameworkId
const B = SIRETS.beneficiaryB
const C = SIRETS.beneficiaryC
const D = SIRETS.beneficiaryD

/** The store, counting its appends. */
function counting(store: EventStore): { store: EventStore; appends: () => number } {
  let appends = 0
  return {
    store: {
      ...store,
      append: (writes, options) => {
        appends += 1
        return store.append(writes, options)
      },
    },
    appends: () => appends,
  }
}

/** A store that counts appends refused for a version conflict, and stream reads. */
function watched(store: EventStore): {
  store: EventStore
  conflicts: () => number
  tailReads: () => number
} {
  let conflicts = 0
  let tailReads = 0
  return {
    store: {
      ...store,
      append: async (writes, options) => {
        try {
          return await store.append(writes, options)
        } catch (error) {
          if (isLedgerError(error, 'CONCURRENCY_CONFLICT')) conflicts += 1
          throw error
        }
      },
      readStream: (stream, options) => {
        tailReads += 1
        return store.readStream(stream, options)
      },
    },
    conflicts: () => conflicts,
    tailReads: () => tailReads,
  }
}

async function eventsAfter(ledger: Ledger, position: string | undefined): Promise<LedgerEvent[]> {
  const events: LedgerEvent[] = []
  const from = position === undefined ? '1' : String(BigInt(position) + 1n)
  for await (const event of ledger.readAll({ fromPosition: from })) events.push(event)
  return events
}

const allocate = (commandId: string, beneficiaryId: string, amount: string): CommandInput => ({
  type: 'Allocate',
  commandId,
  frameworkId: F,
  beneficiaryId,
  amount,
  on: '2025-02-01',
})

describe('createLedger', () => {
  describe('executeBatch', () => {
    it('returns one result per command, in order, each seeing the effects of the earlier ones', async () => {
      const ledger = await openedLedger()
      const results = await ledger.executeBatch(
        [
          {
            type: 'AddBeneficiary',
            commandId: 'add-d',
            frameworkId: F,
            beneficiaryId: D,
            name: 'Beneficiary D (synthetic)',
            on: '2025-02-01',
          },
          allocate('allocate-d', D, '1000000'),
          allocate('allocate-b', B, '0.01'),
          {
            type: 'TransferAllocation',
            commandId: 'transfer',
            frameworkId: F,
            fromBeneficiaryId: D,
            toBeneficiaryId: B,
            amount: '1000000',
            on: '2025-02-02',
          },
          {
            type: 'TransferAllocation',
            commandId: 'transfer-again',
            frameworkId: F,
            fromBeneficiaryId: D,
            toBeneficiaryId: B,
            amount: '0.01',
            on: '2025-02-02',
          },
        ],
        { actor: coordinator() },
      )
      expect(
        results.map((r) => (r.ok ? r.events.map((e) => e.type).join() : r.rejection.code)),
      ).toEqual([
        'BeneficiaryAdded',
        'AllocationGranted',
        'over_allocation',
        'AllocationTransferred',
        'allocation_in_use',
      ])
      expect(results[2]).toMatchObject({
        ok: false,
        rejection: { allocated: '2000000.00', limit: '0.00' },
      })
      expect(results[4]).toMatchObject({
        ok: false,
        rejection: { beneficiaryId: D, limit: '0.00' },
      })
    })

    it('appends everything in one call, in order, and records every outcome', async () => {
      const counted = counting(createInMemoryStore())
      const ledger = await openedLedger({ store: counted.store })
      const head = await ledger.head()
      const before = counted.appends()
      const results = await ledger.executeBatch(
        [allocate('a-1', B, '1'), allocate('a-2', B, '9999999'), allocate('a-3', C, '3')],
        { actor: coordinator() },
      )
      expect(counted.appends() - before).toBe(1)
      const written = await eventsAfter(ledger, head?.position)
      expect(written.map((e) => e.meta.commandId)).toEqual(['a-1', 'a-3'])
      expect(results[0]!.ok && results[0]!.events).toEqual([written[0]])
      expect(results[2]!.ok && results[2]!.events).toEqual([written[1]])
      expect(await ledger.store.findOutcome('a-2')).toMatchObject({
        result: { ok: false, rejection: { code: 'over_allocation' } },
      })
    })

    it('writes nothing for an empty batch', async () => {
      const counted = counting(createInMemoryStore())
      const ledger = createLedger({ store: counted.store, clock: fixedClock() })
      expect(await ledger.executeBatch([], { actor: coordinator() })).toEqual([])
      expect(counted.appends()).toBe(0)
    })

    it('builds the same log as executing one by one', async () => {
      const commands = [
        ...openedFrameworkCommands(),
        awardContractCommand(contractFixture({ contractId: 'MS-1' })),
      ]
      const oneByOne = createLedger({ clock: fixedClock(), newId: sequence() })
      await executeAll(oneByOne, commands.slice(0, -1), coordinator())
      await executeAll(oneByOne, commands.slice(-1), buyerOf(B))
      const batched = createLedger({ clock: fixedClock(), newId: sequence() })
      await batched.executeBatch(commands.slice(0, -1), { actor: coordinator() })
      await batched.executeBatch(commands.slice(-1), { actor: buyerOf(B) })
      expect(await batched.head()).toEqual(await oneByOne.head())
    })

    it('lays the log out in decision order when a batch comes back to a stream', async () => {
      const certify = (contractId: string): CommandInput => ({
        type: 'CertifyService',
        commandId: `certify:${contractId}`,
        contractId,
        serviceId: 'S01',
        amount: '1000.00',
        certifiedOn: '2025-03-10',
        periodStart: '2025-03-01',
        periodEnd: '2025-03-09',
      })
      // Award, certify, award, certify: the contract streams and the framework stream alternate.
      const calls = [
        awardContractCommand(contractFixture({ contractId: 'MS-1' })),
        certify('MS-1'),
        awardContractCommand(contractFixture({ contractId: 'MS-2' })),
        certify('MS-2'),
      ]
      const oneByOne = createLedger({ clock: fixedClock(), newId: sequence() })
      await executeAll(oneByOne, openedFrameworkCommands(), coordinator())
      await executeAll(oneByOne, calls, buyerOf(B))
      const batched = createLedger({ clock: fixedClock(), newId: sequence() })
      await batched.executeBatch(openedFrameworkCommands(), { actor: coordinator() })
      const results = await batched.executeBatch(calls, { actor: buyerOf(B) })
      expect(results.every((r) => r.ok)).toBe(true)
      const log = await eventsAfter(batched, undefined)
      expect(log.map((e) => [e.stream, e.type, e.version])).toEqual(
        (await eventsAfter(oneByOne, undefined)).map((e) => [e.stream, e.type, e.version]),
      )
      // A commitment is in the log before the deliveries certified against it.
      const position = (type: string, contractId: string) =>
        log.findIndex(
          (e) => e.type === type && (e.data as { contractId?: string }).contractId === contractId,
        )
      for (const contractId of ['MS-1', 'MS-2']) {
        expect(position('CommitmentAwarded', contractId)).toBeGreaterThan(-1)
        expect(position('CommitmentAwarded', contractId)).toBeLessThan(
          position('ServiceCertified', contractId),
        )
      }
      expect(await batched.head()).toEqual(await oneByOne.head())
      expect((await batched.verify()).ok).toBe(true)
    })

    it('takes one actor per command, in one append, and checks each against its own role', async () => {
      const counted = counting(createInMemoryStore())
      const ledger = createLedger({ store: counted.store, clock: fixedClock() })
      const commands = [
        ...openedFrameworkCommands(),
        awardContractCommand(contractFixture({ contractId: 'MS-1' })),
        awardContractCommand(contractFixture({ contractId: 'MS-2' })),
      ]
      const actors = [...openedFrameworkCommands().map(() => coordinator()), buyerOf(B), buyerOf(C)]
      const results = await ledger.executeBatch(commands, { actors })
      expect(counted.appends()).toBe(1)
      expect(results.slice(0, -1).every((r) => r.ok)).toBe(true)
      expect(results.at(-1)).toMatchObject({ ok: false, rejection: { code: 'forbidden' } })
    })

    it('leaves no decision of a failed batch in its states: later commands decide on the store', async () => {
      const shared = createInMemoryStore()
      let failNext = false
      const flaky: EventStore = {
        ...shared,
        append: async (writes, options) => {
          if (failNext) {
            failNext = false
            throw new LedgerError('STORE_UNAVAILABLE', 'The disk is gone.')
          }
          return shared.append(writes, options)
        },
      }
      const ledger = await openedLedger({ store: flaky })
      // Read B's framework and a contract first, so that their states are cached.
      const first = await ledger.execute(
        awardContractCommand(contractFixture({ contractId: 'MS-0', amount: '1' })),
        { actor: buyerOf(B) },
      )
      expect(first.ok).toBe(true)
      failNext = true
      await expect(
        ledger.executeBatch(
          [awardContractCommand(contractFixture({ contractId: 'MS-1', amount: '500000' }))],
          { actor: buyerOf(B) },
        ),
      ).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE' })
      // Had the batch's award stayed in the cached framework, B would have 99 999 left.
      const after = await ledger.execute(
        awardContractCommand(contractFixture({ contractId: 'MS-2', amount: '599999' })),
        { actor: buyerOf(B) },
      )
      expect(after.ok).toBe(true)
      expect((await ledger.verify()).ok).toBe(true)
    })

    it('refuses a batch whose actors do not match its commands one to one', async () => {
      const ledger = createLedger({ clock: fixedClock() })
      await expect(
        ledger.executeBatch([allocate('a-1', B, '1')], { actors: [coordinator(), coordinator()] }),
      ).rejects.toMatchObject({ name: 'LedgerError', code: 'INVALID_ARGUMENT' })
    })
  })

  describe('retries on concurrent writers', () => {
    it('re-decides on fresh state when another process wrote first', async () => {
      const shared = createInMemoryStore()
      const counted = counting(shared)
      const first = await openedLedger({ store: counted.store })
      const second = createLedger({ store: shared, clock: fixedClock(), retryDelay: () => 0 })
      // The second process commits 100 000 for B; the first still has B at 0 committed in cache.
      await executeAll(
        second,
        [awardContractCommand(contractFixture({ contractId: 'MS-1' }))],
        buyerOf(B),
      )
      const appendsBefore = counted.appends()
      const head = await shared.head()

      // On its stale state B has 600 000 left and 500 000.01 would pass; on fresh state it has 500 000.
      const refused = await first.execute(
        awardContractCommand(contractFixture({ contractId: 'MS-2', amount: '500000.01' })),
        { actor: buyerOf(B) },
      )
      expect(refused).toMatchObject({
        ok: false,
        replayed: false,
        rejection: { code: 'allocation_exceeded', committed: '100000.00', limit: '500000.00' },
      })
      expect(counted.appends() - appendsBefore).toBe(2)
      expect(await shared.head()).toEqual(head)

      const accepted = await first.execute(
        awardContractCommand(contractFixture({ contractId: 'MS-3', amount: '500000' })),
        { actor: buyerOf(B) },
      )
      expect(accepted.ok).toBe(true)
      if (!accepted.ok) return
      // Decided on fresh state: B reaches 100 % of its allocation with this award.
      expect(
        accepted.events.map((e) =>
          e.type === 'ThresholdCrossed' ? `${e.data.scope}:${e.data.percent}` : e.type,
        ),
      ).toEqual([
        'ContractAwarded',
        'CommitmentAwarded',
        'estimate:50',
        'allocation:90',
        'allocation:100',
      ])
      const frameworkEvents = accepted.events.filter((e) => e.stream === `framework-${F}`)
      expect(frameworkEvents.map((e) => e.version)).toEqual([9, 10, 11, 12])
      expect((await first.verify()).ok).toBe(true)
    })

    it('reads the tails first once its cache is usually behind; a lone writer, even resending commands, never does', async () => {
      const together = watched(createInMemoryStore())
      const first = await openedLedger({ store: together.store, retryDelay: () => 0 })
      const second = createLedger({
        store: together.store,
        clock: fixedClock(),
        retryDelay: () => 0,
      })
      const actor = { actor: coordinator() }
      // Two processes take turns on the framework stream: each finds it moved by the other.
      for (let round = 0; round < 30; round++) {
        expect((await first.execute(allocate(`p-${round}`, B, '1'), actor)).ok).toBe(true)
        expect((await second.execute(allocate(`q-${round}`, B, '1'), actor)).ok).toBe(true)
      }
      // Deciding on the cache first would have every one of the 59 later commands refused once.
      expect(together.conflicts()).toBeGreaterThan(0)
      expect(together.conflicts()).toBeLessThanOrEqual(8)
      expect((await first.verify()).ok).toBe(true)

      const alone = watched(createInMemoryStore())
      const lone = await openedLedger({ store: alone.store, retryDelay: () => 0 })
      await lone.execute(allocate('r-0', B, '1'), actor)
      // A client resending a command: its append is refused, but the cache was not behind.
      for (let n = 0; n < 10; n++) {
        expect(await lone.execute(allocate('r-0', B, '1'), actor)).toMatchObject({ replayed: true })
      }
      const tailReads = alone.tailReads()
      for (let n = 1; n <= 20; n++) {
        expect((await lone.execute(allocate(`r-${n}`, B, '1'), actor)).ok).toBe(true)
      }
      expect(alone.tailReads()).toBe(tailReads)
      expect(alone.conflicts()).toBe(10)
    })

    it('backs off before re-deciding on moved streams, but not before looking up a resent command id', async () => {
      const shared = createInMemoryStore()
      const delays: number[] = []
      const retryDelay = (attempt: number): number => {
        delays.push(attempt)
        return 0
      }
      const first = await openedLedger({ store: shared, retryDelay })
      const actor = { actor: coordinator() }
      await first.execute(allocate('s-0', B, '1'), actor)
      // Resent: the append is refused because s-0 has an outcome; the retry finds it at once.
      expect(await first.execute(allocate('s-0', B, '1'), actor)).toMatchObject({
        ok: true,
        replayed: true,
      })
      expect(await first.executeBatch([allocate('s-0', B, '1')], actor)).toMatchObject([
        { ok: true, replayed: true },
      ])
      expect(delays).toEqual([])
      // Another process moves the framework stream: the retry waits as told.
      const second = createLedger({ store: shared, clock: fixedClock() })
      await second.execute(allocate('s-1', C, '1'), actor)
      expect((await first.execute(allocate('s-2', B, '1'), actor)).ok).toBe(true)
      expect(delays).toEqual([2])
    })

    it('throws CONCURRENCY_CONFLICT after maxAttempts when every append conflicts', async () => {
      const shared = createInMemoryStore()
      await openedLedger({ store: shared })
      const head = await shared.head()
      let appends = 0
      const conflicting: EventStore = {
        ...shared,
        append: async () => {
          appends += 1
          throw new LedgerError('CONCURRENCY_CONFLICT', 'Another writer got there first.')
        },
      }
      const ledger = createLedger({
        store: conflicting,
        clock: fixedClock(),
        maxAttempts: 4,
        retryDelay: () => 0,
      })
      const error = await ledger
        .execute(allocate('a-1', B, '1'), { actor: coordinator() })
        .catch((e: unknown) => e)
      expect(isLedgerError(error, 'CONCURRENCY_CONFLICT')).toBe(true)
      expect(error).toBeInstanceOf(LedgerError)
      expect((error as LedgerError).details).toMatchObject({ attempts: 4 })
      expect((error as LedgerError).cause).toBeInstanceOf(LedgerError)
      expect((error as LedgerError).message).toMatch(/after 4 attempts.*same commandId/)
      expect(appends).toBe(4)

      appends = 0
      await expect(
        ledger.executeBatch([allocate('a-2', B, '1')], { actor: coordinator() }),
      ).rejects.toMatchObject({
        code: 'CONCURRENCY_CONFLICT',
      })
      expect(appends).toBe(4)
      expect(await shared.head()).toEqual(head)
    })

    it('does not retry other store failures', async () => {
      const shared = createInMemoryStore()
      await openedLedger({ store: shared })
      let appends = 0
      const broken: EventStore = {
        ...shared,
        append: async () => {
          appends += 1
          throw new LedgerError('STORE_UNAVAILABLE', 'The disk is gone.')
        },
      }
      const ledger = createLedger({ store: broken, clock: fixedClock(), retryDelay: () => 0 })
      await expect(
        ledger.execute(allocate('a-1', B, '1'), { actor: coordinator() }),
      ).rejects.toMatchObject({
        code: 'STORE_UNAVAILABLE',
      })
      expect(appends).toBe(1)
    })
  })

  describe('event metadata', () => {
    it('stamps recordedAt from the clock and effectiveOn from the business date', async () => {
      const ledger = await openedLedger()
      const result = await ledger.execute(
        awardContractCommand(contractFixture({ awardedOn: '2025-03-03' })),
        { actor: buyerOf(B), correlationId: 'corr-1', causationId: 'cause-1' },
      )
      expect(result.ok).toBe(true)
      if (!result.ok) return
      for (const event of result.events) {
        expect(event.meta).toEqual({
          commandId: 'award:MS-1',
          actorId: buyerOf(B).id,
          correlationId: 'corr-1',
          causationId: 'cause-1',
          recordedAt: FIXED_INSTANT,
          effectiveOn: '2025-03-03',
        })
      }
      const all = await eventsAfter(ledger, undefined)
      expect(all[0]!.meta).toEqual({
        commandId: `${F}:open`,
        actorId: 'coordinator',
        recordedAt: FIXED_INSTANT,
        effectiveOn: '2025-01-01',
      })
    })

    it('dates commands without a date today in Paris, from the clock', async () => {
      // 22:30 UTC on 30 June is 00:30 on 1 July in Paris.
      const ledger = await openedLedger({ clock: fixedClock('2025-06-30T22:30:00.000Z') })
      const { on: _on, ...undated } = allocate('a-1', B, '1') as { on?: string }
      const result = await ledger.execute(undated as CommandInput, { actor: coordinator() })
      expect(result).toMatchObject({
        ok: true,
        events: [
          {
            data: { allocatedOn: '2025-07-01' },
            meta: { effectiveOn: '2025-07-01', recordedAt: '2025-06-30T22:30:00.000Z' },
          },
        ],
      })
    })

    it('stamps each command with the instant its clock gives, to the millisecond', async () => {
      const instants = [
        '2025-06-30T22:30:00.000Z',
        '2025-06-30T22:30:00.000Z',
        '2025-06-30T22:30:00.001Z',
        '2025-07-01T08:00:00.000Z',
      ]
      let now = instants[0]!
      const ledger = await openedLedger({ clock: () => new Date(now) })
      const stamped: string[] = []
      for (const [i, instant] of instants.entries()) {
        now = instant
        const result = await ledger.execute(allocate(`a-${i}`, B, '1'), { actor: coordinator() })
        if (!result.ok) throw new Error(result.rejection.message)
        stamped.push(result.events[0]!.meta.recordedAt)
      }
      expect(stamped).toEqual(instants)
    })

    it('refuses to stamp an invalid instant, and writes nothing', async () => {
      let valid = true
      const ledger = await openedLedger({
        clock: () => (valid ? new Date(FIXED_INSTANT) : new Date(Number.NaN)),
      })
      const before = await ledger.head()
      valid = false
      await expect(
        ledger.execute(allocate('a-x', B, '1'), { actor: coordinator() }),
      ).rejects.toThrow(RangeError)
      expect(await ledger.head()).toEqual(before)
    })

    it('gives every event a unique, increasing id even when the clock stands still', async () => {
      const ledger = await openedLedger()
      await executeAll(
        ledger,
        [
          awardContractCommand(contractFixture({ contractId: 'MS-1' })),
          awardContractCommand(contractFixture({ contractId: 'MS-2', amount: '1' })),
        ],
        buyerOf(B),
      )
      await ledger.executeBatch([allocate('a-1', B, '1'), allocate('a-2', C, '1')], {
        actor: coordinator(),
      })
      const events = await eventsAfter(ledger, undefined)
      expect(events).toHaveLength(13)
      const ids = events.map((e) => e.id)
      expect(new Set(ids).size).toBe(ids.length)
      expect([...ids].sort()).toEqual(ids)
      for (const id of ids) expect(id).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/)
      expect(events.map((e) => e.position)).toEqual(events.map((_e, i) => String(i + 1)))
    })

    it('uses the id factory it is given', async () => {
      const ledger = await openedLedger({ newId: sequence() })
      const events = await eventsAfter(ledger, undefined)
      expect(events.map((e) => e.id)).toEqual(events.map((_e, i) => `event-${i + 1}`))
    })

    it('numbers versions 1..n within each stream', async () => {
      const ledger = await openedLedger()
      await executeAll(ledger, [awardContractCommand(contractFixture())], buyerOf(B))
      const byStream = new Map<string, number[]>()
      for (const event of await eventsAfter(ledger, undefined)) {
        byStream.set(event.stream, [...(byStream.get(event.stream) ?? []), event.version])
      }
      expect(Object.fromEntries(byStream)).toEqual({
        [`framework-${F}`]: [1, 2, 3, 4, 5, 6, 7, 8],
        'contract-MS-1': [1],
      })
    })
  })
})

function sequence(): () => string {
  let n = 0
  return () => `event-${++n}`
}
