import { formatCents, parseCents, type LedgerEvent } from '@plafond/core'
import { FRAMEWORK, SIRETS } from '@plafond/testing'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { foldProjections } from '../fold/fold-projections.js'
import { bookedLedger } from '../test-support/booked-ledger.js'
import { runScenario, scenarioArbitrary } from '../test-support/ledger-scenario.js'
import type { UnnumberedCommand } from '../test-support/numbered-commands.js'
import { productsProjection } from './products-projection.js'

interface NaiveProduct {
  readonly spend: { on: string; cents: bigint }[]
  readonly phases: { on: string; phase: string }[]
  readonly measuredOn: string[]
}

function naiveProducts(events: readonly LedgerEvent[]): Map<string, NaiveProduct> {
  const products = new Map<string, NaiveProduct>()
  const of = (key: string): NaiveProduct => {
    const found = products.get(key) ?? { spend: [], phases: [], measuredOn: [] }
    products.set(key, found)
    return found
  }
  const productOf = new Map<string, string>()
  for (const event of events) {
    if (event.type === 'ContractAwarded' && event.data.product !== undefined) {
      productOf.set(event.data.contractId, `${event.data.beneficiaryId}/${event.data.product}`)
      of(`${event.data.beneficiaryId}/${event.data.product}`)
    } else if (event.type === 'ServiceCertified' && productOf.has(event.data.contractId)) {
      of(productOf.get(event.data.contractId)!).spend.push({
        on: event.data.certifiedOn,
        cents: parseCents(event.data.amount),
      })
    } else if (event.type === 'ProductPhaseChanged') {
      of(`${event.data.beneficiaryId}/${event.data.product}`).phases.push({
        on: event.data.changedOn,
        phase: event.data.phase,
      })
    } else if (event.type === 'ImpactRecorded') {
      of(`${event.data.beneficiaryId}/${event.data.product}`).measuredOn.push(event.data.measuredOn)
    }
  }
  return products
}

/** The phase in force on a day: the last change on or before it, later records winning ties. */
function phaseOn(phases: readonly { on: string; phase: string }[], day: string): string | null {
  let found: { on: string; phase: string } | null = null
  for (const change of phases)
    if (change.on <= day && (found === null || change.on >= found.on)) found = change
  return found?.phase ?? null
}

describe('productsProjection', () => {
  test('cost per product, per phase and between measurements equal a direct fold', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArbitrary(15, 60), async (scenario) => {
        const { events } = await runScenario(scenario)
        const naive = naiveProducts(events)
        const view = productsProjection.view(foldProjections(events, [productsProjection]).products)
        expect(view.map((p) => `${p.beneficiaryId}/${p.product}`).sort()).toEqual(
          [...naive.keys()].sort(),
        )
        for (const product of view) {
          const expected = naive.get(`${product.beneficiaryId}/${product.product}`)!
          const total = expected.spend.reduce((sum, s) => sum + s.cents, 0n)
          expect(product.cost).toBe(formatCents(total))
          const byPhase = new Map<string, bigint>()
          let unphased = 0n
          for (const spend of expected.spend) {
            const phase = phaseOn(expected.phases, spend.on)
            if (phase === null) unphased += spend.cents
            else byPhase.set(phase, (byPhase.get(phase) ?? 0n) + spend.cents)
          }
          expect(product.unphasedCost).toBe(formatCents(unphased))
          for (const [phase, cents] of byPhase) {
            expect(product.costByPhase[phase]).toBe(formatCents(cents))
          }
          const phaseTotal = product.phases.reduce((sum, p) => sum + parseCents(p.cost), 0n)
          expect(phaseTotal + unphased).toBe(total)
          const dates = [...expected.measuredOn].sort()
          expect(product.impact.map((p) => [p.from, p.to])).toEqual(
            dates.slice(1).map((to, i) => [dates[i], to]),
          )
          for (const period of product.impact) {
            const cost = expected.spend
              .filter((s) => s.on > period.from && s.on <= period.to)
              .reduce((sum, s) => sum + s.cents, 0n)
            expect(period.cost).toBe(formatCents(cost))
          }
        }
      }),
      { numRuns: 15 },
    )
  })

  test('spend goes to the phase in force on the certification date; impact costs per unit of change', async () => {
    const certify = (serviceId: string, amount: string, certifiedOn: string) =>
      ({ type: 'CertifyService', contractId: 'MS-1', serviceId, amount, certifiedOn }) as const
    const phase = (phase: 'investigation' | 'construction' | 'acceleration', on: string) =>
      ({
        type: 'ChangeProductPhase',
        beneficiaryId: SIRETS.beneficiaryB,
        product: 'alpha',
        phase,
        on,
      }) as const
    const impact = (measuredOn: string, users: string): UnnumberedCommand => ({
      type: 'RecordImpact',
      beneficiaryId: SIRETS.beneficiaryB,
      product: 'alpha',
      measuredOn,
      indicators: [{ name: 'users', value: users, unit: 'people' }],
    })
    const { events } = await bookedLedger([
      {
        type: 'AwardContract',
        frameworkId: FRAMEWORK.frameworkId,
        contractId: 'MS-1',
        beneficiaryId: SIRETS.beneficiaryB,
        holderId: SIRETS.holder1,
        kind: 'subsequent-contract',
        amount: '300000',
        awardedOn: '2025-01-15',
        competition: 'mini-competition',
        product: 'alpha',
      },
      certify('S-0', '5000', '2025-01-31'),
      phase('investigation', '2025-02-01'),
      certify('S-1', '20000', '2025-02-28'),
      impact('2025-03-01', '100'),
      certify('S-2', '30000', '2025-03-31'),
      certify('S-3', '30000', '2025-04-30'),
      // Recorded late, dated back: the April spend is construction's, not investigation's.
      phase('construction', '2025-04-01'),
      impact('2025-05-01', '400'),
      impact('2025-06-01', '400'),
    ])
    const [alpha] = productsProjection.view(foldProjections(events, [productsProjection]).products)
    expect(alpha).toMatchObject({
      product: 'alpha',
      phase: 'construction',
      contracts: 1,
      cost: '85000.00',
      unphasedCost: '5000.00',
      phases: [
        { phase: 'investigation', from: '2025-02-01', to: '2025-04-01', cost: '50000.00' },
        { phase: 'construction', from: '2025-04-01', to: null, cost: '30000.00' },
      ],
      costByPhase: { construction: '30000.00', investigation: '50000.00' },
    })
    expect(alpha!.impact).toEqual([
      {
        from: '2025-03-01',
        to: '2025-05-01',
        cost: '60000.00',
        indicators: [
          {
            name: 'users',
            unit: 'people',
            from: '100',
            to: '400',
            change: '300',
            costPerUnit: '200.00',
          },
        ],
      },
      {
        from: '2025-05-01',
        to: '2025-06-01',
        cost: '0.00',
        indicators: [
          { name: 'users', unit: 'people', from: '400', to: '400', change: '0', costPerUnit: null },
        ],
      },
    ])
  })
})
