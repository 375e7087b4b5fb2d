import {
  awardedContractEvents,
  contractFixture,
  frameworkFixture,
  given,
  openedFrameworkEvents,
} from '@plafond/testing'
import { describe, it } from 'vitest'

// MS-1: 100 000 awarded on 2025-03-01, 30 000 certified.
const certified = [
  ...openedFrameworkEvents(),
  ...awardedContractEvents(contractFixture()),
  {
    type: 'ServiceCertified' as const,
    data: { contractId: 'MS-1', serviceId: 'S-1', amount: '30000', certifiedOn: '2025-04-01' },
  },
]

const pay = (amount: string, overrides: Record<string, unknown> = {}) => ({
  type: 'RecordPayment' as const,
  commandId: 'pay',
  contractId: 'MS-1',
  paymentId: 'P-1',
  amount,
  paidOn: '2025-04-15',
  ...overrides,
})

const paid = (amount: string, paymentId = 'P-1', paidOn = '2025-04-15') => ({
  type: 'PaymentRecorded' as const,
  data: { contractId: 'MS-1', paymentId, amount, paidOn },
})

describe('RecordPayment', () => {
  it('records a payment on the contract stream only', () => {
    given(certified)
      .when(pay('10000'))
      .then([paid('10000.00')])
  })

  it('pays up to what was certified, exactly', () => {
    given([...certified, paid('20000')])
      .when(pay('10000', { paymentId: 'P-2' }))
      .then([paid('10000.00', 'P-2')])
  })

  it('refuses to pay more than was certified (invariant 4): payment_exceeds_service', () => {
    given([...certified, paid('20000')])
      .when(pay('10000.01', { paymentId: 'P-2' }))
      .thenRejects('payment_exceeds_service', {
        contractId: 'MS-1',
        certified: '30000.00',
        paid: '20000.00',
        limit: '10000.00',
        attempted: '10000.01',
      })
  })

  it('refuses any payment before delivery is certified', () => {
    given([...openedFrameworkEvents(), ...awardedContractEvents(contractFixture())])
      .when(pay('0.01'))
      .thenRejects('payment_exceeds_service', {
        certified: '0.00',
        limit: '0.00',
        attempted: '0.01',
      })
  })

  it('keeps paying what was certified after the contract is closed, and no more', () => {
    const closed = [
      ...certified,
      {
        type: 'ContractClosed' as const,
        data: { contractId: 'MS-1', closedOn: '2025-05-01', released: '70000' },
      },
    ]
    given(closed)
      .when(pay('30000', { paidOn: '2025-06-01' }))
      .then([paid('30000.00', 'P-1', '2025-06-01')])
    given(closed)
      .when(pay('30000.01', { paidOn: '2025-06-01' }))
      .thenRejects('payment_exceeds_service', { limit: '30000.00' })
  })

  it('refuses a payment id already recorded: payment_exists', () => {
    given([...certified, paid('1')])
      .when(pay('1'))
      .thenRejects('payment_exists', { contractId: 'MS-1', paymentId: 'P-1' })
  })

  it('refuses a payment dated before the award: invalid_dates', () => {
    given(certified)
      .when(pay('1', { paidOn: '2025-02-28' }))
      .thenRejects('invalid_dates', {
        field: 'paidOn',
        limit: '2025-03-01',
        attempted: '2025-02-28',
      })
  })

  it('refuses an unknown contract: unknown_contract', () => {
    given(certified)
      .when(pay('1', { contractId: 'MS-404' }))
      .thenRejects('unknown_contract', { contractId: 'MS-404' })
  })

  describe('against an invoice (R2192-10: the State pays within 30 days)', () => {
    // Invoice I-1: 10 000 € HT + 2 000 € VAT, received on 2025-04-01, so due on 2025-05-01.
    const invoiced = [
      ...certified,
      {
        type: 'InvoiceRecorded' as const,
        data: {
          contractId: 'MS-1',
          invoiceId: 'I-1',
          amount: '10000',
          vat: '2000',
          receivedOn: '2025-04-01',
        },
      },
    ]
    const payInvoice = (amount: string, paidOn: string, paymentId = 'P-1') =>
      pay(amount, { paidOn, paymentId, invoiceId: 'I-1' })
    const paidInvoice = (amount: string, paidOn: string, paymentId = 'P-1') => ({
      type: 'PaymentRecorded' as const,
      data: { contractId: 'MS-1', paymentId, amount, paidOn, invoiceId: 'I-1' },
    })

    it('owes nothing more when paid on the 30th day', () => {
      given(invoiced)
        .when(payInvoice('10000', '2025-05-01'))
        .then([paidInvoice('10000.00', '2025-05-01')])
    })

    it('owes interest and the 40 € lump sum when paid later (R2192-31, R2192-36)', () => {
      // ECB rate on 1 January 2025 (interest runs from 2025-05-02): 3.15 % + 8 = 11.15 %.
      // 12 000 € (VAT included) × 11.15 % × 10 / 365 = 36.6575… → 36.66 €.
      given(invoiced)
        .when(payInvoice('10000', '2025-05-11'))
        .then([
          paidInvoice('10000.00', '2025-05-11'),
          {
            type: 'LatePaymentInterestDue',
            data: {
              contractId: 'MS-1',
              paymentId: 'P-1',
              invoiceId: 'I-1',
              receivedOn: '2025-04-01',
              dueOn: '2025-05-01',
              paidOn: '2025-05-11',
              daysLate: 10,
              annualRate: '11.15',
              base: '12000.00',
              interest: '36.66',
              lumpSum: '40.00',
              amount: '76.66',
            },
          },
        ])
    })

    it('charges the lump sum once per invoice', () => {
      const history = [
        ...invoiced,
        paidInvoice('5000', '2025-05-11'),
        {
          type: 'LatePaymentInterestDue' as const,
          data: {
            contractId: 'MS-1',
            paymentId: 'P-1',
            invoiceId: 'I-1',
            receivedOn: '2025-04-01',
            dueOn: '2025-05-01',
            paidOn: '2025-05-11',
            daysLate: 10,
            annualRate: '11.15',
            base: '6000.00',
            interest: '18.33',
            lumpSum: '40.00',
            amount: '58.33',
          },
        },
      ]
      // 6 000 € × 11.15 % × 20 / 365 = 36.6575… → 36.66 €, no second lump sum.
      given(history)
        .when(payInvoice('5000', '2025-05-21', 'P-2'))
        .then([
          paidInvoice('5000.00', '2025-05-21', 'P-2'),
          {
            type: 'LatePaymentInterestDue',
            data: {
              contractId: 'MS-1',
              paymentId: 'P-2',
              invoiceId: 'I-1',
              receivedOn: '2025-04-01',
              dueOn: '2025-05-01',
              paidOn: '2025-05-21',
              daysLate: 20,
              annualRate: '11.15',
              base: '6000.00',
              interest: '36.66',
              lumpSum: '0.00',
              amount: '36.66',
            },
          },
        ])
    })

    /** The interest event of a late payment of 10 000 € HT (12 000 € VAT included) on I-1. */
    interface LateFigures {
      readonly daysLate: number
      readonly interest: string
      readonly amount: string
      readonly base?: string
      readonly receivedOn?: string
      readonly dueOn?: string
      readonly annualRate?: string
    }
    const lateOn = (paidOn: string, figures: LateFigures, paymentId = 'P-1') => ({
      type: 'LatePaymentInterestDue' as const,
      data: {
        contractId: 'MS-1',
        paymentId,
        invoiceId: 'I-1',
        receivedOn: '2025-04-01',
        dueOn: '2025-05-01',
        paidOn,
        annualRate: '11.15',
        base: '12000.00',
        lumpSum: '40.00',
        ...figures,
      },
    })

    it('owes one day of interest and the 40 € lump sum on day 31', () => {
      // 12 000 € × 11.15 % × 1 / 365 = 3.6657… → 3.67 €.
      given(invoiced)
        .when(payInvoice('10000', '2025-05-02'))
        .then([
          paidInvoice('10000.00', '2025-05-02'),
          lateOn('2025-05-02', { daysLate: 1, interest: '3.67', amount: '43.67' }),
        ])
    })

    it('charges the lump sum on the first late payment even after an on-time one', () => {
      // 6 000 € (half the invoice, VAT included) × 11.15 % × 1 / 365 = 1.8328… → 1.83 €.
      given([...invoiced, paidInvoice('5000', '2025-04-20')])
        .when(payInvoice('5000', '2025-05-02', 'P-2'))
        .then([
          paidInvoice('5000.00', '2025-05-02', 'P-2'),
          lateOn(
            '2025-05-02',
            { base: '6000.00', daysLate: 1, interest: '1.83', amount: '41.83' },
            'P-2',
          ),
        ])
    })

    it('takes the VAT pro rata into the base, rounded half-up to the cent', () => {
      // I-2: 100.00 € HT + 20.01 € VAT; half of it is 50.00 + 10.005 → 60.01 €.
      const second = [
        ...invoiced,
        {
          type: 'InvoiceRecorded' as const,
          data: {
            contractId: 'MS-1',
            invoiceId: 'I-2',
            amount: '100',
            vat: '20.01',
            receivedOn: '2025-04-01',
          },
        },
      ]
      const decided = given(second).when(pay('50', { paidOn: '2025-05-06', invoiceId: 'I-2' }))
      // 60.01 € × 11.15 % × 5 / 365 = 0.0916… → 0.09 €.
      decided.then([
        {
          type: 'PaymentRecorded',
          data: {
            contractId: 'MS-1',
            paymentId: 'P-1',
            amount: '50.00',
            paidOn: '2025-05-06',
            invoiceId: 'I-2',
          },
        },
        {
          type: 'LatePaymentInterestDue',
          data: {
            contractId: 'MS-1',
            paymentId: 'P-1',
            invoiceId: 'I-2',
            receivedOn: '2025-04-01',
            dueOn: '2025-05-01',
            paidOn: '2025-05-06',
            daysLate: 5,
            annualRate: '11.15',
            base: '60.01',
            interest: '0.09',
            lumpSum: '40.00',
            amount: '40.09',
          },
        },
      ])
    })

    it('checks the certified total before the invoice', () => {
      given(invoiced)
        .when(pay('30000.01', { invoiceId: 'I-404' }))
        .thenRejects('payment_exceeds_service', { limit: '30000.00' })
    })

    it('stays possible on a closed contract, with interest when late', () => {
      const closed = [
        ...invoiced,
        {
          type: 'ContractClosed' as const,
          data: { contractId: 'MS-1', closedOn: '2025-04-15', released: '70000' },
        },
      ]
      given(closed)
        .when(payInvoice('10000', '2025-05-02'))
        .then([
          paidInvoice('10000.00', '2025-05-02'),
          lateOn('2025-05-02', { daysLate: 1, interest: '3.67', amount: '43.67' }),
        ])
    })

    describe('at the rate of the half-year in which interest started to run', () => {
      // A framework from 2023; MS-1 awarded 2023-03-01, 30 000 € certified, and invoice I-1
      // (10 000 € + 2 000 € VAT) received on 2023-06-05: due 2023-07-05, late from 2023-07-06.
      const in2023 = [
        ...openedFrameworkEvents(
          frameworkFixture({ startsOn: '2023-01-01', endsOn: '2026-12-31' }),
        ),
        ...awardedContractEvents(contractFixture({ awardedOn: '2023-03-01' })),
        {
          type: 'ServiceCertified' as const,
          data: {
            contractId: 'MS-1',
            serviceId: 'S-1',
            amount: '30000',
            certifiedOn: '2023-04-01',
          },
        },
        {
          type: 'InvoiceRecorded' as const,
          data: {
            contractId: 'MS-1',
            invoiceId: 'I-1',
            amount: '10000',
            vat: '2000',
            receivedOn: '2023-06-05',
          },
        },
      ]
      const late2023 = (paidOn: string, daysLate: number, interest: string, amount: string) =>
        lateOn(paidOn, {
          receivedOn: '2023-06-05',
          dueOn: '2023-07-05',
          annualRate: '12.00',
          daysLate,
          interest,
          amount,
        })

      it('2023-H2: the ECB rate of 1 July 2023 (4.00) + 8 points', () => {
        // 12 000 € × 12 % × 10 / 365 = 39.4520… → 39.45 €.
        given(in2023)
          .when(payInvoice('10000', '2023-07-15'))
          .then([
            paidInvoice('10000.00', '2023-07-15'),
            late2023('2023-07-15', 10, '39.45', '79.45'),
          ])
      })

      it('keeps that rate when the payment falls in the next half-year', () => {
        // 2023-07-05 to 2024-01-15 is 194 days; 12 000 € × 12 % × 194 / 365 = 765.3698… → 765.37 €.
        given(in2023)
          .when(payInvoice('10000', '2024-01-15'))
          .then([
            paidInvoice('10000.00', '2024-01-15'),
            late2023('2024-01-15', 194, '765.37', '805.37'),
          ])
      })
    })

    it('refuses an invoice not recorded: unknown_invoice', () => {
      given(invoiced)
        .when(pay('1', { invoiceId: 'I-404' }))
        .thenRejects('unknown_invoice', { contractId: 'MS-1', invoiceId: 'I-404' })
    })

    it('refuses to pay more than the invoice leaves: payment_exceeds_invoice', () => {
      given([...invoiced, paidInvoice('4000', '2025-04-20')])
        .when(payInvoice('6000.01', '2025-04-25', 'P-2'))
        .thenRejects('payment_exceeds_invoice', {
          invoiceId: 'I-1',
          limit: '6000.00',
          attempted: '6000.01',
        })
    })

    it('refuses a payment before the invoice was received: invalid_dates', () => {
      given(invoiced).when(payInvoice('1', '2025-03-31')).thenRejects('invalid_dates', {
        field: 'paidOn',
        limit: '2025-04-01',
        attempted: '2025-03-31',
      })
    })

    it('refuses a late payment when the rate table lacks its half-year: missing_rate', () => {
      given(invoiced)
        .when(payInvoice('1', '2025-05-02'), { ecbRates: [] })
        .thenRejects('missing_rate', { paymentId: 'P-1', attempted: '2025-05-02' })
    })
  })
})
