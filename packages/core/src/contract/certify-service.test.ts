import {
  awardedContractEvents,
  contractFixture,
  given,
  openedFrameworkEvents,
} from '@plafond/testing'
import { describe, it } from 'vitest'

// MS-1: 100 000 awarded on 2025-03-01.
const awarded = [...openedFrameworkEvents(), ...awardedContractEvents(contractFixture())]

const certify = (amount: string, overrides: Record<string, unknown> = {}) => ({
  type: 'CertifyService' as const,
  commandId: 'certify',
  contractId: 'MS-1',
  serviceId: 'S-1',
  amount,
  certifiedOn: '2025-04-01',
  ...overrides,
})

const certified = (amount: string, serviceId = 'S-1', certifiedOn = '2025-04-01') => ({
  type: 'ServiceCertified' as const,
  data: { contractId: 'MS-1', serviceId, amount, certifiedOn },
})

const closed = {
  type: 'ContractClosed' as const,
  data: { contractId: 'MS-1', closedOn: '2025-05-01', released: '100000.00' },
}

describe('CertifyService', () => {
  it('certifies delivery on the contract stream only', () => {
    given(awarded)
      .when(certify('30000'))
      .then([certified('30000.00')])
  })

  it('records the period the delivery covers', () => {
    given(awarded)
      .when(certify('1', { periodStart: '2025-03-01', periodEnd: '2025-03-31' }))
      .then([
        {
          type: 'ServiceCertified',
          data: {
            contractId: 'MS-1',
            serviceId: 'S-1',
            amount: '1.00',
            certifiedOn: '2025-04-01',
            period: { from: '2025-03-01', to: '2025-03-31' },
          },
        },
      ])
  })

  it('certifies up to the contract amount, exactly', () => {
    given([...awarded, certified('60000')])
      .when(certify('40000', { serviceId: 'S-2' }))
      .then([certified('40000.00', 'S-2')])
  })

  it('refuses to certify past the contract amount (invariant 4): service_exceeds_commitment', () => {
    given([...awarded, certified('60000')])
      .when(certify('40000.01', { serviceId: 'S-2' }))
      .thenRejects('service_exceeds_commitment', {
        contractId: 'MS-1',
        amount: '100000.00',
        certified: '60000.00',
        limit: '40000.00',
        attempted: '40000.01',
      })
  })

  it('refuses a service id already certified: service_exists', () => {
    given([...awarded, certified('1')])
      .when(certify('1'))
      .thenRejects('service_exists', { contractId: 'MS-1', serviceId: 'S-1' })
  })

  it('refuses a closed contract: contract_closed', () => {
    given([...awarded, closed])
      .when(certify('1', { certifiedOn: '2025-05-02' }))
      .thenRejects('contract_closed', { contractId: 'MS-1', closedOn: '2025-05-01' })
  })

  it('refuses dates before the award: invalid_dates', () => {
    given(awarded)
      .when(certify('1', { certifiedOn: '2025-02-28' }))
      .thenRejects('invalid_dates', {
        field: 'certifiedOn',
        limit: '2025-03-01',
        attempted: '2025-02-28',
      })
    given(awarded)
      .when(certify('1', { periodStart: '2025-02-01', periodEnd: '2025-03-31' }))
      .thenRejects('invalid_dates', {
        field: 'periodStart',
        limit: '2025-03-01',
        attempted: '2025-02-01',
      })
  })

  it('refuses a period that ends before it starts', () => {
    given(awarded)
      .when(certify('1', { periodStart: '2025-03-31', periodEnd: '2025-03-01' }))
      .thenRejects('invalid_command', { path: 'periodEnd' })
  })

  it('refuses an unknown contract: unknown_contract', () => {
    given(awarded)
      .when(certify('1', { contractId: 'MS-404' }))
      .thenRejects('unknown_contract', { contractId: 'MS-404' })
  })
})
