import { formatCents, parseCents, type LedgerEvent } from '@plafond/core'
import { FRAMEWORK, SIRETS } from '@plafond/testing'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { foldProjections } from '../fold/fold-projections.js'
import { bookedLedger } from '../test-support/booked-ledger.js'
import { runScenario, scenarioArbitrary } from '../test-support/ledger-scenario.js'
import { holdersProjection } from './holders-projection.js'
import { overviewProjection } from './overview-projection.js'

interface Naive {
  awarded: bigint
  committed: bigint
  certified: bigint
  paid: bigint
}

/** Walks the log once, keeping each call-off's holder and net commitment, as a reader would by hand. */
function naiveHolders(events: readonly LedgerEvent[]): Map<string, Naive> {
  const holders = new Map<string, Naive>()
  const of = (id: string): Naive => {
    const found = holders.get(id) ?? { awarded: 0n, committed: 0n, certified: 0n, paid: 0n }
    holders.set(id, found)
    return found
  }
  const contracts = new Map<string, { holder: string; committed: bigint }>()
  for (const event of events) {
    switch (event.type) {
      case 'CommitmentAwarded': {
        const amount = parseCents(event.data.amount)
        contracts.set(event.data.contractId, { holder: event.data.holderId, committed: amount })
        of(event.data.holderId).awarded += amount
        break
      }
      case 'CommitmentModified':
        contracts.get(event.data.contractId)!.committed += parseCents(event.data.delta)
        break
      case 'CommitmentReleased':
        contracts.get(event.data.contractId)!.committed -= parseCents(event.data.amount)
        break
      case 'ContractModified':
        if (event.data.newHolderId !== undefined)
          contracts.get(event.data.contractId)!.holder = event.data.newHolderId
        break
      case 'ServiceCertified':
        of(contracts.get(event.data.contractId)!.holder).certified += parseCents(event.data.amount)
        break
      case 'PaymentRecorded':
        of(contracts.get(event.data.contractId)!.holder).paid += parseCents(event.data.amount)
        break
      default:
        break
    }
  }
  for (const contract of contracts.values()) of(contract.holder).committed += contract.committed
  return holders
}

describe('holdersProjection', () => {
  test('its figures equal a direct fold, and Σ committed equals the overview’s to the cent', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArbitrary(10, 50), fc.nat(), async (scenario, pick) => {
        const { events } = await runScenario(scenario)
        const asOf = events[pick % events.length]!.meta.effectiveOn
        for (const window of [{}, { asOf }]) {
          const states = foldProjections(events, [overviewProjection, holdersProjection], window)
          const [holders] = holdersProjection.view(states.holders)
          const [overview] = overviewProjection.view(states.overview)
          const total = (holders?.holders ?? []).reduce(
            (sum, h) => sum + parseCents(h.committed),
            0n,
          )
          expect(formatCents(total)).toBe(overview?.committed ?? '0.00')
        }
        const naive = naiveHolders(events)
        const [view] = holdersProjection.view(foldProjections(events, [holdersProjection]).holders)
        for (const holder of view?.holders ?? []) {
          const expected = naive.get(holder.holderId) ?? {
            awarded: 0n,
            committed: 0n,
            certified: 0n,
            paid: 0n,
          }
          expect(holder).toMatchObject({
            awarded: formatCents(expected.awarded),
            committed: formatCents(expected.committed),
            certified: formatCents(expected.certified),
            paid: formatCents(expected.paid),
          })
        }
      }),
      { numRuns: 15 },
    )
  })

  test('after a succession the former holder keeps what it was awarded; the successor holds the call-off', async () => {
    const award = (contractId: string, holderId: string, amount: string) =>
      ({
        type: 'AwardContract',
        frameworkId: FRAMEWORK.frameworkId,
        contractId,
        beneficiaryId: SIRETS.beneficiaryB,
        holderId,
        kind: 'subsequent-contract',
        amount,
        awardedOn: '2025-02-01',
        competition: 'mini-competition',
      }) as const
    const { events } = await bookedLedger([
      award('MS-1', SIRETS.holder1, '300000'),
      award('MS-2', SIRETS.holder2, '100000'),
      {
        type: 'CertifyService',
        contractId: 'MS-1',
        serviceId: 'S-1',
        amount: '50000',
        certifiedOn: '2025-03-01',
      },
      {
        type: 'SucceedHolder',
        frameworkId: FRAMEWORK.frameworkId,
        holderId: SIRETS.holder1,
        successorId: SIRETS.holder3,
        successorName: 'Successor (synthetic)',
        succeededOn: '2025-04-01',
        reason: 'Merger',
      },
      {
        type: 'ModifyContract',
        contractId: 'MS-1',
        modificationId: 'AV-1',
        delta: '0',
        legalBasis: 'R2194-6',
        notifiedOn: '2025-04-01',
        reason: 'Holder merged',
        newHolderId: SIRETS.holder3,
      },
      {
        type: 'CertifyService',
        contractId: 'MS-1',
        serviceId: 'S-2',
        amount: '20000',
        certifiedOn: '2025-05-01',
      },
    ])
    const [view] = holdersProjection.view(foldProjections(events, [holdersProjection]).holders)
    const byId = new Map(view!.holders.map((h) => [h.holderId, h]))
    expect(byId.get(SIRETS.holder1)).toMatchObject({
      awarded: '300000.00',
      committed: '0.00',
      certified: '50000.00',
      succeededBy: SIRETS.holder3,
      succeededOn: '2025-04-01',
      contractsAwarded: 1,
      contractsHeld: 0,
    })
    expect(byId.get(SIRETS.holder3)).toMatchObject({
      name: 'Successor (synthetic)',
      awarded: '0.00',
      committed: '300000.00',
      certified: '20000.00',
      shareOfCommitted: '75.00',
      contractsHeld: 1,
    })
    expect(byId.get(SIRETS.holder2)).toMatchObject({
      committed: '100000.00',
      shareOfCommitted: '25.00',
    })
    // 75² + 25² over what is held now; 75² + 25² over what was awarded, too.
    expect(view).toMatchObject({
      committed: '400000.00',
      concentration: 6_250,
      awardedConcentration: 6_250,
    })
  })
})
