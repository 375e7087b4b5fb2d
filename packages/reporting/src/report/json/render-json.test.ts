import { beforeAll, describe, expect, it } from 'vitest'
import { buildReport } from '../build-report.js'
import type { ReportData } from '../report-data.js'
import { GOLDEN_TODAY, goldenEvents } from '../test-support/golden-ledger.js'
import { renderJson, type ReportJson } from './render-json.js'

// The only JSON numbers a report may hold: counts, years, thresholds, indexes, days. Money never
// is one.
const NUMBER_FIELDS = new Set([
  'version',
  'holders',
  'beneficiaries',
  'contracts',
  'contractsAwarded',
  'contractsHeld',
  'committed', // the Herfindahl-Hirschman index of `concentration`
  'awarded',
  'year',
  'percent',
  'orders',
  'aboveReference',
  'modified',
  'payments',
  'onTime',
  'maxDays',
  'upTo30Days',
  'upTo60Days',
  'upTo90Days',
  'over90Days',
  'paymentsWithoutInvoice',
  'latePayments',
  'days',
])

function leaves(value: unknown, path: string[] = []): [string[], unknown][] {
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, child]) => leaves(child, [...path, key]))
  }
  return [[path, value]]
}

let data: ReportData

beforeAll(async () => {
  data = buildReport(await goldenEvents(), { today: GOLDEN_TODAY })
})

describe('renderJson', () => {
  it('has the shape DESIGN.md promises, with amounts as decimal strings', () => {
    const json = JSON.parse(renderJson(data)) as ReportJson
    expect(Object.keys(json)).toEqual(
      expect.arrayContaining([
        'overview',
        'beneficiaries',
        'holders',
        'budgetYears',
        'alerts',
        'forecast',
      ]),
    )
    expect(json.overview).toMatchObject({
      maximum: '2000000.00',
      estimate: '1000000.00',
      allocated: '1000000.00',
      committed: '680000.00',
      certified: '490000.00',
      paid: '490000.00',
    })
    expect(json.beneficiaries[0]).toMatchObject({
      id: '92000000000017',
      name: 'Ministère des Essais; direction « Qualité » (fictif)',
      allocated: '600000.00',
      committed: '430000.00',
      certified: '410000.00',
      paid: '410000.00',
    })
  })

  it('writes money only as strings: every JSON number is a count, a year or an index', () => {
    const numbers = leaves(JSON.parse(renderJson(data))).filter(([, v]) => typeof v === 'number')
    expect(numbers.length).toBeGreaterThan(20)
    for (const [path] of numbers) expect(NUMBER_FIELDS, path.join('.')).toContain(path.at(-1))
    const concentration = (JSON.parse(renderJson(data)) as { concentration: unknown }).concentration
    expect(concentration).toEqual({ committed: 7093, awarded: 5525 })
  })

  it('writes every amount as a canonical decimal with two decimals', () => {
    const amounts = leaves(JSON.parse(renderJson(data))).filter(
      ([path, v]) =>
        typeof v === 'string' &&
        /^(maximum|estimate|allocated|unallocated|committed|certified|invoiced|paid|lateInterest|headroom|initial|amount|delta|newAmount|cost|reference|interest|lumpSums|interestDue|remainingToPay)$/.test(
          path.at(-1)!,
        ),
    )
    expect(amounts.length).toBeGreaterThan(50)
    for (const [path, value] of amounts) expect(value, path.join('.')).toMatch(/^-?\d+\.\d\d$/)
  })
})
