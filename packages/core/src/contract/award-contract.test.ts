import {
  awardContractCommand,
  awardedContractEvents,
  contractFixture,
  FRAMEWORK,
  frameworkFixture,
  given,
  openedFrameworkEvents,
  SIRETS,
} from '@plafond/testing'
import { describe, it } from 'vitest'

const F = FRAMEWORK.frameworkId
const B = SIRETS.beneficiaryB

const award = (overrides: Record<string, unknown> = {}) => ({
  ...awardContractCommand(contractFixture()),
  ...overrides,
})

/** The contract side of `contractFixture()`'s award, with `changes`. */
const contractAwarded = (changes: Record<string, unknown>) => ({
  type: 'ContractAwarded' as const,
  data: {
    contractId: 'MS-1',
    frameworkId: F,
    beneficiaryId: B,
    holderId: SIRETS.holder1,
    kind: 'subsequent-contract' as const,
    amount: '100000.00',
    awardedOn: '2025-03-01',
    competition: 'mini-competition' as const,
    ...changes,
  },
})

const closedFramework = {
  type: 'FrameworkClosed' as const,
  data: { frameworkId: F, closedOn: '2026-06-30', reason: 'terminated' as const },
}

describe('AwardContract', () => {
  it('commits money on the framework stream and opens the contract stream', () => {
    given(openedFrameworkEvents())
      .when(award({ amount: '100000' }))
      .then(awardedContractEvents(contractFixture({ amount: '100000' })))
  })

  it('records the direct-award justification, the product, the object and the duration', () => {
    const [commitment] = awardedContractEvents(contractFixture())
    given(openedFrameworkEvents())
      .when(
        award({
          competition: 'direct',
          justification: 'Urgent continuation of the same team (R2162-10)',
          product: 'pass-sport',
          object: 'Build the product',
          durationMonths: 12,
        }),
      )
      .then([
        commitment!,
        contractAwarded({
          competition: 'direct',
          justification: 'Urgent continuation of the same team (R2162-10)',
          product: 'pass-sport',
          object: 'Build the product',
          durationMonths: 12,
        }),
      ])
  })

  it('accepts a purchase order directly when the framework has a single holder', () => {
    const single = frameworkFixture({ holders: [FRAMEWORK.holders[0]!] })
    const fixture = contractFixture({ kind: 'purchase-order' })
    const [commitment] = awardedContractEvents(fixture)
    given(openedFrameworkEvents(single))
      .when({ ...awardContractCommand(fixture), competition: 'direct' })
      .then([commitment!, contractAwarded({ kind: 'purchase-order', competition: 'direct' })])
  })

  it('needs a justification for a direct award when there are several holders (R2162-10)', () => {
    given(openedFrameworkEvents())
      .when(award({ competition: 'direct' }))
      .thenRejects('invalid_command', { path: 'justification' })
  })

  describe('the framework must be open on the award date (R2162-5): framework_not_open', () => {
    it('accepts awards on its first and last days', () => {
      given(openedFrameworkEvents())
        .when(award({ awardedOn: '2025-01-01' }))
        .then(awardedContractEvents(contractFixture({ awardedOn: '2025-01-01' })))
      given(openedFrameworkEvents())
        .when(award({ awardedOn: '2028-12-31' }))
        .then(awardedContractEvents(contractFixture({ awardedOn: '2028-12-31' })))
    })

    it('refuses an award before it starts or after it ends', () => {
      given(openedFrameworkEvents())
        .when(award({ awardedOn: '2024-12-31' }))
        .thenRejects('framework_not_open', {
          frameworkId: F,
          startsOn: '2025-01-01',
          endsOn: '2028-12-31',
          attempted: '2024-12-31',
        })
      given(openedFrameworkEvents())
        .when(award({ awardedOn: '2029-01-01' }))
        .thenRejects('framework_not_open', { attempted: '2029-01-01' })
    })

    it('refuses any award once the framework is closed, whatever its date', () => {
      given([...openedFrameworkEvents(), closedFramework])
        .when(award({ awardedOn: '2026-07-01' }))
        .thenRejects('framework_not_open', { frameworkId: F })
      given([...openedFrameworkEvents(), closedFramework])
        .when(award({ awardedOn: '2026-06-01' }))
        .thenRejects('framework_not_open', { frameworkId: F })
    })
  })

  it('refuses a beneficiary that was not named (R2162-6): unknown_beneficiary', () => {
    given(openedFrameworkEvents())
      .when(award({ beneficiaryId: SIRETS.beneficiaryD }))
      .thenRejects('unknown_beneficiary', { frameworkId: F, beneficiaryId: SIRETS.beneficiaryD })
  })

  it('refuses a supplier that is not a holder (R2162-6): unknown_holder', () => {
    given(openedFrameworkEvents())
      .when(award({ holderId: SIRETS.holder3 }))
      .thenRejects('unknown_holder', { frameworkId: F, holderId: SIRETS.holder3 })
  })

  it('commits up to what the beneficiary has left, exactly', () => {
    // B: 600 000 allocated.
    given(openedFrameworkEvents())
      .when(award({ amount: '540000' }))
      .then([
        ...awardedContractEvents(contractFixture({ amount: '540000' })).slice(0, 1),
        {
          type: 'ThresholdCrossed',
          data: {
            frameworkId: F,
            scope: 'estimate',
            percent: 50,
            reference: '1000000.00',
            committed: '540000.00',
            crossedOn: '2025-03-01',
            contractId: 'MS-1',
          },
        },
        {
          type: 'ThresholdCrossed',
          data: {
            frameworkId: F,
            scope: 'allocation',
            beneficiaryId: B,
            percent: 90,
            reference: '600000.00',
            committed: '540000.00',
            crossedOn: '2025-03-01',
            contractId: 'MS-1',
          },
        },
        ...awardedContractEvents(contractFixture({ amount: '540000' })).slice(1),
      ])
  })

  it('refuses more than the allocation minus what is committed (invariant 2): allocation_exceeded', () => {
    const history = [
      ...openedFrameworkEvents(),
      ...awardedContractEvents(contractFixture({ contractId: 'MS-0', amount: '100000' })),
    ]
    given(history)
      .when(award({ amount: '500000.01' }))
      .thenRejects('allocation_exceeded', {
        beneficiaryId: B,
        allocated: '600000.00',
        committed: '100000.00',
        limit: '500000.00',
        attempted: '500000.01',
      })
  })

  it('refuses a beneficiary with no allocation: allocation_exceeded', () => {
    const unallocated = frameworkFixture({
      beneficiaries: [{ beneficiaryId: B, name: 'Beneficiary B (synthetic)', allocation: '0' }],
    })
    given(openedFrameworkEvents(unallocated))
      .when(award({ amount: '0.01' }))
      .thenRejects('allocation_exceeded', { limit: '0.00', attempted: '0.01' })
  })

  it('refuses a contract id already used: contract_exists', () => {
    given([...openedFrameworkEvents(), ...awardedContractEvents(contractFixture())])
      .when(award({ commandId: 'again' }))
      .thenRejects('contract_exists', { contractId: 'MS-1' })
  })

  it('refuses an unknown framework: unknown_framework', () => {
    given([]).when(award()).thenRejects('unknown_framework', { frameworkId: F })
  })

  it('refuses bad input: amount, kind, competition, date', () => {
    given(openedFrameworkEvents())
      .when(award({ amount: '0' }))
      .thenRejects('invalid_command', { path: 'amount' })
    given(openedFrameworkEvents())
      .when(award({ kind: 'framework' }))
      .thenRejects('invalid_command', { path: 'kind' })
    given(openedFrameworkEvents())
      .when(award({ competition: 'auction' }))
      .thenRejects('invalid_command', { path: 'competition' })
    given(openedFrameworkEvents())
      .when(award({ awardedOn: '2025-02-30' }))
      .thenRejects('invalid_command', { path: 'awardedOn' })
  })
})
