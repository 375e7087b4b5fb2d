import {
  accountantOf,
  auditor,
  awardContractCommand,
  buyerOf,
  contractFixture,
  coordinator,
  executeAll,
  openedLedger,
  SIRETS,
} from '@plafond/testing'
import { describe, expect, it } from 'vitest'
import { COMMAND_TYPES, type CommandInput, type CommandType } from '../commands/command.js'
import { COMMAND_SAMPLES as SAMPLES } from '../commands/command-samples.test-data.js'
import type { Ledger } from '../ledger/create-ledger.js'

type RecordInvoice = Extract<CommandInput, { readonly type: 'RecordInvoice' }>
type RecordPayment = Extract<CommandInput, { readonly type: 'RecordPayment' }>
import type { Actor } from './actor.js'

const B = SIRETS.beneficiaryB
const C = SIRETS.beneficiaryC

type RoleCase =
  'coordinator' | 'auditor' | 'buyer of B' | 'buyer of C' | 'accountant of B' | 'accountant of C'

const ACTORS: Readonly<Record<RoleCase, Actor>> = {
  coordinator: coordinator(),
  auditor: auditor(),
  'buyer of B': buyerOf(B),
  'buyer of C': buyerOf(C),
  'accountant of B': accountantOf(B),
  'accountant of C': accountantOf(C),
}

// DOMAIN.md, "Who may do what", written out for the samples (all aimed at B or the framework).
const COORDINATOR: readonly CommandType[] = [
  'OpenFramework',
  'CloseFramework',
  'AddHolder',
  'AddBeneficiary',
  'Allocate',
  'ReleaseAllocation',
  'TransferAllocation',
  'SucceedHolder',
]
const BUYER: readonly CommandType[] = [
  'AwardContract',
  'IssueOrder',
  'ModifyContract',
  'CloseContract',
  'CertifyService',
  'ChangeProductPhase',
  'RecordImpact',
]
const ACCOUNTANT: readonly CommandType[] = ['RecordInvoice', 'RecordPayment']

const ALLOWED: Readonly<Record<RoleCase, readonly CommandType[]>> = {
  coordinator: COORDINATOR,
  auditor: [],
  'buyer of B': BUYER,
  'buyer of C': [],
  'accountant of B': ACCOUNTANT,
  'accountant of C': [],
}

/** B and C each have a 100 000 € call-off with 50 000 € certified, awarded by their own buyers. */
async function setUp(): Promise<Ledger> {
  const ledger = await openedLedger()
  for (const [beneficiaryId, contractId] of [
    [B, 'MS-B'],
    [C, 'MS-C'],
  ] as const) {
    await executeAll(
      ledger,
      [
        awardContractCommand(contractFixture({ contractId, beneficiaryId })),
        {
          type: 'CertifyService',
          commandId: `certify:${contractId}`,
          contractId,
          serviceId: 'S-1',
          amount: '50000',
          certifiedOn: '2025-03-15',
        },
      ],
      buyerOf(beneficiaryId),
    )
  }
  return ledger
}

describe('authorization over every role and command type', () => {
  it('has a sample for every command type', () => {
    const missing = COMMAND_TYPES.filter((type) => SAMPLES[type] === undefined)
    expect(missing, `add a sample command (and its roles) for ${missing.join(', ')}`).toEqual([])
    const listed = [...COORDINATOR, ...BUYER, ...ACCOUNTANT]
    expect([...listed].sort()).toEqual([...COMMAND_TYPES].sort())
  })

  const roles = Object.keys(ACTORS) as RoleCase[]
  describe.each(roles)('%s', (role) => {
    it.each(COMMAND_TYPES.filter((type) => SAMPLES[type] !== undefined))('%s', async (type) => {
      const ledger = await setUp()
      const command = SAMPLES[type]!
      const before = await ledger.head()
      const result = await ledger.execute(command, { actor: ACTORS[role] })
      if (ALLOWED[role].includes(type)) {
        expect(result.ok ? 'ok' : result.rejection.code).toBe('ok')
        expect(await ledger.head()).not.toEqual(before)
        return
      }
      expect(result.ok ? 'ok' : result.rejection.code).toBe('forbidden')
      if (!result.ok) {
        expect(result.rejection['actorId']).toBe(ACTORS[role].id)
        expect(result.rejection.message).toMatch(/Nothing was written/)
      }
      expect(await ledger.head()).toEqual(before)
      expect(await ledger.store.findOutcome('sample')).toBeUndefined()
    })
  })

  it('lets no buyer award for, or touch the contracts of, another beneficiary', async () => {
    const ledger = await setUp()
    const before = await ledger.head()
    const attempts: readonly [Actor, CommandInput][] = [
      [
        buyerOf(C),
        { ...awardContractCommand(contractFixture({ contractId: 'MS-X', beneficiaryId: B })) },
      ],
      [buyerOf(C), { ...SAMPLES.CertifyService!, commandId: 'x-1' }],
      [buyerOf(C), { ...SAMPLES.CloseContract!, commandId: 'x-2' }],
      [buyerOf(C), { ...SAMPLES.ModifyContract!, commandId: 'x-3' }],
      [accountantOf(C), { ...SAMPLES.RecordPayment!, commandId: 'x-4' }],
      [accountantOf(C), { ...SAMPLES.RecordInvoice!, commandId: 'x-5' }],
      // Holding the right role for another beneficiary and an unrelated role does not help.
      [
        {
          id: 'mixed',
          roles: [
            { role: 'buyer', beneficiaryId: C },
            { role: 'accountant', beneficiaryId: B },
            { role: 'auditor' },
          ],
        },
        { ...SAMPLES.CertifyService!, commandId: 'x-6' },
      ],
    ]
    for (const [actor, command] of attempts) {
      const result = await ledger.execute(command, { actor })
      expect(result.ok ? 'ok' : result.rejection.code, `${actor.id} ${command.type}`).toBe(
        'forbidden',
      )
    }
    expect(await ledger.head()).toEqual(before)
  })

  it("keeps B's orders, modifications, invoices, payments and products to B's own buyer and accountant", async () => {
    const ledger = await setUp()
    const before = await ledger.head()
    const productOfB = { beneficiaryId: B, product: 'product-b' }
    const attempts: readonly [Actor, CommandInput][] = [
      [buyerOf(C), { ...SAMPLES.IssueOrder!, commandId: 'y-1' }],
      [buyerOf(C), { ...SAMPLES.ChangeProductPhase!, ...productOfB, commandId: 'y-2' }],
      [buyerOf(C), { ...SAMPLES.RecordImpact!, ...productOfB, commandId: 'y-3' }],
      [accountantOf(B), { ...SAMPLES.ModifyContract!, commandId: 'y-4' }],
      [buyerOf(B), { ...SAMPLES.RecordInvoice!, commandId: 'y-5' }],
      [coordinator(), { ...SAMPLES.ModifyContract!, commandId: 'y-6' }],
      [buyerOf(B), { ...SAMPLES.SucceedHolder!, commandId: 'y-7' }],
      [auditor(), { ...SAMPLES.RecordImpact!, commandId: 'y-8' }],
    ]
    for (const [actor, command] of attempts) {
      const result = await ledger.execute(command, { actor })
      expect(result.ok ? 'ok' : result.rejection.code, `${actor.id} ${command.type}`).toBe(
        'forbidden',
      )
    }
    expect(await ledger.head()).toEqual(before)
  })

  it("lets B's accountant pay B's invoice late, writing the interest under its own id", async () => {
    const ledger = await setUp()
    // I-1 received 2025-03-15 is due 2025-04-14; paid on 2025-04-20, 6 days late.
    await executeAll(
      ledger,
      [
        {
          ...(SAMPLES.RecordInvoice as RecordInvoice),
          commandId: 'invoice',
          receivedOn: '2025-03-15',
        },
      ],
      accountantOf(B),
    )
    const payment: RecordPayment = {
      ...(SAMPLES.RecordPayment as RecordPayment),
      commandId: 'late',
      paidOn: '2025-04-20',
      invoiceId: 'I-1',
    }
    for (const actor of [accountantOf(C), buyerOf(B), coordinator()]) {
      const refused = await ledger.execute(payment, { actor })
      expect(refused.ok ? 'ok' : refused.rejection.code, actor.id).toBe('forbidden')
    }
    const result = await ledger.execute(payment, { actor: accountantOf(B) })
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.events.map((e) => e.type)).toEqual(['PaymentRecorded', 'LatePaymentInterestDue'])
    expect(result.events.map((e) => e.meta.actorId)).toEqual([
      accountantOf(B).id,
      accountantOf(B).id,
    ])
  })

  it('lets an actor with several roles use each of them', async () => {
    const ledger = await setUp()
    const both: Actor = {
      id: 'both',
      roles: [
        { role: 'buyer', beneficiaryId: C },
        { role: 'buyer', beneficiaryId: B },
      ],
    }
    const result = await ledger.execute(SAMPLES.CertifyService!, { actor: both })
    expect(result.ok).toBe(true)
  })

  it('refuses an actor with no role at all', async () => {
    const ledger = await setUp()
    const result = await ledger.execute(SAMPLES.Allocate!, { actor: { id: 'nobody', roles: [] } })
    expect(result.ok ? 'ok' : result.rejection.code).toBe('forbidden')
  })

  it('does not keep a forbidden command as the outcome of its id', async () => {
    const ledger = await setUp()
    const refused = await ledger.execute(SAMPLES.Allocate!, { actor: buyerOf(B) })
    expect(refused.ok).toBe(false)
    const accepted = await ledger.execute(SAMPLES.Allocate!, { actor: coordinator() })
    expect(accepted).toMatchObject({ ok: true, replayed: false })
  })
})
