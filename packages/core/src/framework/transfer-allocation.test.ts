import {
  awardedContractEvents,
  contractFixture,
  FRAMEWORK,
  given,
  openedFrameworkEvents,
  SIRETS,
} from '@plafond/testing'
import { describe, it } from 'vitest'

const F = FRAMEWORK.frameworkId
const B = SIRETS.beneficiaryB
const C = SIRETS.beneficiaryC

const transfer = (amount: string, overrides: Record<string, unknown> = {}) => ({
  type: 'TransferAllocation' as const,
  commandId: 'transfer',
  frameworkId: F,
  fromBeneficiaryId: B,
  toBeneficiaryId: C,
  amount,
  on: '2025-05-01',
  ...overrides,
})

const transferred = (amount: string, transferredOn = '2025-05-01') => ({
  type: 'AllocationTransferred' as const,
  data: { frameworkId: F, fromBeneficiaryId: B, toBeneficiaryId: C, amount, transferredOn },
})

// B: 600 000 allocated, 100 000 committed, so 500 000 unused. C: 400 000 allocated.
const committed = [
  ...openedFrameworkEvents(),
  ...awardedContractEvents(contractFixture({ amount: '100000' })),
]

describe('TransferAllocation', () => {
  it('moves unused allocation from one beneficiary to another in one event', () => {
    given(committed)
      .when(transfer('500000'))
      .then([transferred('500000.00')])
  })

  it('refuses to give away committed money: allocation_in_use', () => {
    given(committed).when(transfer('500000.01')).thenRejects('allocation_in_use', {
      beneficiaryId: B,
      allocated: '600000.00',
      committed: '100000.00',
      limit: '500000.00',
      attempted: '500000.01',
    })
  })

  it('lets the receiver commit what it received', () => {
    const history = [...committed, transferred('100000')]
    // C now has 500 000: an award of 500 000 fits, one cent more does not.
    given(history)
      .when({
        type: 'AwardContract',
        commandId: 'award',
        frameworkId: F,
        contractId: 'MS-C',
        beneficiaryId: C,
        holderId: SIRETS.holder1,
        kind: 'subsequent-contract',
        amount: '500000.01',
        awardedOn: '2025-06-01',
        competition: 'mini-competition',
      })
      .thenRejects('allocation_exceeded', { beneficiaryId: C, limit: '500000.00' })
  })

  it('refuses a giver or a receiver that was not named: unknown_beneficiary', () => {
    given(committed)
      .when(transfer('1', { fromBeneficiaryId: SIRETS.beneficiaryD }))
      .thenRejects('unknown_beneficiary', { beneficiaryId: SIRETS.beneficiaryD })
    given(committed)
      .when(transfer('1', { toBeneficiaryId: SIRETS.beneficiaryE }))
      .thenRejects('unknown_beneficiary', { beneficiaryId: SIRETS.beneficiaryE })
  })

  it('refuses a transfer to oneself', () => {
    given(committed)
      .when(transfer('1', { toBeneficiaryId: B }))
      .thenRejects('invalid_command', { path: 'toBeneficiaryId' })
  })

  it('dates the transfer today in Paris when no date is given', () => {
    given(committed)
      .when(transfer('1', { on: undefined }), { today: '2025-08-01' })
      .then([transferred('1.00', '2025-08-01')])
  })

  it('refuses an unknown or closed framework', () => {
    given([]).when(transfer('1')).thenRejects('unknown_framework', { frameworkId: F })
    given([
      ...committed,
      {
        type: 'FrameworkClosed',
        data: { frameworkId: F, closedOn: '2025-06-01', reason: 'terminated' },
      },
    ])
      .when(transfer('1'))
      .thenRejects('framework_not_open', { closedOn: '2025-06-01' })
  })
})
