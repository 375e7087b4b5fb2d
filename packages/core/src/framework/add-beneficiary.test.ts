import { FRAMEWORK, given, openedFrameworkEvents, SIRETS } from '@plafond/testing'
import { describe, it } from 'vitest'

const F = FRAMEWORK.frameworkId
const D = SIRETS.beneficiaryD

const addBeneficiary = (beneficiaryId: string, overrides: Record<string, unknown> = {}) => ({
  type: 'AddBeneficiary' as const,
  commandId: `add-${beneficiaryId}`,
  frameworkId: F,
  beneficiaryId,
  name: 'Agence D (synthetic)',
  ...overrides,
})

describe('AddBeneficiary', () => {
  it('names a beneficiary, with its programme, on the given date', () => {
    given(openedFrameworkEvents())
      .when(addBeneficiary(D, { programme: 'P352', on: '2025-02-01' }))
      .then([
        {
          type: 'BeneficiaryAdded',
          data: {
            frameworkId: F,
            beneficiaryId: D,
            name: 'Agence D (synthetic)',
            programme: 'P352',
            addedOn: '2025-02-01',
          },
        },
      ])
  })

  it('dates the addition today in Paris when no date is given', () => {
    given(openedFrameworkEvents())
      .when(addBeneficiary(D), { today: '2025-07-14' })
      .then([
        {
          type: 'BeneficiaryAdded',
          data: {
            frameworkId: F,
            beneficiaryId: D,
            name: 'Agence D (synthetic)',
            addedOn: '2025-07-14',
          },
        },
      ])
  })

  it('refuses a beneficiary already named: beneficiary_exists', () => {
    given(openedFrameworkEvents())
      .when(addBeneficiary(SIRETS.beneficiaryB))
      .thenRejects('beneficiary_exists', { frameworkId: F, beneficiaryId: SIRETS.beneficiaryB })
  })

  it('refuses an unknown framework: unknown_framework', () => {
    given([]).when(addBeneficiary(D)).thenRejects('unknown_framework', { frameworkId: F })
  })

  it('refuses a closed framework: framework_not_open', () => {
    given([
      ...openedFrameworkEvents(),
      {
        type: 'FrameworkClosed',
        data: { frameworkId: F, closedOn: '2025-06-01', reason: 'expired' },
      },
    ])
      .when(addBeneficiary(D))
      .thenRejects('framework_not_open', { closedOn: '2025-06-01' })
  })

  it('refuses a beneficiary that is not a SIRET, and an empty name', () => {
    given(openedFrameworkEvents())
      .when(addBeneficiary('1234'))
      .thenRejects('invalid_command', { path: 'beneficiaryId' })
    given(openedFrameworkEvents())
      .when(addBeneficiary(D, { name: '' }))
      .thenRejects('invalid_command', { path: 'name' })
  })
})
