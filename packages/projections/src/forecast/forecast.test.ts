import { addDays, formatCents } from '@plafond/core'
import { FRAMEWORK, SIRETS } from '@plafond/testing'
import fc from 'fast-check'
import { beforeAll, describe, expect, test } from 'vitest'
import { foldProjections } from '../fold/fold-projections.js'
import { emptyTable } from '../state/table.js'
import { bookedLedger } from '../test-support/booked-ledger.js'
import { committedOf } from '../test-support/direct-sums.js'
import { runScenario, scenarioArbitrary } from '../test-support/ledger-scenario.js'
import type { UnnumberedCommand } from '../test-support/numbered-commands.js'
import { forecast, type ForecastInput } from './forecast.js'
import { forecastProjection } from './forecast-projection.js'

const TODAY = '2025-06-15'

/** 1 000 € committed every day from the framework's start to `TODAY`: a linear burn. */
function dailyAwards(): UnnumberedCommand[] {
  const commands: UnnumberedCommand[] = []
  for (let day = '2025-01-01', n = 1; day <= TODAY; day = addDays(day, 1), n++) {
    commands.push({
      type: 'AwardContract',
      frameworkId: FRAMEWORK.frameworkId,
      contractId: `BC-${n}`,
      beneficiaryId: n % 2 === 0 ? SIRETS.beneficiaryB : SIRETS.beneficiaryC,
      holderId: SIRETS.holder1,
      kind: 'purchase-order',
      amount: '1000',
      awardedOn: day,
      competition: 'mini-competition',
    })
  }
  return commands
}

describe('forecast of a linear burn', () => {
  let input: ForecastInput
  beforeAll(async () => {
    const { events } = await bookedLedger(dailyAwards())
    input = foldProjections(events, [forecastProjection]).forecast.frameworks[
      FRAMEWORK.frameworkId
    ]!
  })

  test('lands on the right day: 166 000 € committed by 15 June, 834 000 € to go at 1 000 € a day', () => {
    const view = forecast(input, { today: TODAY, months: 3 })
    expect(view.committed).toBe('166000.00')
    expect(view.burn).toEqual({
      low: { perDay: '1000.00', perMonth: '30436.88' },
      central: { perDay: '1000.00', perMonth: '30436.88' },
      high: { perDay: '1000.00', perMonth: '30436.88' },
    })
    expect(view.window.map((s) => [s.from, s.to, s.days, s.committed])).toEqual([
      ['2025-03-16', '2025-04-15', 31, '31000.00'],
      ['2025-04-16', '2025-05-15', 30, '30000.00'],
      ['2025-05-16', '2025-06-15', 31, '31000.00'],
    ])
    expect(view.estimate).toEqual({
      target: '1000000.00',
      remaining: '834000.00',
      reachedOn: null,
      earliest: addDays(TODAY, 834),
      central: addDays(TODAY, 834),
      latest: addDays(TODAY, 834),
      centralWithinValidity: true,
    })
    expect(view.maximum.central).toBe(addDays(TODAY, 1834))
    expect(view.maximum.centralWithinValidity).toBe(false)
  })

  test('a factor scenario divides the time to go; a growth scenario compounds month by month', () => {
    const view = forecast(input, {
      today: TODAY,
      months: 3,
      scenarios: [
        { name: 'spend doubles', factor: '2' },
        { name: 'spend doubles every month', monthlyGrowthPercent: '100' },
      ],
    })
    expect(view.scenarios[0]!.estimate.central).toBe(addDays(TODAY, 417))
    // By hand: 1 000 € a day for the rest of June, 2 000 € in July, 4 000 € in August, …
    let committed = 166_000_00n
    let day = TODAY
    while (committed < 1_000_000_00n) {
      day = addDays(day, 1)
      const monthsAhead = (Number(day.slice(0, 4)) - 2025) * 12 + Number(day.slice(5, 7)) - 6
      committed += 1_000_00n * 2n ** BigInt(monthsAhead)
    }
    expect(view.scenarios[1]).toMatchObject({
      name: 'spend doubles every month',
      factor: '1',
      monthlyGrowthPercent: '100',
    })
    expect(view.scenarios[1]!.estimate.central).toBe(day)
  })

  test('once a target is passed, it says on which day', () => {
    const view = forecast(input, { today: TODAY, months: 3 })
    const small = forecast({ ...input, estimate: 50_000_00n }, { today: TODAY, months: 3 })
    expect(view.estimate.reachedOn).toBeNull()
    // The 50th daily award, on 19 February.
    expect(small.estimate).toMatchObject({
      reachedOn: '2025-02-19',
      remaining: '-116000.00',
      central: null,
    })
  })
})

describe('forecast', () => {
  test('uneven months give a range: the fastest month the earliest date, the slowest the latest', () => {
    const committedByDay = emptyTable<bigint>() as Record<string, bigint>
    // One commitment in each of the three month-long slices ending on 15 June.
    committedByDay['2025-04-01'] = 30_000_00n
    committedByDay['2025-04-20'] = 90_000_00n
    committedByDay['2025-06-10'] = 60_000_00n
    const view = forecast(
      {
        frameworkId: 'AC',
        estimate: 500_000_00n,
        maximum: 900_000_00n,
        startsOn: '2025-01-01',
        endsOn: '2028-12-31',
        committedByDay,
      },
      { today: '2025-06-15', months: 3 },
    )
    const { earliest, central, latest } = view.estimate
    expect(earliest! < central! && central! < latest!).toBe(true)
    // 320 000 € to go: at 90 000 € in 30 days (the fastest slice) that is 107 days.
    expect(earliest).toBe(addDays('2025-06-15', Math.ceil((320_000 * 30) / 90_000)))
  })

  test('a window reaching before the framework started is cut at its start; no burn, no date', () => {
    const input: ForecastInput = {
      frameworkId: 'AC',
      estimate: 100n,
      maximum: 200n,
      startsOn: '2025-06-01',
      endsOn: '2026-12-31',
      committedByDay: emptyTable(),
    }
    const view = forecast(input, { today: '2025-06-15', months: 6 })
    expect(view.window).toEqual([
      { from: '2025-06-01', to: '2025-06-15', days: 15, committed: '0.00' },
    ])
    expect(view.estimate).toMatchObject({ earliest: null, central: null, latest: null })
    expect(() => forecast(input, { today: '2025-06-15', months: 0 })).toThrow(/at least 1/)
    expect(() => forecast(input, { today: '15/06/2025' })).toThrow(/today to be a real date/)
  })

  test('committed is what was committed by today, and the dates come in order', async () => {
    await fc.assert(
      fc.asyncProperty(
        scenarioArbitrary(10, 40),
        fc.nat(),
        fc.integer({ min: 1, max: 12 }),
        async (scenario, pick, months) => {
          const { events } = await runScenario(scenario)
          const today = events[pick % events.length]!.meta.effectiveOn
          const [view] = forecastProjection.view(
            foldProjections(events, [forecastProjection]).forecast,
            { today, months },
          )
          expect(view!.committed).toBe(
            formatCents(committedOf(events, (e) => e.meta.effectiveOn <= today)),
          )
          for (const target of [view!.estimate, view!.maximum]) {
            const dates = [target.earliest, target.central, target.latest].filter((d) => d !== null)
            expect(dates).toEqual([...dates].sort())
            for (const date of dates) expect(date > today).toBe(true)
          }
        },
      ),
      { numRuns: 12 },
    )
  })
})
