import {
  awardedContractEvents,
  contractFixture,
  FRAMEWORK,
  given,
  openedFrameworkEvents,
  SIRETS,
} from '@plafond/testing'
import { describe, it } from 'vitest'
import type { DomainEvent } from '../events/event-catalogue.js'

const F = FRAMEWORK.frameworkId
const B = SIRETS.beneficiaryB

// MS-1: 100 000 € awarded on 2025-03-01.
const awarded = [...openedFrameworkEvents(), ...awardedContractEvents(contractFixture())]

const invoice = (amount: string, overrides: Record<string, unknown> = {}) => ({
  type: 'RecordInvoice' as const,
  commandId: 'invoice',
  contractId: 'MS-1',
  invoiceId: 'I-1',
  amount,
  vat: '2000',
  receivedOn: '2025-04-01',
  ...overrides,
})

const recorded = (
  amount: string,
  vat = '2000.00',
  invoiceId = 'I-1',
  receivedOn = '2025-04-01',
): DomainEvent => ({
  type: 'InvoiceRecorded',
  data: { contractId: 'MS-1', invoiceId, amount, vat, receivedOn },
})

const modified = (delta: string, newAmount: string): DomainEvent[] => [
  {
    type: 'CommitmentModified',
    data: {
      frameworkId: F,
      contractId: 'MS-1',
      beneficiaryId: B,
      modificationId: 'M-1',
      delta,
      notifiedOn: '2025-03-15',
    },
  },
  {
    type: 'ContractModified',
    data: {
      contractId: 'MS-1',
      modificationId: 'M-1',
      delta,
      legalBasis: 'R2194-1',
      notifiedOn: '2025-03-15',
      reason: 'Option',
      newAmount,
    },
  },
]

describe('RecordInvoice', () => {
  it('records the amount HT, the VAT and the reception date that starts the 30-day clock', () => {
    given(awarded)
      .when(invoice('10000'))
      .then([recorded('10000.00')])
  })

  it('accepts an invoice with no VAT', () => {
    given(awarded)
      .when(invoice('10000', { vat: '0' }))
      .then([recorded('10000.00', '0.00')])
  })

  it('invoices up to the current amount, exactly', () => {
    given([...awarded, recorded('60000', '12000', 'I-0')])
      .when(invoice('40000'))
      .then([recorded('40000.00')])
  })

  it('refuses to invoice past the amount, HT, naming the limit and the attempted figure (invariant 4): invoice_exceeds_commitment', () => {
    // VAT is not counted against the amount, which is HT.
    given([...awarded, recorded('60000', '12000', 'I-0')])
      .when(invoice('40000.01', { vat: '0' }))
      .thenRejects('invoice_exceeds_commitment', {
        contractId: 'MS-1',
        amount: '100000.00',
        invoiced: '60000.00',
        limit: '40000.00',
        attempted: '40000.01',
      })
  })

  it('measures invoices against the amount after modifications', () => {
    given([...awarded, ...modified('20000', '120000')])
      .when(invoice('120000'))
      .then([recorded('120000.00')])
    given([...awarded, ...modified('-20000', '80000')])
      .when(invoice('80000.01'))
      .thenRejects('invoice_exceeds_commitment', { amount: '80000.00', limit: '80000.00' })
  })

  it('stays possible after closing, up to what was certified before it', () => {
    const certified: DomainEvent = {
      type: 'ServiceCertified',
      data: { contractId: 'MS-1', serviceId: 'S-1', amount: '30000.00', certifiedOn: '2025-04-30' },
    }
    const closed: DomainEvent = {
      type: 'ContractClosed',
      data: { contractId: 'MS-1', closedOn: '2025-05-01', released: '70000.00' },
    }
    given([...awarded, certified, closed])
      .when(invoice('30000', { receivedOn: '2025-05-10' }))
      .then([recorded('30000.00', '2000.00', 'I-1', '2025-05-10')])
    given([...awarded, certified, closed])
      .when(invoice('30000.01', { receivedOn: '2025-05-10' }))
      .thenRejects('invoice_exceeds_commitment', {
        amount: '30000.00',
        limit: '30000.00',
        attempted: '30000.01',
      })
  })

  it('refuses an invoice id already recorded: invoice_exists', () => {
    given([...awarded, recorded('1')])
      .when(invoice('1', { commandId: 'again' }))
      .thenRejects('invoice_exists', { contractId: 'MS-1', invoiceId: 'I-1' })
  })

  it('may be received on the award date, never before it: invalid_dates', () => {
    given(awarded)
      .when(invoice('1', { receivedOn: '2025-03-01' }))
      .then([recorded('1.00', '2000.00', 'I-1', '2025-03-01')])
    given(awarded)
      .when(invoice('1', { receivedOn: '2025-02-28' }))
      .thenRejects('invalid_dates', {
        contractId: 'MS-1',
        field: 'receivedOn',
        limit: '2025-03-01',
        attempted: '2025-02-28',
      })
  })

  it('refuses an unknown contract: unknown_contract', () => {
    given(awarded)
      .when(invoice('1', { contractId: 'MS-404' }))
      .thenRejects('unknown_contract', { contractId: 'MS-404' })
  })

  it('refuses bad input: a zero or negative amount, a negative VAT, numbers, a bad date', () => {
    given(awarded).when(invoice('0')).thenRejects('invalid_command', { path: 'amount' })
    given(awarded).when(invoice('-1')).thenRejects('invalid_command', { path: 'amount' })
    given(awarded)
      .when(invoice('1', { vat: '-0.01' }))
      .thenRejects('invalid_command', { path: 'vat' })
    given(awarded)
      .when(invoice('1', { vat: 200 }))
      .thenRejects('invalid_command', { path: 'vat' })
    given(awarded)
      .when(invoice('1', { vat: undefined }))
      .thenRejects('invalid_command', { path: 'vat' })
    given(awarded)
      .when(invoice('1', { receivedOn: '2025-13-01' }))
      .thenRejects('invalid_command', { path: 'receivedOn' })
  })
})
