import {
  awardContractCommand,
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

// MS-1: 100 000 awarded on 2025-03-01, 30 000 certified.
const certified = [
  ...openedFrameworkEvents(),
  ...awardedContractEvents(contractFixture()),
  {
    type: 'ServiceCertified' as const,
    data: { contractId: 'MS-1', serviceId: 'S-1', amount: '30000', certifiedOn: '2025-04-01' },
  },
]

const close = (overrides: Record<string, unknown> = {}) => ({
  type: 'CloseContract' as const,
  commandId: 'close',
  contractId: 'MS-1',
  closedOn: '2025-05-01',
  ...overrides,
})

const closedEvents = (released: string, closedOn = '2025-05-01') => [
  {
    type: 'CommitmentReleased' as const,
    data: { frameworkId: F, contractId: 'MS-1', beneficiaryId: B, amount: released, closedOn },
  },
  { type: 'ContractClosed' as const, data: { contractId: 'MS-1', closedOn, released } },
]

describe('CloseContract', () => {
  it('releases the uncertified remainder to the beneficiary and the framework', () => {
    given(certified).when(close()).then(closedEvents('70000.00'))
  })

  it('releases nothing when everything was certified', () => {
    given([
      ...certified,
      {
        type: 'ServiceCertified',
        data: { contractId: 'MS-1', serviceId: 'S-2', amount: '70000', certifiedOn: '2025-04-02' },
      },
    ])
      .when(close())
      .then(closedEvents('0.00'))
  })

  it('gives the released money back as headroom for new call-offs', () => {
    // B: 600 000 allocated, 100 000 committed, 70 000 released: 570 000 available.
    const history = [...certified, ...closedEvents('70000')]
    given(history)
      .when(awardContractCommand(contractFixture({ contractId: 'MS-2', amount: '570000.01' })))
      .thenRejects('allocation_exceeded', { committed: '30000.00', limit: '570000.00' })
  })

  it('may close on the award date, not before: invalid_dates', () => {
    given(certified)
      .when(close({ closedOn: '2025-03-01' }))
      .then(closedEvents('70000.00', '2025-03-01'))
    given(certified)
      .when(close({ closedOn: '2025-02-28' }))
      .thenRejects('invalid_dates', {
        field: 'closedOn',
        limit: '2025-03-01',
        attempted: '2025-02-28',
      })
  })

  it('closes once: contract_closed', () => {
    given([...certified, ...closedEvents('70000')])
      .when(close({ closedOn: '2025-06-01' }))
      .thenRejects('contract_closed', { contractId: 'MS-1', closedOn: '2025-05-01' })
  })

  it('refuses an unknown contract: unknown_contract', () => {
    given(certified)
      .when(close({ contractId: 'MS-404' }))
      .thenRejects('unknown_contract', { contractId: 'MS-404' })
  })
})
