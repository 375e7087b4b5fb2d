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

// MS-1: a subsequent contract of 100 000 € awarded to holder 1 for B on 2025-03-01.
const awarded = [...openedFrameworkEvents(), ...awardedContractEvents(contractFixture())]

const order = (amount: string, overrides: Record<string, unknown> = {}) => ({
  type: 'IssueOrder' as const,
  commandId: 'order',
  contractId: 'MS-1',
  orderId: 'O-1',
  amount,
  issuedOn: '2025-04-01',
  ...overrides,
})

const issued = (amount: string, orderId = 'O-1', issuedOn = '2025-04-01') => ({
  type: 'OrderIssued' as const,
  data: { contractId: 'MS-1', orderId, amount, issuedOn },
})

/** A modification of MS-1's amount, both streams. */
const modified = (delta: string, newAmount: string, modificationId = 'M-1') => [
  {
    type: 'CommitmentModified' as const,
    data: {
      frameworkId: F,
      contractId: 'MS-1',
      beneficiaryId: B,
      modificationId,
      delta,
      notifiedOn: '2025-03-15',
    },
  },
  {
    type: 'ContractModified' as const,
    data: {
      contractId: 'MS-1',
      modificationId,
      delta,
      legalBasis: 'R2194-1' as const,
      notifiedOn: '2025-03-15',
      reason: 'Option exercised',
      newAmount,
    },
  },
]

describe('IssueOrder', () => {
  it('issues a purchase order under a subsequent contract, on the contract stream only (R2162-8)', () => {
    given(awarded)
      .when(order('25000'))
      .then([issued('25000.00')])
  })

  it('orders up to the contract amount, exactly', () => {
    given([...awarded, issued('60000')])
      .when(order('40000', { orderId: 'O-2' }))
      .then([issued('40000.00', 'O-2')])
  })

  it('refuses orders past the amount, naming the limit and the attempted figure (invariant 4): order_exceeds_contract', () => {
    given([...awarded, issued('60000')])
      .when(order('40000.01', { orderId: 'O-2' }))
      .thenRejects('order_exceeds_contract', {
        contractId: 'MS-1',
        amount: '100000.00',
        ordered: '60000.00',
        limit: '40000.00',
        attempted: '40000.01',
      })
  })

  it('measures orders against the current amount: after an increase and after a decrease', () => {
    const increased = [...awarded, issued('60000'), ...modified('10000', '110000')]
    given(increased)
      .when(order('50000', { orderId: 'O-2' }))
      .then([issued('50000.00', 'O-2')])
    given(increased)
      .when(order('50000.01', { orderId: 'O-2' }))
      .thenRejects('order_exceeds_contract', { amount: '110000.00', limit: '50000.00' })

    const decreased = [...awarded, issued('60000'), ...modified('-30000', '70000')]
    given(decreased)
      .when(order('10000.01', { orderId: 'O-2' }))
      .thenRejects('order_exceeds_contract', {
        amount: '70000.00',
        limit: '10000.00',
        attempted: '10000.01',
      })
  })

  it('refuses an order under a purchase order: invalid_command', () => {
    const purchaseOrder = [
      ...openedFrameworkEvents(),
      ...awardedContractEvents(contractFixture({ kind: 'purchase-order' })),
    ]
    given(purchaseOrder).when(order('1')).thenRejects('invalid_command', { path: 'contractId' })
  })

  it('refuses an order id already issued under the contract: order_exists', () => {
    given([...awarded, issued('1')])
      .when(order('1', { commandId: 'again' }))
      .thenRejects('order_exists', { contractId: 'MS-1', orderId: 'O-1' })
  })

  it('refuses a closed contract: contract_closed', () => {
    const closed = {
      type: 'ContractClosed' as const,
      data: { contractId: 'MS-1', closedOn: '2025-05-01', released: '100000' },
    }
    given([...awarded, closed])
      .when(order('1'))
      .thenRejects('contract_closed', { contractId: 'MS-1', closedOn: '2025-05-01' })
  })

  it('may be issued on the award date, never before it: invalid_dates', () => {
    given(awarded)
      .when(order('1', { issuedOn: '2025-03-01' }))
      .then([issued('1.00', 'O-1', '2025-03-01')])
    given(awarded)
      .when(order('1', { issuedOn: '2025-02-28' }))
      .thenRejects('invalid_dates', {
        contractId: 'MS-1',
        field: 'issuedOn',
        limit: '2025-03-01',
        attempted: '2025-02-28',
      })
  })

  it('refuses an unknown contract: unknown_contract', () => {
    given(awarded)
      .when(order('1', { contractId: 'MS-404' }))
      .thenRejects('unknown_contract', { contractId: 'MS-404' })
  })

  it('refuses bad input: a zero amount, a number, a bad date, an unknown field', () => {
    given(awarded).when(order('0')).thenRejects('invalid_command', { path: 'amount' })
    given(awarded)
      .when(order('1', { amount: 1 }))
      .thenRejects('invalid_command', { path: 'amount' })
    given(awarded)
      .when(order('1', { issuedOn: '2025-04-31' }))
      .thenRejects('invalid_command', { path: 'issuedOn' })
    given(awarded)
      .when(order('1', { orderId: 'O 1' }))
      .thenRejects('invalid_command', { path: 'orderId' })
    given(awarded)
      .when(order('1', { beneficiaryId: B }))
      .thenRejects('invalid_command', { path: 'beneficiaryId' })
  })
})
