import {
  awardContractCommand,
  contractFixture,
  FRAMEWORK,
  frameworkFixture,
  given,
  openedFrameworkEvents,
  SIRETS,
  type ContractFixture,
} from '@plafond/testing'
import { describe, expect, it } from 'vitest'
import type { CommandInput } from '../commands/command.js'
import type { DomainEvent } from '../events/event-catalogue.js'

const F = FRAMEWORK.frameworkId
const B = SIRETS.beneficiaryB
const C = SIRETS.beneficiaryC

// Estimate 1 000 000, maximum 2 000 000, all of it allocated: B 1 200 000, C 800 000.
const FULLY_ALLOCATED = frameworkFixture({
  beneficiaries: [
    { beneficiaryId: B, name: 'Beneficiary B (synthetic)', allocation: '1200000' },
    { beneficiaryId: C, name: 'Beneficiary C (synthetic)', allocation: '800000' },
  ],
})

/** The history the deciders write for these commands, each required to be accepted. */
function historyOf(
  start: readonly DomainEvent[],
  commands: readonly CommandInput[],
): DomainEvent[] {
  const history = [...start]
  for (const command of commands) {
    const decision = given(history).when(command).decision
    if (!decision.ok) throw new Error(`Setup command refused: ${decision.rejection.message}`)
    history.push(...decision.framework, ...decision.contract)
  }
  return history
}

const award = (
  contractId: string,
  beneficiaryId: string,
  amount: string,
  awardedOn = '2025-03-01',
) => awardContractCommand(contractFixture({ contractId, beneficiaryId, amount, awardedOn }))

const awarded = (fixture: Partial<ContractFixture>) => {
  const c = contractFixture(fixture)
  return {
    type: 'CommitmentAwarded' as const,
    data: {
      frameworkId: F,
      contractId: c.contractId,
      beneficiaryId: c.beneficiaryId,
      holderId: c.holderId,
      kind: c.kind,
      amount: c.amount,
      awardedOn: c.awardedOn,
    },
  }
}

const contractAwarded = (fixture: Partial<ContractFixture>) => {
  const { data } = awarded(fixture)
  return {
    type: 'ContractAwarded' as const,
    data: { ...data, competition: 'mini-competition' as const },
  }
}

const crossed = (
  scope: 'estimate' | 'maximum' | 'allocation',
  percent: number,
  reference: string,
  committed: string,
  contractId: string,
  extra: { beneficiaryId?: string; crossedOn?: string } = {},
) => ({
  type: 'ThresholdCrossed' as const,
  data: {
    frameworkId: F,
    scope,
    percent,
    reference,
    committed,
    crossedOn: extra.crossedOn ?? '2025-03-01',
    contractId,
    ...(extra.beneficiaryId === undefined ? {} : { beneficiaryId: extra.beneficiaryId }),
  },
})

describe('alerts: ThresholdCrossed and CeilingReached', () => {
  it('raises the 50 % of the estimate threshold when an award first reaches it', () => {
    given(openedFrameworkEvents(FULLY_ALLOCATED))
      .when(award('MS-1', B, '500000'))
      .then([
        awarded({ contractId: 'MS-1', amount: '500000.00' }),
        crossed('estimate', 50, '1000000.00', '500000.00', 'MS-1'),
        contractAwarded({ contractId: 'MS-1', amount: '500000.00' }),
      ])
  })

  it('raises nothing one cent short of a threshold', () => {
    given(openedFrameworkEvents(FULLY_ALLOCATED))
      .when(award('MS-1', B, '499999.99'))
      .then([
        awarded({ contractId: 'MS-1', amount: '499999.99' }),
        contractAwarded({ contractId: 'MS-1', amount: '499999.99' }),
      ])
  })

  it('raises every threshold an award jumps over, in order', () => {
    given(openedFrameworkEvents(FULLY_ALLOCATED))
      .when(award('MS-1', B, '950000'))
      .then([
        awarded({ contractId: 'MS-1', amount: '950000.00' }),
        crossed('estimate', 50, '1000000.00', '950000.00', 'MS-1'),
        crossed('estimate', 75, '1000000.00', '950000.00', 'MS-1'),
        crossed('estimate', 90, '1000000.00', '950000.00', 'MS-1'),
        contractAwarded({ contractId: 'MS-1', amount: '950000.00' }),
      ])
  })

  it('raises each threshold once, even when committed money falls below it and comes back', () => {
    const history = historyOf(openedFrameworkEvents(FULLY_ALLOCATED), [
      award('MS-1', B, '500000'),
      { type: 'CloseContract', commandId: 'close', contractId: 'MS-1', closedOn: '2025-04-01' },
    ])
    expect(history.filter((e) => e.type === 'ThresholdCrossed')).toHaveLength(1)
    given(history)
      .when(award('MS-2', B, '600000', '2025-05-01'))
      .then([
        awarded({ contractId: 'MS-2', amount: '600000.00', awardedOn: '2025-05-01' }),
        contractAwarded({ contractId: 'MS-2', amount: '600000.00', awardedOn: '2025-05-01' }),
      ])
  })

  it('raises the thresholds of the maximum', () => {
    const history = historyOf(openedFrameworkEvents(FULLY_ALLOCATED), [award('MS-1', B, '1000000')])
    given(history)
      .when(award('MS-2', C, '600000'))
      .then([
        awarded({ contractId: 'MS-2', beneficiaryId: C, amount: '600000.00' }),
        crossed('maximum', 80, '2000000.00', '1600000.00', 'MS-2'),
        contractAwarded({ contractId: 'MS-2', beneficiaryId: C, amount: '600000.00' }),
      ])
  })

  it('raises 90 and 100 % of an allocation per beneficiary', () => {
    const history = historyOf(openedFrameworkEvents(FULLY_ALLOCATED), [award('MS-1', B, '1080000')])
    // B crossed 90 % of its 1 200 000; C crosses 90 % of its own 800 000 independently.
    expect(
      history.filter((e) => e.type === 'ThresholdCrossed' && e.data.scope === 'allocation'),
    ).toEqual([crossed('allocation', 90, '1200000.00', '1080000.00', 'MS-1', { beneficiaryId: B })])
    given(history)
      .when(award('MS-2', C, '720000'))
      .then([
        awarded({ contractId: 'MS-2', beneficiaryId: C, amount: '720000.00' }),
        crossed('maximum', 80, '2000000.00', '1800000.00', 'MS-2'),
        crossed('maximum', 90, '2000000.00', '1800000.00', 'MS-2'),
        crossed('allocation', 90, '800000.00', '720000.00', 'MS-2', { beneficiaryId: C }),
        contractAwarded({ contractId: 'MS-2', beneficiaryId: C, amount: '720000.00' }),
      ])
    // B's 100 % comes with its own award, not C's.
    given([...history])
      .when(award('MS-3', B, '120000'))
      .then([
        awarded({ contractId: 'MS-3', amount: '120000.00' }),
        crossed('allocation', 100, '1200000.00', '1200000.00', 'MS-3', { beneficiaryId: B }),
        contractAwarded({ contractId: 'MS-3', amount: '120000.00' }),
      ])
  })

  it('uses the thresholds the framework was opened with', () => {
    const custom = frameworkFixture({
      alertThresholds: { estimate: [10], maximum: [], allocation: [50] },
    })
    given(openedFrameworkEvents(custom))
      .when(award('MS-1', B, '300000'))
      .then([
        awarded({ contractId: 'MS-1', amount: '300000.00' }),
        crossed('estimate', 10, '1000000.00', '300000.00', 'MS-1'),
        crossed('allocation', 50, '600000.00', '300000.00', 'MS-1', { beneficiaryId: B }),
        contractAwarded({ contractId: 'MS-1', amount: '300000.00' }),
      ])
  })

  it('emits CeilingReached when committed money reaches the maximum', () => {
    const history = historyOf(openedFrameworkEvents(FULLY_ALLOCATED), [
      award('MS-1', B, '1200000'),
      award('MS-2', C, '700000'),
    ])
    given(history)
      .when(award('MS-3', C, '100000', '2025-06-01'))
      .then([
        awarded({
          contractId: 'MS-3',
          beneficiaryId: C,
          amount: '100000.00',
          awardedOn: '2025-06-01',
        }),
        crossed('maximum', 100, '2000000.00', '2000000.00', 'MS-3', { crossedOn: '2025-06-01' }),
        crossed('allocation', 90, '800000.00', '800000.00', 'MS-3', {
          beneficiaryId: C,
          crossedOn: '2025-06-01',
        }),
        crossed('allocation', 100, '800000.00', '800000.00', 'MS-3', {
          beneficiaryId: C,
          crossedOn: '2025-06-01',
        }),
        {
          type: 'CeilingReached',
          data: {
            frameworkId: F,
            maximum: '2000000.00',
            committed: '2000000.00',
            reachedOn: '2025-06-01',
            contractId: 'MS-3',
          },
        },
        contractAwarded({
          contractId: 'MS-3',
          beneficiaryId: C,
          amount: '100000.00',
          awardedOn: '2025-06-01',
        }),
      ])
  })

  describe('once the ceiling is reached (CJEU C-23/20 §68)', () => {
    const exhausted = historyOf(openedFrameworkEvents(FULLY_ALLOCATED), [
      award('MS-1', B, '1200000'),
      award('MS-2', C, '800000'),
    ])

    it('was reached once', () => {
      expect(exhausted.filter((e) => e.type === 'CeilingReached')).toHaveLength(1)
    })

    it('refuses every later call-off with framework_ceiling_exceeded', () => {
      given(exhausted)
        .when(award('MS-3', B, '0.01', '2025-07-01'))
        .thenRejects('framework_ceiling_exceeded', {
          frameworkId: F,
          limit: '0.00',
          attempted: '0.01',
        })
    })

    it('still refuses them after a closing released money', () => {
      const released = historyOf(exhausted, [
        { type: 'CloseContract', commandId: 'close', contractId: 'MS-1', closedOn: '2025-06-30' },
      ])
      expect(released.at(-2)).toEqual({
        type: 'CommitmentReleased',
        data: {
          frameworkId: F,
          contractId: 'MS-1',
          beneficiaryId: B,
          amount: '1200000.00',
          closedOn: '2025-06-30',
        },
      })
      given(released)
        .when(award('MS-3', B, '1000', '2025-07-01'))
        .thenRejects('framework_ceiling_exceeded', {
          frameworkId: F,
          limit: '0.00',
          attempted: '1000.00',
        })
    })
  })
})
