import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'
import { buildReport } from './build-report.js'
import { renderCsv } from './csv/render-csv.js'
import { renderHtml } from './html/render-html.js'
import { renderJson } from './json/render-json.js'
import { renderMarkdown } from './markdown/render-markdown.js'
import type { ReportData } from './report-data.js'
import { GOLDEN_INSTANT, GOLDEN_TODAY, goldenEvents } from './test-support/golden-ledger.js'

// Every format of the report on the golden ledger, byte for byte. A change to a renderer or to
// a view shows here as a diff to read; when it is intended, regenerate with
// PLAFOND_UPDATE_GOLDEN=1 and commit the new files.
const golden = new URL('./golden/', import.meta.url)
const update = process.env.PLAFOND_UPDATE_GOLDEN === '1'

function matchesGolden(name: string, text: string): void {
  const file = new URL(name, golden)
  if (update || !existsSync(file)) {
    expect(update, `No golden file ${name}; run with PLAFOND_UPDATE_GOLDEN=1 to create it.`).toBe(
      true,
    )
    mkdirSync(dirname(fileURLToPath(file)), { recursive: true })
    writeFileSync(file, text)
  }
  expect(text).toBe(readFileSync(file, 'utf8'))
}

let data: ReportData

beforeAll(async () => {
  data = buildReport(await goldenEvents(), {
    today: GOLDEN_TODAY,
    generatedAt: GOLDEN_INSTANT,
    notice: 'Données fictives : un registre d’essai pour les tests de Plafond.',
  })
})

describe('report golden files', () => {
  it('JSON', () => matchesGolden('report.json', renderJson(data)))

  it('Markdown', () => matchesGolden('report.md', renderMarkdown(data)))

  it('HTML', () => matchesGolden('report.html', renderHtml(data)))

  it.each(['en', 'fr'] as const)('CSV (%s), one file per view', (locale) => {
    const files = renderCsv(data, { locale })
    expect(files.map((f) => f.fileName)).toEqual([
      'overview.csv',
      'beneficiaries.csv',
      'holders.csv',
      'budget-years.csv',
      'months.csv',
      'contracts.csv',
      'contract-modifications.csv',
      'products.csv',
      'product-impact.csv',
      'alerts.csv',
      'payment-delays.csv',
      'forecast.csv',
    ])
    for (const file of files) matchesGolden(`csv-${locale}/${file.fileName}`, file.content)
  })

  it('renders the same bytes twice from the same events', async () => {
    const again = buildReport(await goldenEvents(), {
      today: GOLDEN_TODAY,
      generatedAt: GOLDEN_INSTANT,
      notice: 'Données fictives : un registre d’essai pour les tests de Plafond.',
    })
    expect(renderHtml(again)).toBe(renderHtml(data))
    expect(renderJson(again)).toBe(renderJson(data))
  })
})
