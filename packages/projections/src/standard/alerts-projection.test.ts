import { FRAMEWORK, SIRETS } from '@plafond/testing'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { foldProjections } from '../fold/fold-projections.js'
import { bookedLedger } from '../test-support/booked-ledger.js'
import { fieldsOf } from '../test-support/direct-sums.js'
import { runScenario, scenarioArbitrary } from '../test-support/ledger-scenario.js'
import { alertsProjection } from './alerts-projection.js'

describe('alertsProjection', () => {
  test('lists every threshold crossed and ceiling reached, with its date, in date order', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArbitrary(10, 50), async (scenario) => {
        const { events } = await runScenario(scenario)
        const raised = events.filter(
          (e) => e.type === 'ThresholdCrossed' || e.type === 'CeilingReached',
        )
        const view = alertsProjection.view(foldProjections(events, [alertsProjection]).alerts)
        expect(view.map((a) => a.position).sort()).toEqual(raised.map((e) => e.position).sort())
        for (const alert of view) {
          const event = raised.find((e) => e.position === alert.position)!
          expect(alert.on).toBe(event.meta.effectiveOn)
          expect(alert.committed).toBe(fieldsOf(event).committed)
        }
        expect(view.map((a) => a.on)).toEqual([...view.map((a) => a.on)].sort())
      }),
      { numRuns: 15 },
    )
  })

  test('reaching the maximum shows every threshold on the way and the ceiling', async () => {
    const award = (contractId: string, beneficiaryId: string, amount: string, awardedOn: string) =>
      ({
        type: 'AwardContract',
        frameworkId: FRAMEWORK.frameworkId,
        contractId,
        beneficiaryId,
        holderId: SIRETS.holder1,
        kind: 'purchase-order',
        amount,
        awardedOn,
        competition: 'mini-competition',
      }) as const
    const { events } = await bookedLedger([
      {
        type: 'Allocate',
        frameworkId: FRAMEWORK.frameworkId,
        beneficiaryId: SIRETS.beneficiaryC,
        amount: '1000000',
        on: '2025-01-01',
      },
      award('BC-1', SIRETS.beneficiaryB, '600000', '2025-03-01'),
      award('BC-2', SIRETS.beneficiaryC, '1400000', '2025-09-01'),
    ])
    const view = alertsProjection.view(foldProjections(events, [alertsProjection]).alerts)
    expect(view.map((a) => [a.on, a.kind, a.scope, a.percent, a.beneficiaryId])).toEqual([
      ['2025-03-01', 'threshold', 'estimate', 50, null],
      ['2025-03-01', 'threshold', 'allocation', 90, SIRETS.beneficiaryB],
      ['2025-03-01', 'threshold', 'allocation', 100, SIRETS.beneficiaryB],
      ['2025-09-01', 'threshold', 'estimate', 75, null],
      ['2025-09-01', 'threshold', 'estimate', 90, null],
      ['2025-09-01', 'threshold', 'estimate', 100, null],
      ['2025-09-01', 'threshold', 'maximum', 80, null],
      ['2025-09-01', 'threshold', 'maximum', 90, null],
      ['2025-09-01', 'threshold', 'maximum', 95, null],
      ['2025-09-01', 'threshold', 'maximum', 100, null],
      ['2025-09-01', 'threshold', 'allocation', 90, SIRETS.beneficiaryC],
      ['2025-09-01', 'threshold', 'allocation', 100, SIRETS.beneficiaryC],
      ['2025-09-01', 'ceiling', 'maximum', 100, null],
    ])
    expect(view.at(-1)).toMatchObject({
      reference: '2000000.00',
      committed: '2000000.00',
      contractId: 'BC-2',
    })
  })
})
