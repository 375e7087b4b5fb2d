import { formatCents, parseCents, type LedgerEvent } from '@plafond/core'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { foldProjections } from '../fold/fold-projections.js'
import { committedOf, fieldsOf, sumOf } from '../test-support/direct-sums.js'
import { runScenario, scenarioArbitrary } from '../test-support/ledger-scenario.js'
import { beneficiariesProjection } from './beneficiaries-projection.js'
import { overviewProjection } from './overview-projection.js'

/** beneficiaryId of each call-off, read from the contract stream. */
function beneficiaryOfContracts(events: readonly LedgerEvent[]): Map<string, string> {
  const owners = new Map<string, string>()
  for (const event of events) {
    if (event.type === 'ContractAwarded')
      owners.set(event.data.contractId, event.data.beneficiaryId)
  }
  return owners
}

describe('beneficiariesProjection', () => {
  test('its figures equal a direct fold, and Σ committed equals the overview’s to the cent', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArbitrary(10, 50), fc.nat(), async (scenario, pick) => {
        const { events } = await runScenario(scenario)
        // Also as of a date taken from the log: the sum holds at every date.
        const asOf = events[pick % events.length]!.meta.effectiveOn
        for (const window of [{}, { asOf }]) {
          const states = foldProjections(
            events,
            [overviewProjection, beneficiariesProjection],
            window,
          )
          const rows = beneficiariesProjection.view(states.beneficiaries)
          const [overview] = overviewProjection.view(states.overview)
          const total = rows.reduce((sum, row) => sum + parseCents(row.committed), 0n)
          expect(formatCents(total)).toBe(overview?.committed ?? '0.00')
        }
        const owners = beneficiaryOfContracts(events)
        for (const row of beneficiariesProjection.view(
          foldProjections(events, [beneficiariesProjection]).beneficiaries,
        )) {
          const id = row.beneficiaryId
          const mine = (e: LedgerEvent): boolean => fieldsOf(e).beneficiaryId === id
          const ofMyContracts = (e: LedgerEvent): boolean =>
            owners.get(fieldsOf(e).contractId!) === id
          const allocated =
            sumOf(events, 'AllocationGranted', 'amount', mine) -
            sumOf(events, 'AllocationReleased', 'amount', mine) +
            sumOf(
              events,
              'AllocationTransferred',
              'amount',
              (e) => fieldsOf(e).toBeneficiaryId === id,
            ) -
            sumOf(
              events,
              'AllocationTransferred',
              'amount',
              (e) => fieldsOf(e).fromBeneficiaryId === id,
            )
          const committed = committedOf(events, mine)
          expect(row).toMatchObject({
            allocated: formatCents(allocated),
            committed: formatCents(committed),
            headroom: formatCents(allocated - committed),
            certified: formatCents(sumOf(events, 'ServiceCertified', 'amount', ofMyContracts)),
            invoiced: formatCents(sumOf(events, 'InvoiceRecorded', 'amount', ofMyContracts)),
            paid: formatCents(sumOf(events, 'PaymentRecorded', 'amount', ofMyContracts)),
            lateInterest: formatCents(
              sumOf(events, 'LatePaymentInterestDue', 'amount', ofMyContracts),
            ),
          })
          // Invariant 2 of DOMAIN.md, seen from the projection.
          expect(committed <= allocated).toBe(true)
        }
      }),
      { numRuns: 15 },
    )
  })
})
