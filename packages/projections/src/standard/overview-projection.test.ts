import { formatCents } from '@plafond/core'
import { FRAMEWORK, SIRETS } from '@plafond/testing'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { foldProjections } from '../fold/fold-projections.js'
import { bookedLedger } from '../test-support/booked-ledger.js'
import { committedOf, sumOf } from '../test-support/direct-sums.js'
import { runScenario, scenarioArbitrary } from '../test-support/ledger-scenario.js'
import { overviewProjection } from './overview-projection.js'

describe('overviewProjection', () => {
  test('its figures equal a direct fold of the same events', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArbitrary(10, 50), async (scenario) => {
        const { events } = await runScenario(scenario)
        const [view] = overviewProjection.view(
          foldProjections(events, [overviewProjection]).overview,
        )
        const opened = events.find((e) => e.type === 'FrameworkOpened')!.data as {
          estimate: string
          maximum: string
        }
        const maximum = BigInt(opened.maximum.replace('.', ''))
        const committed = committedOf(events)
        const allocated =
          sumOf(events, 'AllocationGranted', 'amount') -
          sumOf(events, 'AllocationReleased', 'amount')
        expect(view).toMatchObject({
          committed: formatCents(committed),
          certified: formatCents(sumOf(events, 'ServiceCertified', 'amount')),
          invoiced: formatCents(sumOf(events, 'InvoiceRecorded', 'amount')),
          paid: formatCents(sumOf(events, 'PaymentRecorded', 'amount')),
          lateInterest: formatCents(sumOf(events, 'LatePaymentInterestDue', 'amount')),
          allocated: formatCents(allocated),
          unallocated: formatCents(maximum - allocated),
          headroom: formatCents(maximum - committed),
          contracts: events.filter((e) => e.type === 'ContractAwarded').length,
        })
      }),
      { numRuns: 15 },
    )
  })

  test('a framework with a call-off, a delivery, an invoice and a payment', async () => {
    const { events } = await bookedLedger([
      {
        type: 'AwardContract',
        frameworkId: FRAMEWORK.frameworkId,
        contractId: 'MS-1',
        beneficiaryId: SIRETS.beneficiaryB,
        holderId: SIRETS.holder1,
        kind: 'subsequent-contract',
        amount: '250000',
        awardedOn: '2025-03-01',
        competition: 'mini-competition',
      },
      {
        type: 'CertifyService',
        contractId: 'MS-1',
        serviceId: 'S-1',
        amount: '40000',
        certifiedOn: '2025-04-01',
      },
      {
        type: 'RecordInvoice',
        contractId: 'MS-1',
        invoiceId: 'F-1',
        amount: '40000',
        vat: '8000',
        receivedOn: '2025-04-02',
      },
      {
        type: 'RecordPayment',
        contractId: 'MS-1',
        paymentId: 'P-1',
        amount: '30000',
        paidOn: '2025-04-20',
        invoiceId: 'F-1',
      },
    ])
    expect(overviewProjection.view(foldProjections(events, [overviewProjection]).overview)).toEqual(
      [
        {
          frameworkId: FRAMEWORK.frameworkId,
          title: FRAMEWORK.title,
          status: 'open',
          startsOn: '2025-01-01',
          endsOn: '2028-12-31',
          closedOn: null,
          closeReason: null,
          maximum: '2000000.00',
          estimate: '1000000.00',
          minimum: null,
          allocated: '1000000.00',
          unallocated: '1000000.00',
          committed: '250000.00',
          certified: '40000.00',
          invoiced: '40000.00',
          paid: '30000.00',
          lateInterest: '0.00',
          headroom: '1750000.00',
          shareOfEstimate: '25.00',
          shareOfMaximum: '12.50',
          holders: 2,
          beneficiaries: 2,
          contracts: 1,
          ceilingReachedOn: null,
        },
      ],
    )
  })

  test('a succeeded holder stops counting; its successor counts; closing shows', async () => {
    const { events } = await bookedLedger([
      {
        type: 'SucceedHolder',
        frameworkId: FRAMEWORK.frameworkId,
        holderId: SIRETS.holder1,
        successorId: SIRETS.holder3,
        successorName: 'Successor',
        succeededOn: '2025-06-01',
        reason: 'Merger',
      },
      {
        type: 'CloseFramework',
        frameworkId: FRAMEWORK.frameworkId,
        closedOn: '2026-01-31',
        reason: 'terminated',
      },
    ])
    const [view] = overviewProjection.view(foldProjections(events, [overviewProjection]).overview)
    expect(view).toMatchObject({
      holders: 2,
      status: 'closed',
      closedOn: '2026-01-31',
      closeReason: 'terminated',
    })
  })
})
