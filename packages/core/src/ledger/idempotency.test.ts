import {
  awardContractCommand,
  buyerOf,
  contractFixture,
  coordinator,
  FRAMEWORK,
  openedLedger,
  SIRETS,
} from '@plafond/testing'
import { describe, expect, it } from 'vitest'
import type { CommandInput } from '../commands/command.js'

const F = FRAMEWORK.frameworkId
const B = SIRETS.beneficiaryB

const allocate = (overrides: Record<string, unknown> = {}): CommandInput => ({
  type: 'Allocate',
  commandId: 'allocate-1',
  frameworkId: F,
  beneficiaryId: B,
  amount: '100',
  on: '2025-02-01',
  ...overrides,
})

const asCoordinator = { actor: coordinator() }

describe('idempotency: commandId is the key', () => {
  it('returns the first events again for the same id and content, writing nothing', async () => {
    const ledger = await openedLedger()
    const first = await ledger.execute(allocate(), asCoordinator)
    expect(first).toMatchObject({ ok: true, replayed: false })
    const head = await ledger.head()
    const again = await ledger.execute(allocate(), asCoordinator)
    expect(again).toEqual({ ...first, replayed: true })
    expect(await ledger.head()).toEqual(head)
  })

  it('counts "100" and "100.00" as the same content', async () => {
    const ledger = await openedLedger()
    const first = await ledger.execute(allocate({ amount: '100' }), asCoordinator)
    const head = await ledger.head()
    const again = await ledger.execute(allocate({ amount: '100.00' }), asCoordinator)
    const third = await ledger.execute(allocate({ amount: '100.0' }), asCoordinator)
    expect(again).toEqual({ ...first, replayed: true })
    expect(third).toEqual({ ...first, replayed: true })
    expect(await ledger.head()).toEqual(head)
  })

  it('keeps a rejection a rejection, even once the state would allow the command', async () => {
    const ledger = await openedLedger()
    // B has 600 000 allocated: 700 000 is refused.
    const award = awardContractCommand(contractFixture({ amount: '700000' }))
    const first = await ledger.execute(award, { actor: buyerOf(B) })
    expect(first.ok ? 'ok' : first.rejection.code).toBe('allocation_exceeded')
    const grant = await ledger.execute(allocate({ amount: '200000' }), asCoordinator)
    expect(grant.ok).toBe(true)
    const head = await ledger.head()
    const again = await ledger.execute(award, { actor: buyerOf(B) })
    expect(again).toEqual({ ...first, replayed: true })
    expect(await ledger.head()).toEqual(head)
    // Under a new id, the same award now passes.
    const fresh = await ledger.execute({ ...award, commandId: 'award-2' }, { actor: buyerOf(B) })
    expect(fresh.ok).toBe(true)
  })

  it('returns the first events even after the state moved on', async () => {
    const ledger = await openedLedger()
    const first = await ledger.execute(allocate({ amount: '1000000' }), asCoordinator)
    expect(first.ok).toBe(true)
    // The maximum is now fully allocated: deciding again would refuse, replaying does not.
    const again = await ledger.execute(allocate({ amount: '1000000' }), asCoordinator)
    expect(again).toEqual({ ...first, replayed: true })
  })

  it('refuses the same id with other content, naming the first differing field', async () => {
    const ledger = await openedLedger()
    await ledger.execute(allocate(), asCoordinator)
    const head = await ledger.head()
    const cases: readonly [Record<string, unknown>, string][] = [
      [{ amount: '101' }, 'amount'],
      [{ on: '2025-02-02' }, 'on'],
      [{ on: undefined }, 'on'],
      [{ beneficiaryId: SIRETS.beneficiaryC, amount: '5' }, 'amount'],
      [{ beneficiaryId: SIRETS.beneficiaryC }, 'beneficiaryId'],
    ]
    for (const [change, field] of cases) {
      const result = await ledger.execute(allocate(change), asCoordinator)
      expect(result.ok ? 'ok' : result.rejection.code, field).toBe('idempotency_conflict')
      if (result.ok) continue
      expect(result.rejection).toMatchObject({ commandId: 'allocate-1', field })
      expect(result.replayed).toBe(false)
    }
    const otherType = await ledger.execute(
      {
        type: 'ReleaseAllocation',
        commandId: 'allocate-1',
        frameworkId: F,
        beneficiaryId: B,
        amount: '100',
        on: '2025-02-01',
      },
      asCoordinator,
    )
    expect(otherType).toMatchObject({
      ok: false,
      rejection: { code: 'idempotency_conflict', field: 'type' },
    })
    expect(await ledger.head()).toEqual(head)
  })

  it('refuses other content under the id of a rejected command too', async () => {
    const ledger = await openedLedger()
    const refused = await ledger.execute(allocate({ amount: '1000000.01' }), asCoordinator)
    expect(refused.ok ? 'ok' : refused.rejection.code).toBe('over_allocation')
    const result = await ledger.execute(allocate({ amount: '1' }), asCoordinator)
    expect(result).toMatchObject({
      ok: false,
      rejection: { code: 'idempotency_conflict', field: 'amount' },
    })
  })

  describe('inside one executeBatch', () => {
    it('replays a repeated id with the same content, and writes its events once', async () => {
      const ledger = await openedLedger()
      const head = await ledger.head()
      const results = await ledger.executeBatch(
        [allocate({ amount: '100' }), allocate({ amount: '100.00' })],
        asCoordinator,
      )
      expect(results[0]).toMatchObject({ ok: true, replayed: false })
      expect(results[1]).toEqual({ ...results[0], replayed: true })
      const written = []
      for await (const event of ledger.readAll({
        fromPosition: String(Number(head!.position) + 1),
      })) {
        written.push(event)
      }
      expect(written.map((e) => e.type)).toEqual(['AllocationGranted'])
    })

    it('refuses a repeated id with other content', async () => {
      const ledger = await openedLedger()
      const results = await ledger.executeBatch(
        [allocate({ amount: '100' }), allocate({ amount: '200' })],
        asCoordinator,
      )
      expect(results[0]!.ok).toBe(true)
      expect(results[1]).toMatchObject({
        ok: false,
        rejection: { code: 'idempotency_conflict', field: 'amount' },
      })
    })

    it('replays ids decided by earlier calls, and refuses them with other content', async () => {
      const ledger = await openedLedger()
      const first = await ledger.execute(allocate(), asCoordinator)
      const head = await ledger.head()
      const results = await ledger.executeBatch(
        [
          allocate(),
          allocate({ amount: '999' }),
          allocate({ commandId: 'allocate-2', amount: '5' }),
        ],
        asCoordinator,
      )
      expect(results[0]).toEqual({ ...first, replayed: true })
      expect(results[1]).toMatchObject({
        ok: false,
        rejection: { code: 'idempotency_conflict', field: 'amount' },
      })
      expect(results[2]).toMatchObject({ ok: true, replayed: false })
      expect(results[2]!.ok && results[2]!.events.map((e) => e.data)).toEqual([
        { frameworkId: F, beneficiaryId: B, amount: '5.00', allocatedOn: '2025-02-01' },
      ])
      const written = []
      for await (const event of ledger.readAll({
        fromPosition: String(Number(head!.position) + 1),
      })) {
        written.push(event)
      }
      expect(written).toHaveLength(1)
    })
  })
})
