import { daysBetween, divideHalfUp, formatCents, parseCents, type LedgerEvent } from '@plafond/core'
import { FRAMEWORK, SIRETS } from '@plafond/testing'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { foldProjections } from '../fold/fold-projections.js'
import { bookedLedger } from '../test-support/booked-ledger.js'
import { sumOf } from '../test-support/direct-sums.js'
import { runScenario, scenarioArbitrary } from '../test-support/ledger-scenario.js'
import { paymentDelaysProjection } from './payment-delays-projection.js'

/** Days from reception to payment of every payment that names an invoice, and their amounts. */
function naiveDelays(events: readonly LedgerEvent[]): { days: number; cents: bigint }[] {
  const received = new Map<string, string>()
  const out: { days: number; cents: bigint }[] = []
  for (const event of events) {
    if (event.type === 'InvoiceRecorded') {
      received.set(`${event.data.contractId}|${event.data.invoiceId}`, event.data.receivedOn)
    } else if (event.type === 'PaymentRecorded' && event.data.invoiceId !== undefined) {
      const on = received.get(`${event.data.contractId}|${event.data.invoiceId}`)!
      out.push({ days: daysBetween(on, event.data.paidOn), cents: parseCents(event.data.amount) })
    }
  }
  return out
}

describe('paymentDelaysProjection', () => {
  test('delays, the share paid within 30 days and the interest due equal a direct fold', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArbitrary(15, 60), async (scenario) => {
        const { events } = await runScenario(scenario)
        const delays = naiveDelays(events)
        const [view] = paymentDelaysProjection.view(
          foldProjections(events, [paymentDelaysProjection]).paymentDelays,
        )
        if (view === undefined) return
        const onTime = delays.filter((d) => d.days <= 30)
        const amount = delays.reduce((sum, d) => sum + d.cents, 0n)
        const onTimeAmount = onTime.reduce((sum, d) => sum + d.cents, 0n)
        const interest = sumOf(events, 'LatePaymentInterestDue', 'interest')
        const lumpSums = sumOf(events, 'LatePaymentInterestDue', 'lumpSum')
        const totalDays = delays.reduce((sum, d) => sum + d.days, 0)
        expect(view).toMatchObject({
          payments: delays.length,
          onTime: onTime.length,
          onTimeShare:
            delays.length === 0
              ? null
              : formatCents(divideHalfUp(BigInt(onTime.length) * 10_000n, BigInt(delays.length))),
          onTimeAmountShare:
            amount === 0n ? null : formatCents(divideHalfUp(onTimeAmount * 10_000n, amount)),
          maxDays: delays.length === 0 ? null : Math.max(...delays.map((d) => d.days)),
          upTo30Days: onTime.length,
          upTo60Days: delays.filter((d) => d.days > 30 && d.days <= 60).length,
          upTo90Days: delays.filter((d) => d.days > 60 && d.days <= 90).length,
          over90Days: delays.filter((d) => d.days > 90).length,
          paymentsWithoutInvoice: events.filter(
            (e) => e.type === 'PaymentRecorded' && e.data.invoiceId === undefined,
          ).length,
          latePayments: events.filter((e) => e.type === 'LatePaymentInterestDue').length,
          interest: formatCents(interest),
          lumpSums: formatCents(lumpSums),
          interestDue: formatCents(sumOf(events, 'LatePaymentInterestDue', 'amount')),
        })
        if (delays.length > 0) {
          const tenths = divideHalfUp(BigInt(totalDays) * 10n, BigInt(delays.length))
          expect(view.averageDays).toBe(`${tenths / 10n}.${tenths % 10n}`)
        }
        // Every payment later than 30 days owes interest (R2192-10): the ledger says so too.
        expect(view.latePayments).toBe(delays.length - onTime.length)
      }),
      { numRuns: 15 },
    )
  })

  test('a payment 44 days after reception is late; one 30 days after is on time', async () => {
    const { events } = await bookedLedger([
      {
        type: 'AwardContract',
        frameworkId: FRAMEWORK.frameworkId,
        contractId: 'MS-1',
        beneficiaryId: SIRETS.beneficiaryB,
        holderId: SIRETS.holder1,
        kind: 'subsequent-contract',
        amount: '100000',
        awardedOn: '2025-02-01',
        competition: 'mini-competition',
      },
      {
        type: 'CertifyService',
        contractId: 'MS-1',
        serviceId: 'S-1',
        amount: '30000',
        certifiedOn: '2025-03-01',
      },
      {
        type: 'RecordInvoice',
        contractId: 'MS-1',
        invoiceId: 'F-1',
        amount: '10000',
        vat: '2000',
        receivedOn: '2025-04-01',
      },
      {
        type: 'RecordInvoice',
        contractId: 'MS-1',
        invoiceId: 'F-2',
        amount: '20000',
        vat: '4000',
        receivedOn: '2025-04-01',
      },
      {
        type: 'RecordPayment',
        contractId: 'MS-1',
        paymentId: 'P-1',
        amount: '10000',
        paidOn: '2025-05-15',
        invoiceId: 'F-1',
      },
      {
        type: 'RecordPayment',
        contractId: 'MS-1',
        paymentId: 'P-2',
        amount: '20000',
        paidOn: '2025-05-01',
        invoiceId: 'F-2',
      },
    ])
    const [view] = paymentDelaysProjection.view(
      foldProjections(events, [paymentDelaysProjection]).paymentDelays,
    )
    const late = events.find((e) => e.type === 'LatePaymentInterestDue')!
    expect(view).toMatchObject({
      payments: 2,
      onTime: 1,
      onTimeShare: '50.00',
      onTimeAmountShare: '66.67',
      averageDays: '37.0',
      maxDays: 44,
      upTo30Days: 1,
      upTo60Days: 1,
      latePayments: 1,
      lumpSums: '40.00',
      interestDue: (late.data as { amount: string }).amount,
    })
    expect(view!.beneficiaries).toEqual([
      expect.objectContaining({ beneficiaryId: SIRETS.beneficiaryB, payments: 2, onTime: 1 }),
    ])
  })
})
