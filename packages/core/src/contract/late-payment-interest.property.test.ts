import fc from 'fast-check'
import {
  awardedContractEvents,
  contractFixture,
  frameworkFixture,
  given,
  openedFrameworkEvents,
  propertyRuns,
} from '@plafond/testing'
import { describe, expect, it } from 'vitest'
import { addDays, dateFromDayNumber, dayNumber } from '../calendar/business-date.js'
import type { DomainEvent } from '../events/event-catalogue.js'
import { formatCents, parseCents } from '../money/money.js'
import { latePaymentInterest } from './late-payment-interest.js'

// Receptions whose interest, when late, starts in a half-year of the default table (2021-H1 to
// 2026-H1): the 31st day after reception falls between 2021-01-01 and 2026-06-30.
const receivedOn = fc
  .integer({ min: dayNumber('2020-12-01'), max: dayNumber('2026-05-30') })
  .map(dateFromDayNumber)

/** What a payment `days` after reception owes on top of the principal, in cents (0 when on time). */
function owed(base: bigint, received: string, days: number, firstLatePayment = true): bigint {
  const late = latePaymentInterest(base, received, addDays(received, days), firstLatePayment)
  if (late === undefined) return 0n
  if ('missingRate' in late) throw new Error(`No rate for ${late.missingRate}.`)
  return parseCents(late.amount)
}

describe('late-payment interest, over random bases, receptions and payment days', () => {
  it('is zero up to day 30, then never falls from one day to the next, and jumps on day 31', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 1n, max: 99_999_999_999_999n }),
        receivedOn,
        fc.integer({ min: 0, max: 1000 }),
        fc.boolean(),
        (base, received, day, first) => {
          const today = owed(base, received, day, first)
          if (day <= 30) {
            expect(today).toBe(0n)
            return
          }
          expect(today).toBeGreaterThanOrEqual(owed(base, received, day - 1, first))
          if (first) {
            // R2192-36: the 40 € lump sum from the first day late.
            expect(today).toBeGreaterThan(owed(base, received, 30, first))
            expect(today).toBeGreaterThanOrEqual(4000n)
          }
        },
      ),
      { numRuns: propertyRuns(500) },
    )
  })

  it('grows by the pro rata of each day: day d owes d − 30 days of the yearly rate, to the half-cent', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 1n, max: 99_999_999_999_999n }),
        receivedOn,
        fc.integer({ min: 31, max: 1000 }),
        (base, received, day) => {
          const late = latePaymentInterest(base, received, addDays(received, day), false)
          if (late === undefined || 'missingRate' in late) throw new Error('Expected interest.')
          expect(late.daysLate).toBe(day - 30)
          // |interest × 365 × 10 000 − base × rate × days| ≤ half a cent of 365 × 10 000.
          const exact = base * parseCents(late.annualRate) * BigInt(late.daysLate)
          const scaled = parseCents(late.interest) * 3_650_000n
          const gap = scaled > exact ? scaled - exact : exact - scaled
          expect(gap * 2n).toBeLessThanOrEqual(3_650_000n)
        },
      ),
      { numRuns: propertyRuns(300) },
    )
  })

  it('makes RecordPayment write LatePaymentInterestDue exactly after day 30, once with the lump sum', () => {
    // A framework valid from 2020 so that any reception above falls inside its contract.
    const framework = frameworkFixture({ startsOn: '2020-06-01', endsOn: '2024-05-31' })
    const history: DomainEvent[] = [
      ...openedFrameworkEvents(framework),
      ...awardedContractEvents(contractFixture({ awardedOn: '2020-06-01' })),
      {
        type: 'ServiceCertified',
        data: { contractId: 'MS-1', serviceId: 'S-1', amount: '100000', certifiedOn: '2020-06-01' },
      },
    ]
    fc.assert(
      fc.property(
        fc.bigInt({ min: 1n, max: 10_000_000n }),
        fc.bigInt({ min: 0n, max: 2_000_000n }),
        receivedOn,
        fc.integer({ min: 0, max: 400 }),
        (amount, vat, received, day) => {
          const invoiced: DomainEvent = {
            type: 'InvoiceRecorded',
            data: {
              contractId: 'MS-1',
              invoiceId: 'I-1',
              amount: formatCents(amount),
              vat: formatCents(vat),
              receivedOn: received,
            },
          }
          const decision = given([...history, invoiced]).when({
            type: 'RecordPayment',
            commandId: 'pay',
            contractId: 'MS-1',
            paymentId: 'P-1',
            amount: formatCents(amount),
            paidOn: addDays(received, day),
            invoiceId: 'I-1',
          }).decision
          if (!decision.ok) throw new Error(decision.rejection.message)
          const interest = decision.contract.filter((e) => e.type === 'LatePaymentInterestDue')
          expect(interest.length).toBe(day > 30 ? 1 : 0)
          const due = interest[0]
          if (due?.type !== 'LatePaymentInterestDue') return
          // Paid in full: the base is the whole invoice, VAT included.
          expect(due.data.base).toBe(formatCents(amount + vat))
          expect(due.data.lumpSum).toBe('40.00')
          expect(due.data.daysLate).toBe(day - 30)
        },
      ),
      { numRuns: propertyRuns(150) },
    )
  })
})
