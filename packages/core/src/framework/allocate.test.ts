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

const allocate = (amount: string, overrides: Record<string, unknown> = {}) => ({
  type: 'Allocate' as const,
  commandId: 'allocate',
  frameworkId: F,
  beneficiaryId: B,
  amount,
  on: '2025-02-01',
  ...overrides,
})

const granted = (amount: string, allocatedOn = '2025-02-01') => ({
  type: 'AllocationGranted' as const,
  data: { frameworkId: F, beneficiaryId: B, amount, allocatedOn },
})

describe('Allocate', () => {
  it('allocates part of the maximum to a beneficiary', () => {
    given(openedFrameworkEvents())
      .when(allocate('250000.5'))
      .then([granted('250000.50')])
  })

  it('dates the allocation today in Paris when no date is given', () => {
    given(openedFrameworkEvents())
      .when(allocate('1', { on: undefined }), { today: '2026-01-02' })
      .then([granted('1.00', '2026-01-02')])
  })

  it('allocates up to the maximum exactly', () => {
    // 2 000 000 maximum, 1 000 000 already allocated to B and C.
    given(openedFrameworkEvents())
      .when(allocate('1000000'))
      .then([granted('1000000.00')])
  })

  it('refuses one cent past the maximum (invariant 1): over_allocation', () => {
    given(openedFrameworkEvents()).when(allocate('1000000.01')).thenRejects('over_allocation', {
      frameworkId: F,
      maximum: '2000000.00',
      allocated: '1000000.00',
      limit: '1000000.00',
      attempted: '1000000.01',
    })
  })

  it('counts what was released and transferred, not only what was granted', () => {
    const history = [
      ...openedFrameworkEvents(),
      {
        type: 'AllocationReleased' as const,
        data: { frameworkId: F, beneficiaryId: B, amount: '100000', releasedOn: '2025-01-15' },
      },
      {
        type: 'AllocationTransferred' as const,
        data: {
          frameworkId: F,
          fromBeneficiaryId: B,
          toBeneficiaryId: SIRETS.beneficiaryC,
          amount: '50000',
          transferredOn: '2025-01-16',
        },
      },
    ]
    given(history)
      .when(allocate('1100000'))
      .then([granted('1100000.00')])
    given(history)
      .when(allocate('1100000.01'))
      .thenRejects('over_allocation', { allocated: '900000.00', limit: '1100000.00' })
  })

  it('does not count commitments: only allocations are bounded by the maximum', () => {
    const history = [
      ...openedFrameworkEvents(),
      ...awardedContractEvents(contractFixture({ amount: '100000' })),
    ]
    given(history)
      .when(allocate('1000000.01'))
      .thenRejects('over_allocation', { limit: '1000000.00' })
  })

  it('refuses a beneficiary that was not named (R2162-6): unknown_beneficiary', () => {
    given(openedFrameworkEvents())
      .when(allocate('1', { beneficiaryId: SIRETS.beneficiaryD }))
      .thenRejects('unknown_beneficiary', { frameworkId: F, beneficiaryId: SIRETS.beneficiaryD })
  })

  it('refuses an unknown framework: unknown_framework', () => {
    given([]).when(allocate('1')).thenRejects('unknown_framework', { frameworkId: F })
  })

  it('refuses a closed framework: framework_not_open', () => {
    given([
      ...openedFrameworkEvents(),
      {
        type: 'FrameworkClosed',
        data: { frameworkId: F, closedOn: '2025-06-01', reason: 'terminated' },
      },
    ])
      .when(allocate('1'))
      .thenRejects('framework_not_open', { frameworkId: F })
  })

  it('refuses zero, negative, three-decimal and numeric amounts', () => {
    for (const amount of ['0', '0.00', '-1', '1.001', '1e3', '']) {
      given(openedFrameworkEvents())
        .when(allocate(amount))
        .thenRejects('invalid_command', { path: 'amount' })
    }
    given(openedFrameworkEvents())
      .when({ ...allocate('1'), amount: 1 } as never)
      .thenRejects('invalid_command', { path: 'amount' })
  })
})
