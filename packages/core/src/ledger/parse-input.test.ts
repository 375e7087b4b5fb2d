import {
  buyerOf,
  coordinator,
  FRAMEWORK,
  openedLedger,
  SIRETS,
  type FrameworkFixture,
} from '@plafond/testing'
import { describe, expect, it } from 'vitest'
import type { Actor } from '../authorization/actor.js'
import type { CommandInput } from '../commands/command.js'
import type { Ledger } from './create-ledger.js'

const F = FRAMEWORK.frameworkId
const B = SIRETS.beneficiaryB

const allocate = (overrides: Record<string, unknown> = {}): CommandInput => ({
  type: 'Allocate',
  commandId: 'bad-input',
  frameworkId: F,
  beneficiaryId: B,
  amount: '100',
  on: '2025-02-01',
  ...overrides,
})

const open = (overrides: Record<string, unknown> = {}): CommandInput => ({
  type: 'OpenFramework',
  commandId: 'bad-input',
  frameworkId: 'AC-NEW',
  title: 'New',
  buyerId: SIRETS.buyer,
  estimate: '100',
  maximum: '200',
  startsOn: '2025-01-01',
  endsOn: '2026-01-01',
  maxHolders: 2,
  ...overrides,
})

const award = (overrides: Record<string, unknown> = {}): CommandInput => ({
  type: 'AwardContract',
  commandId: 'bad-input',
  frameworkId: F,
  contractId: 'MS-1',
  beneficiaryId: B,
  holderId: SIRETS.holder1,
  kind: 'subsequent-contract',
  amount: '100',
  awardedOn: '2025-03-01',
  competition: 'mini-competition',
  ...overrides,
})

/** Executes, expects invalid_command at `path`, and checks that nothing was written. */
async function expectInvalid(
  ledger: Ledger,
  command: unknown,
  path: string,
  actor: unknown = coordinator(),
): Promise<void> {
  const before = await ledger.head()
  const result = await ledger.execute(command as CommandInput, { actor: actor as Actor })
  expect(result.ok).toBe(false)
  if (result.ok) return
  expect(result.rejection.code).toBe('invalid_command')
  expect(result.rejection['path']).toBe(path)
  expect(result.rejection.message).toMatch(/Nothing was written/)
  expect(result.replayed).toBe(false)
  expect(await ledger.head()).toEqual(before)
  expect(await ledger.store.findOutcome('bad-input')).toBeUndefined()
}

describe('bad input is invalid_command, names the field, and writes nothing', () => {
  let ledger: Ledger
  const fresh = async (fixture?: FrameworkFixture) => {
    ledger = await openedLedger({}, fixture)
    return ledger
  }

  it('refuses amounts written as numbers', async () => {
    await expectInvalid(await fresh(), allocate({ amount: 100 }), 'amount')
    await expectInvalid(ledger, allocate({ amount: 100.5 }), 'amount')
    await expectInvalid(ledger, open({ estimate: 100 }), 'estimate')
  })

  it('refuses three decimals, signs, exponents and 14 integer digits', async () => {
    await fresh()
    await expectInvalid(ledger, allocate({ amount: '100.001' }), 'amount')
    await expectInvalid(ledger, allocate({ amount: '-100' }), 'amount')
    await expectInvalid(ledger, allocate({ amount: '+100' }), 'amount')
    await expectInvalid(ledger, allocate({ amount: '1e5' }), 'amount')
    await expectInvalid(ledger, allocate({ amount: '10000000000000' }), 'amount')
    await expectInvalid(ledger, allocate({ amount: '0' }), 'amount')
  })

  it('refuses a SIRET that fails its check', async () => {
    await fresh()
    await expectInvalid(ledger, allocate({ beneficiaryId: '92000000000018' }), 'beneficiaryId')
    await expectInvalid(ledger, open({ buyerId: '1300252650001' }), 'buyerId')
    await expectInvalid(ledger, award({ holderId: '91000000000019' }), 'holderId', buyerOf(B))
  })

  it('refuses unknown fields, naming them', async () => {
    await fresh()
    await expectInvalid(ledger, allocate({ note: 'extra' }), 'note')
    await expectInvalid(
      ledger,
      open({ alertThresholds: { estimate: [50], budget: [10] } }),
      'alertThresholds.budget',
    )
  })

  it('refuses wrong types', async () => {
    await fresh()
    await expectInvalid(ledger, open({ maxHolders: '7' }), 'maxHolders')
    await expectInvalid(ledger, open({ maxHolders: 2.5 }), 'maxHolders')
    await expectInvalid(ledger, open({ title: 5 }), 'title')
    await expectInvalid(ledger, allocate({ frameworkId: ['AC'] }), 'frameworkId')
    await expectInvalid(ledger, allocate({ commandId: 'has space' }), 'commandId')
    await expectInvalid(ledger, allocate({ commandId: undefined }), 'commandId')
  })

  it('refuses dates that do not exist', async () => {
    await fresh()
    await expectInvalid(ledger, award({ awardedOn: '2025-02-30' }), 'awardedOn', buyerOf(B))
    await expectInvalid(ledger, allocate({ on: '2025-2-1' }), 'on')
    await expectInvalid(ledger, open({ startsOn: '2025-02-29' }), 'startsOn')
  })

  it('refuses unknown command types and what is not a command at all', async () => {
    await fresh()
    await expectInvalid(ledger, allocate({ type: 'DeleteEverything' }), 'type')
    await expectInvalid(ledger, { commandId: 'bad-input' }, 'type')
    await expectInvalid(ledger, null, '(root)')
    await expectInvalid(ledger, 'Allocate', '(root)')
  })

  it('refuses a bad actor before anything else', async () => {
    await fresh()
    const command = allocate()
    await expectInvalid(ledger, command, 'actor', null)
    await expectInvalid(ledger, command, 'actor.id', {
      id: 'has space',
      roles: [{ role: 'coordinator' }],
    })
    await expectInvalid(ledger, command, 'actor.roles', { id: 'x' })
    await expectInvalid(ledger, command, 'actor.roles.0.role', {
      id: 'x',
      roles: [{ role: 'king' }],
    })
    await expectInvalid(ledger, command, 'actor.roles.0.beneficiaryId', {
      id: 'x',
      roles: [{ role: 'buyer' }],
    })
    await expectInvalid(ledger, command, 'actor.roles.0.beneficiaryId', {
      id: 'x',
      roles: [{ role: 'buyer', beneficiaryId: '92000000000018' }],
    })
    await expectInvalid(ledger, command, 'actor.roles.0.scope', {
      id: 'x',
      roles: [{ role: 'coordinator', scope: 'all' }],
    })
  })

  it('lists every problem, the first one in the message', async () => {
    await fresh()
    const result = await ledger.execute(allocate({ amount: 5, beneficiaryId: 'x' }), {
      actor: coordinator(),
    })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.rejection['issues']).toEqual([
      { path: 'beneficiaryId', message: expect.stringMatching(/SIRET/) as unknown },
      { path: 'amount', message: expect.stringMatching(/string/) as unknown },
    ])
    expect(result.rejection.message).toMatch(/at beneficiaryId.*and 1 more problem/)
  })

  it('refuses bad items of a batch one by one, writing the good ones', async () => {
    await fresh()
    const results = await ledger.executeBatch(
      [
        allocate({ commandId: 'good-1', amount: '1' }),
        allocate({ amount: 1 }),
        allocate({ commandId: 'good-2', amount: '2' }),
      ],
      { actor: coordinator() },
    )
    expect(results.map((r) => (r.ok ? 'ok' : r.rejection.code))).toEqual([
      'ok',
      'invalid_command',
      'ok',
    ])
    expect(await ledger.store.findOutcome('bad-input')).toBeUndefined()
  })
})
