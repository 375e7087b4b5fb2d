import {
  createInMemoryStore,
  createLedger,
  type Actor,
  type CommandInput,
  type EventStore,
} from '@plafond/core'
import { describe, expect, it } from 'vitest'
import { buyerOf, COORDINATOR, LEDGER_UNIVERSE } from '../arbitraries/ledger-universe.js'
import { checkLedgerAgainstModel } from './check-ledger-against-model.js'
import { committedUnder, createLedgerModel, type LedgerModel } from './ledger-model.js'
import { predictOutcome } from './predict-outcome.js'

const [B0, B1] = [LEDGER_UNIVERSE.beneficiaries[0], LEDGER_UNIVERSE.beneficiaries[1]]
const HOLDER = LEDGER_UNIVERSE.holders[0]

const opening: readonly CommandInput[] = [
  {
    type: 'OpenFramework',
    commandId: 'open',
    frameworkId: 'AC-1',
    title: 'Agile',
    buyerId: LEDGER_UNIVERSE.buyerId,
    estimate: '500',
    maximum: '1000',
    startsOn: '2025-01-01',
    endsOn: '2028-12-31',
    maxHolders: 1,
  },
  {
    type: 'AddHolder',
    commandId: 'holder',
    frameworkId: 'AC-1',
    holderId: HOLDER,
    name: 'Holder',
    addedOn: '2025-01-01',
  },
  { type: 'AddBeneficiary', commandId: 'b0', frameworkId: 'AC-1', beneficiaryId: B0, name: 'B0' },
  { type: 'AddBeneficiary', commandId: 'b1', frameworkId: 'AC-1', beneficiaryId: B1, name: 'B1' },
  { type: 'Allocate', commandId: 'a0', frameworkId: 'AC-1', beneficiaryId: B0, amount: '600' },
  { type: 'Allocate', commandId: 'a1', frameworkId: 'AC-1', beneficiaryId: B1, amount: '400' },
]

function award(id: string, beneficiaryId: string, amount: string): CommandInput {
  return {
    type: 'AwardContract',
    commandId: id,
    frameworkId: 'AC-1',
    contractId: `C-${id}`,
    beneficiaryId,
    holderId: HOLDER,
    kind: 'subsequent-contract',
    amount,
    awardedOn: '2026-01-05',
    competition: 'mini-competition',
  }
}

function opened(): LedgerModel {
  const model = createLedgerModel()
  for (const command of opening) {
    expect(predictOutcome(model, command, COORDINATOR).outcome).toEqual({ ok: true })
  }
  return model
}

function outcome(model: LedgerModel, command: CommandInput, actor: Actor): string {
  const { outcome: o, replayed } = predictOutcome(model, command, actor)
  return `${o.ok ? 'ok' : o.code}${replayed ? ' (replayed)' : ''}`
}

describe('the reference model', () => {
  it('refuses an award past the allocation, to the cent, and accepts one at it', () => {
    const model = opened()
    expect(outcome(model, award('x', B0, '600.01'), buyerOf(B0))).toBe('allocation_exceeded')
    expect(outcome(model, award('y', B0, '600.00'), buyerOf(B0))).toBe('ok')
    expect(committedUnder(model, 'AC-1', B0)).toBe(60_000n)
  })

  it('refuses every call-off once the maximum was reached, even after closing gives money back', () => {
    const model = opened()
    expect(outcome(model, award('x', B0, '600'), buyerOf(B0))).toBe('ok')
    expect(outcome(model, award('y', B1, '400'), buyerOf(B1))).toBe('ok')
    const close: CommandInput = {
      type: 'CloseContract',
      commandId: 'close',
      contractId: 'C-x',
      closedOn: '2026-02-01',
    }
    expect(outcome(model, close, buyerOf(B0))).toBe('ok')
    expect(committedUnder(model, 'AC-1')).toBe(40_000n)
    expect(outcome(model, award('z', B0, '1'), buyerOf(B0))).toBe('framework_ceiling_exceeded')
  })

  it('returns the first outcome of a command id, whatever the amount format, and refuses other content', () => {
    const model = opened()
    expect(outcome(model, award('x', B0, '700'), buyerOf(B0))).toBe('allocation_exceeded')
    const transfer: CommandInput = {
      type: 'TransferAllocation',
      commandId: 'transfer',
      frameworkId: 'AC-1',
      fromBeneficiaryId: B1,
      toBeneficiaryId: B0,
      amount: '400',
    }
    expect(outcome(model, transfer, COORDINATOR)).toBe('ok')
    // The same refusal comes back under that id, even though an award of 700 € now fits.
    expect(outcome(model, award('fits', B0, '700'), buyerOf(B0))).toBe('ok')
    expect(outcome(model, award('x', B0, '700.00'), buyerOf(B0))).toBe(
      'allocation_exceeded (replayed)',
    )
    expect(outcome(model, award('x', B0, '700.01'), buyerOf(B0))).toBe('idempotency_conflict')
  })

  it('does not remember refused actors: the right actor is decided afresh under the same id', () => {
    const model = opened()
    expect(outcome(model, award('x', B0, '10'), buyerOf(B1))).toBe('forbidden')
    expect(outcome(model, award('x', B0, '10'), COORDINATOR)).toBe('forbidden')
    expect(outcome(model, award('x', B0, '10'), buyerOf(B0))).toBe('ok')
  })

  it('gives back the uncertified remainder on closing, and allows payments up to the certified sum', () => {
    const model = opened()
    expect(outcome(model, award('x', B0, '300'), buyerOf(B0))).toBe('ok')
    const certify: CommandInput = {
      type: 'CertifyService',
      commandId: 'certify',
      contractId: 'C-x',
      serviceId: 'S-1',
      amount: '120',
      certifiedOn: '2026-01-20',
    }
    expect(outcome(model, certify, buyerOf(B0))).toBe('ok')
    const close: CommandInput = {
      type: 'CloseContract',
      commandId: 'close',
      contractId: 'C-x',
      closedOn: '2026-02-01',
    }
    expect(outcome(model, close, buyerOf(B0))).toBe('ok')
    expect(committedUnder(model, 'AC-1', B0)).toBe(12_000n)
    const pay = (id: string, amount: string): CommandInput => ({
      type: 'RecordPayment',
      commandId: id,
      contractId: 'C-x',
      paymentId: id,
      amount,
      paidOn: '2026-02-10',
    })
    const accountant: Actor = { id: 'acc', roles: [{ role: 'accountant', beneficiaryId: B0 }] }
    expect(outcome(model, pay('p1', '120.01'), accountant)).toBe('payment_exceeds_service')
    expect(outcome(model, pay('p2', '120'), accountant)).toBe('ok')
  })
})

/** A store that hides payments from `readAll`: the log no longer tells what the ledger did. */
function storeHidingPayments(): EventStore {
  const store = createInMemoryStore()
  return {
    ...store,
    async *readAll(options) {
      for await (const event of store.readAll(options)) {
        if (event.type !== 'PaymentRecorded') yield event
      }
    },
  }
}

describe('checkLedgerAgainstModel', () => {
  it('finds the in-memory ledger in agreement with the model, with successes and refusals of every kind', async () => {
    const report = await checkLedgerAgainstModel({ createStore: () => createInMemoryStore() })
    const codes = new Map<string, number>()
    for (const [key, count] of Object.entries(report.outcomes)) {
      const code = key.split(' ')[1]!
      codes.set(code, (codes.get(code) ?? 0) + count)
    }
    const accepted = codes.get('ok') ?? 0
    expect(accepted).toBeGreaterThan(report.commands / 5)
    expect(report.commands - accepted).toBeGreaterThan(report.commands / 5)
    // Codes every default run meets (measured: each came up at least 3 times in each of 30 runs).
    expect([...codes.keys()]).toEqual(
      expect.arrayContaining([
        'allocation_exceeded',
        'over_allocation',
        'allocation_in_use',
        'payment_exceeds_service',
        'framework_not_open',
        'contract_closed',
        'forbidden',
        'idempotency_conflict',
        'invalid_command',
        'unknown_contract',
      ]),
    )
    expect(codes.size).toBeGreaterThan(15)
  })

  it('fails, with a seed, when the log does not tell what the ledger did', async () => {
    const error: unknown = await checkLedgerAgainstModel({
      createStore: storeHidingPayments,
      numRuns: 50,
      endOnFailure: true,
    }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(Error)
    expect((error as Error).message).toMatch(/seed: -?\d+/)
    expect(String((error as Error).cause)).toMatch(/balances folded from the log differ/)
  })

  // Found by this model: in a batch, a command id refused before being decided (forbidden, or
  // conflicting with a stored outcome) made a later repeat of that id in the same batch return
  // the refusal, instead of the first outcome it has.
  it('lets a batch repeat an id after a conflicting use of it, as one by one', async () => {
    const ledger = createLedger()
    const [open, holder, b0] = opening
    expect(
      (await ledger.executeBatch([open!, holder!, b0!], { actor: COORDINATOR })).every((r) => r.ok),
    ).toBe(true)
    const changed = { ...b0!, name: 'B0 renamed' } as CommandInput
    const results = await ledger.executeBatch([changed, b0!], { actor: COORDINATOR })
    expect(results.map((r) => (r.ok ? 'ok' : r.rejection.code))).toEqual([
      'idempotency_conflict',
      'ok',
    ])
    expect(results[1]!.replayed).toBe(true)
  })
})
