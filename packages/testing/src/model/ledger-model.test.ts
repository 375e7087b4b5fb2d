import {
  createInMemoryStore,
  createLedger,
  type Actor,
  type CommandInput,
  type EventStore,
} from '@plafond/core'
import { describe, expect, it } from 'vitest'
import {
  accountantOf,
  buyerOf,
  COORDINATOR,
  LEDGER_UNIVERSE,
} from '../arbitraries/ledger-universe.js'
import { checkLedgerAgainstModel } from './check-ledger-against-model.js'
import { balancesOfModel } from './ledger-balances.js'
import {
  committedUnder,
  createLedgerModel,
  type LedgerModel,
  type ModelRateTables,
} from './ledger-model.js'
import { predictOutcome } from './predict-outcome.js'

const [B0, B1] = [LEDGER_UNIVERSE.beneficiaries[0], LEDGER_UNIVERSE.beneficiaries[1]]
const [HOLDER, SUCCESSOR, THIRD] = LEDGER_UNIVERSE.holders

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

function award(
  id: string,
  beneficiaryId: string,
  amount: string,
  awardedOn = '2026-01-05',
  holderId: string = HOLDER,
): CommandInput {
  return {
    type: 'AwardContract',
    commandId: id,
    frameworkId: 'AC-1',
    contractId: `C-${id}`,
    beneficiaryId,
    holderId,
    kind: 'subsequent-contract',
    amount,
    awardedOn,
    competition: 'mini-competition',
  }
}

function modify(
  id: string,
  contractId: string,
  delta: string,
  legalBasis: 'R2194-1' | 'R2194-2' | 'R2194-5' | 'R2194-6' | 'R2194-7' | 'R2194-8',
  notifiedOn = '2026-02-01',
  newHolderId?: string,
): CommandInput {
  return {
    type: 'ModifyContract',
    commandId: id,
    contractId,
    modificationId: id,
    delta,
    legalBasis,
    notifiedOn,
    reason: 'Test',
    ...(newHolderId === undefined ? {} : { newHolderId }),
  }
}

function opened(tables?: ModelRateTables): LedgerModel {
  const model = createLedgerModel(tables)
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

  it('judges each modification by its legal basis, and cumulates R2194-8 alone, in absolute value', () => {
    const model = opened()
    const buyer = buyerOf(B0)
    // C-x: 200 €, so R2194-8 stops under 20 € (10 %) and R2194-2 and R2194-5 at 100 € (50 %).
    expect(outcome(model, award('x', B0, '200'), buyer)).toBe('ok')
    expect(outcome(model, modify('m1', 'C-x', '12', 'R2194-8'), buyer)).toBe('ok')
    expect(outcome(model, modify('m2', 'C-x', '-7.99', 'R2194-8'), buyer)).toBe('ok')
    expect(outcome(model, modify('m3', 'C-x', '-0.01', 'R2194-8'), buyer)).toBe(
      'modification_limit_exceeded',
    )
    expect(outcome(model, modify('m4', 'C-x', '100', 'R2194-2'), buyer)).toBe('ok')
    expect(outcome(model, modify('m5', 'C-x', '-100', 'R2194-5'), buyer)).toBe('ok')
    expect(outcome(model, modify('m6', 'C-x', '100.01', 'R2194-5'), buyer)).toBe(
      'modification_limit_exceeded',
    )
    expect(outcome(model, modify('m4', 'C-x', '100.00', 'R2194-2'), buyer)).toBe('ok (replayed)')
    expect(outcome(model, modify('m7', 'C-x', '1', 'R2194-6', '2026-02-01', HOLDER), buyer)).toBe(
      'modification_limit_exceeded',
    )
    expect(outcome(model, modify('m8', 'C-x', '0', 'R2194-6', '2026-02-01', THIRD), buyer)).toBe(
      'unknown_holder',
    )
    expect(outcome(model, modify('m9', 'C-x', '0', 'R2194-1'), buyer)).toBe('invalid_command')
    expect(outcome(model, modify('m10', 'C-x', '1', 'R2194-1', '2026-01-04'), buyer)).toBe(
      'invalid_dates',
    )
    // 200 + 12 − 7.99 + 100 − 100 = 204.01 €; B0 has 600 € allocated.
    expect(outcome(model, modify('m11', 'C-x', '395.99', 'R2194-1'), buyer)).toBe('ok')
    expect(outcome(model, modify('m12', 'C-x', '0.01', 'R2194-7'), buyer)).toBe(
      'allocation_exceeded',
    )
    expect(balancesOfModel(model).contracts['C-x']).toMatchObject({
      initial: 20_000n,
      modifications: 40_000n,
      amount: 60_000n,
    })
  })

  it('measures R2194-8 against the threshold in force on the notification date', () => {
    // Thresholds of 30 € then 20 €, below 10 % of a 500 € contract.
    const model = opened({
      euThresholds: [
        { from: '2026-01-01', amount: '20' },
        { from: '2024-01-01', amount: '30' },
      ],
      ecbRates: [],
    })
    const buyer = buyerOf(B0)
    expect(outcome(model, award('x', B0, '500', '2025-06-02'), buyer)).toBe('ok')
    const small = (id: string, delta: string, notifiedOn: string) =>
      outcome(model, modify(id, 'C-x', delta, 'R2194-8', notifiedOn), buyer)
    expect(small('a', '19.99', '2025-12-31')).toBe('ok')
    expect(small('b', '-0.01', '2026-01-01')).toBe('modification_limit_exceeded')
    expect(small('c', '-0.01', '2025-12-31')).toBe('ok')
    expect(small('d', '9.99', '2025-12-31')).toBe('ok')
    expect(small('e', '0.01', '2025-12-31')).toBe('modification_limit_exceeded')
    expect(small('f', '0.01', '2025-06-01')).toBe('invalid_dates')
  })

  it('predicts late-payment interest: none up to day 30, then interest and the 40 € once per invoice', () => {
    const model = opened()
    const buyer = buyerOf(B0)
    const accountant = accountantOf(B0)
    expect(outcome(model, award('x', B0, '250'), buyer)).toBe('ok')
    const certify: CommandInput = {
      type: 'CertifyService',
      commandId: 'certify',
      contractId: 'C-x',
      serviceId: 'S-1',
      amount: '200',
      certifiedOn: '2026-01-20',
    }
    expect(outcome(model, certify, buyer)).toBe('ok')
    const invoice = (id: string, receivedOn: string): CommandInput => ({
      type: 'RecordInvoice',
      commandId: id,
      contractId: 'C-x',
      invoiceId: id,
      amount: '100',
      vat: '20',
      receivedOn,
    })
    expect(outcome(model, invoice('I-1', '2026-02-01'), accountant)).toBe('ok')
    expect(outcome(model, invoice('I-2', '2028-06-01'), accountant)).toBe('ok')
    expect(outcome(model, invoice('I-3', '2026-02-01'), accountant)).toBe(
      'invoice_exceeds_commitment',
    )
    const pay = (id: string, invoiceId: string, amount: string, paidOn: string) =>
      predictOutcome(
        model,
        {
          type: 'RecordPayment',
          commandId: id,
          contractId: 'C-x',
          paymentId: id,
          amount,
          paidOn,
          invoiceId,
        },
        accountant,
      ).outcome
    // I-1 was received on 2026-02-01: due 2026-03-03.
    expect(pay('p0', 'I-1', '10', '2026-03-03')).toEqual({ ok: true })
    // 2026-H1: 2.15 % + 8 = 10.15 %; 48 € (40 € HT and its 8 € of VAT) × 10.15 % / 365 = 0.013 €.
    expect(pay('p1', 'I-1', '40', '2026-03-04')).toEqual({
      ok: true,
      lateInterest: { daysLate: 1, amount: 4001n },
    })
    // 60 € × 10.15 % × 10 / 365 = 0.1668… → 0.17 €, and no second lump sum.
    expect(pay('p2', 'I-1', '50', '2026-03-13')).toEqual({
      ok: true,
      lateInterest: { daysLate: 10, amount: 17n },
    })
    expect(pay('p3', 'I-1', '0.01', '2026-03-13')).toEqual({
      ok: false,
      code: 'payment_exceeds_invoice',
    })
    expect(pay('p4', 'I-9', '1', '2026-03-13')).toEqual({ ok: false, code: 'unknown_invoice' })
    expect(pay('p5', 'I-2', '1', '2028-05-31')).toEqual({ ok: false, code: 'invalid_dates' })
    // 2028-H2 is not in the universe's table.
    expect(pay('p6', 'I-2', '1', '2028-07-02')).toEqual({ ok: false, code: 'missing_rate' })
    expect(pay('p7', 'I-2', '1', '2028-07-01')).toEqual({ ok: true })
  })

  it('replaces a holder by its successor: the former one gets no award, and the count never grows', () => {
    const model = opened()
    const succeed = (id: string, holderId: string, successorId: string): CommandInput => ({
      type: 'SucceedHolder',
      commandId: id,
      frameworkId: 'AC-1',
      holderId,
      successorId,
      successorName: 'Successor',
      succeededOn: '2025-06-01',
      reason: 'Merger',
    })
    expect(outcome(model, succeed('s0', HOLDER, HOLDER), COORDINATOR)).toBe('invalid_command')
    expect(outcome(model, succeed('s1', SUCCESSOR, THIRD), COORDINATOR)).toBe('unknown_holder')
    expect(outcome(model, succeed('s2', HOLDER, SUCCESSOR), COORDINATOR)).toBe('ok')
    expect(balancesOfModel(model).frameworks['AC-1']).toMatchObject({ holders: 1, maxHolders: 1 })
    expect(outcome(model, award('x', B0, '10', '2026-01-05', HOLDER), buyerOf(B0))).toBe(
      'unknown_holder',
    )
    expect(outcome(model, award('y', B0, '10', '2026-01-05', SUCCESSOR), buyerOf(B0))).toBe('ok')
    const add = (holderId: string): CommandInput => ({
      type: 'AddHolder',
      commandId: `add-${holderId}`,
      frameworkId: 'AC-1',
      holderId,
      name: 'Holder',
      addedOn: '2025-07-01',
    })
    expect(outcome(model, add(HOLDER), COORDINATOR)).toBe('holder_exists')
    expect(outcome(model, add(THIRD), COORDINATOR)).toBe('holder_limit_reached')
    expect(outcome(model, succeed('s3', SUCCESSOR, HOLDER), COORDINATOR)).toBe('ok')
    expect(outcome(model, award('z', B0, '10', '2026-01-05', HOLDER), buyerOf(B0))).toBe('ok')
  })

  it("records products' phases and impact for the buyer of their beneficiary only", () => {
    const model = opened()
    const phase = (id: string, value: string): CommandInput =>
      ({
        type: 'ChangeProductPhase',
        commandId: id,
        beneficiaryId: B0,
        product: 'pass-sport',
        phase: value,
        on: '2026-01-15',
      }) as CommandInput
    expect(outcome(model, phase('p1', 'construction'), buyerOf(B0))).toBe('ok')
    expect(outcome(model, phase('p2', 'construction'), buyerOf(B1))).toBe('forbidden')
    expect(outcome(model, phase('p3', 'scaling'), buyerOf(B0))).toBe('invalid_command')
    const impact = (value: string): CommandInput => ({
      type: 'RecordImpact',
      commandId: `impact-${value}`,
      beneficiaryId: B0,
      product: 'pass-sport',
      measuredOn: '2026-01-15',
      indicators: [{ name: 'users', value }],
    })
    expect(outcome(model, impact('-0.5'), buyerOf(B0))).toBe('ok')
    expect(outcome(model, impact('1e3'), buyerOf(B0))).toBe('invalid_command')
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
        // Measured over 30 default runs: each came up at least twice in each.
        'modification_limit_exceeded',
        'invoice_exceeds_commitment',
        'unknown_holder',
      ]),
    )
    expect(codes.size).toBeGreaterThan(25)
    // Payments against invoices past day 30 (at least 3 in each of 30 default runs).
    expect(report.lateInterests).toBeGreaterThan(0)
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
