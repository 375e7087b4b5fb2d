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

const release = (amount: string, overrides: Record<string, unknown> = {}) => ({
  type: 'ReleaseAllocation' as const,
  commandId: 'release',
  frameworkId: F,
  beneficiaryId: B,
  amount,
  on: '2025-05-01',
  ...overrides,
})

const released = (amount: string, releasedOn = '2025-05-01') => ({
  type: 'AllocationReleased' as const,
  data: { frameworkId: F, beneficiaryId: B, amount, releasedOn },
})

// B: 600 000 allocated, 100 000 committed, so 500 000 unused.
const committed = [
  ...openedFrameworkEvents(),
  ...awardedContractEvents(contractFixture({ amount: '100000' })),
]

describe('ReleaseAllocation', () => {
  it('gives unused allocation back to the framework', () => {
    given(committed)
      .when(release('200000'))
      .then([released('200000.00')])
  })

  it('releases all that is unused, exactly', () => {
    given(committed)
      .when(release('500000'))
      .then([released('500000.00')])
  })

  it('refuses to release committed money (invariant 2): allocation_in_use', () => {
    given(committed).when(release('500000.01')).thenRejects('allocation_in_use', {
      beneficiaryId: B,
      allocated: '600000.00',
      committed: '100000.00',
      limit: '500000.00',
      attempted: '500000.01',
    })
  })

  it('counts money a closing gave back as unused again', () => {
    const history = [
      ...committed,
      {
        type: 'CommitmentReleased' as const,
        data: {
          frameworkId: F,
          contractId: 'MS-1',
          beneficiaryId: B,
          amount: '40000',
          closedOn: '2025-04-01',
        },
      },
    ]
    given(history)
      .when(release('540000'))
      .then([released('540000.00')])
    given(history)
      .when(release('540000.01'))
      .thenRejects('allocation_in_use', { limit: '540000.00' })
  })

  it('dates the release today in Paris when no date is given', () => {
    given(committed)
      .when(release('1', { on: undefined }), { today: '2025-12-31' })
      .then([released('1.00', '2025-12-31')])
  })

  it('refuses a beneficiary that was not named: unknown_beneficiary', () => {
    given(committed)
      .when(release('1', { beneficiaryId: SIRETS.beneficiaryD }))
      .thenRejects('unknown_beneficiary', { beneficiaryId: SIRETS.beneficiaryD })
  })

  it('refuses an unknown framework: unknown_framework', () => {
    given([]).when(release('1')).thenRejects('unknown_framework', { frameworkId: F })
  })
})
