import { createInMemoryStore, type LedgerEvent } from '@plafond/core'
import type { TargetForecastView } from '@plafond/projections'
import { beforeAll, describe, expect, it } from 'vitest'
import { firstYearFigures } from './first-year-figures.js'
import { forecastReport, type ForecastReport } from './forecast-report.js'
import { formatForecastTable } from './forecast-table.js'
import { FIRST_YEAR_ENDS_ON } from './framework-terms.js'
import { simulateFirstYear } from './simulate-first-year.js'
import { writeFirstYear } from './write-first-year.js'

let report: ForecastReport

beforeAll(async () => {
  const written = await writeFirstYear(simulateFirstYear().commands, createInMemoryStore())
  const events: LedgerEvent[] = []
  for await (const event of written.ledger.readAll()) events.push(event)
  report = forecastReport(firstYearFigures(events), { seed: 'framework-495m', months: 6 })
})

/** The projected dates of a target that is not reached yet; fails the test if one is missing. */
function projected(target: TargetForecastView): readonly [string, string, string] {
  expect(target.reachedOn).toBeNull()
  const { earliest, central, latest } = target
  if (earliest === null || central === null || latest === null) {
    throw new Error(`Expected three projected dates, found ${JSON.stringify(target)}.`)
  }
  return [earliest, central, latest]
}

describe('forecastReport', () => {
  it('is made on the last day of the first year, from six months of commitments', () => {
    expect(report.synthetic).toBe(true)
    expect(report.forecast.today).toBe(FIRST_YEAR_ENDS_ON)
    expect(report.forecast.window).toHaveLength(6)
    expect(report.forecast.committed).toBe(report.firstYear.committed)
  })

  it('reaches each target earlier at the high burn than at the central, and at the central than at the low', () => {
    const targets = [report.forecast, ...report.forecast.scenarios].flatMap((f) => [
      f.estimate,
      f.maximum,
    ])
    for (const target of targets) {
      const [earliest, central, latest] = projected(target)
      expect(earliest < central, target.target).toBe(true)
      expect(central < latest, target.target).toBe(true)
    }
  })

  it('reaches the estimate before the maximum, in every scenario and at every burn', () => {
    for (const f of [report.forecast, ...report.forecast.scenarios]) {
      const estimate = projected(f.estimate)
      const maximum = projected(f.maximum)
      estimate.forEach((date, i) => expect(date < maximum[i]!).toBe(true))
    }
  })

  it('reaches each target earlier in every growth scenario than steady, which is the plain forecast', () => {
    const [steady, ...growing] = report.forecast.scenarios
    expect(steady!.name).toBe('steady')
    expect(steady!.estimate).toEqual(report.forecast.estimate)
    expect(steady!.maximum).toEqual(report.forecast.maximum)
    expect(growing.map((s) => s.name)).toEqual([
      'beneficiaries grow from 24 to 31',
      'ramp-up goes on: +3 % a month',
      'spend triples',
    ])
    for (const scenario of growing) {
      for (const key of ['estimate', 'maximum'] as const) {
        const grown = projected(scenario[key])
        const flat = projected(steady![key])
        grown.forEach((date, i) => expect(date < flat[i]!, `${scenario.name} ${key}`).toBe(true))
      }
    }
  })

  it('prints one row per scenario with its dates, and marks the dates after the end', () => {
    const table = formatForecastTable(report)
    for (const scenario of report.forecast.scenarios) {
      const row = table.split('\n').find((line) => line.startsWith(scenario.name))
      expect(row, scenario.name).toBeDefined()
      for (const date of [...projected(scenario.estimate), ...projected(scenario.maximum)]) {
        expect(row).toContain(date > report.framework.endsOn ? `${date}*` : `${date} `)
      }
    }
    expect(table).toContain(`* after the framework's end (${report.framework.endsOn})`)
  })

  it('round-trips through JSON unchanged: it is the file out/forecast.json holds', () => {
    expect(JSON.parse(JSON.stringify(report))).toEqual(report)
  })
})
