import { mkdirSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { centsOf } from '@plafond/projections'
import type { Browser, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { findChromium, launchChromium } from '../../browser-check/launch-chromium.js'
import { openOffline, type OfflinePage } from '../../browser-check/offline-page.js'
import { buildReport } from '../build-report.js'
import { frenchEuros } from '../format/french-number.js'
import type { ReportData } from '../report-data.js'
import { replay66m, REPLAY_INSTANT } from '../test-support/replay-66m.js'
import { renderHtml } from './render-html.js'

// The HTML report of the 66 M€ history, opened in a real headless Chromium with the network cut:
// what a reader gets is checked against the projections it was drawn from, figure by figure,
// then printed on A4 and photographed. The page, its PDF and its screenshot are left in
// test-artifacts/reporting/ for a person to look at.

const chromium = findChromium()
if (!chromium.available) console.warn(`Browser test of the HTML report skipped: ${chromium.reason}`)

const artifacts = new URL('../../../../../test-artifacts/reporting/', import.meta.url)
const htmlFile = new URL('report-66m.html', artifacts)

/** What a coordinate of the SVG is off by at most: `px` writes one decimal. */
const PX = 0.15

let data: ReportData
let browser: Browser
let offline: OfflinePage
let page: Page

async function attr(locator: Locator, name: string): Promise<string> {
  const value = await locator.getAttribute(name)
  if (value === null) throw new Error(`Expected attribute ${name} on ${locator.toString()}.`)
  return value
}

async function num(locator: Locator, name: string): Promise<number> {
  return Number(await attr(locator, name))
}

/** The `data-*` attributes `name` of every element `selector` finds, in document order. */
async function all(selector: string, name: string): Promise<string[]> {
  return Promise.all((await page.locator(selector).all()).map((el) => attr(el, name)))
}

function sumCents(amounts: readonly string[]): bigint {
  return amounts.reduce((total, amount) => total + centsOf(amount), 0n)
}

/** The points of a `polyline` or `polygon`, in the SVG's own units. */
function points(text: string): [number, number][] {
  return text
    .trim()
    .split(/\s+/)
    .map((pair) => pair.split(',').map(Number) as [number, number])
}

describe.skipIf(!chromium.available)('the HTML report in headless Chromium (66 M€ history)', () => {
  beforeAll(async () => {
    const replayed = await replay66m()
    data = buildReport(replayed.events, {
      today: REPLAY_INSTANT.slice(0, 10),
      generatedAt: REPLAY_INSTANT,
      notice:
        'Données synthétiques : l’historique de démonstration de Plafond, pas un accord-cadre réel.',
    })
    mkdirSync(artifacts, { recursive: true })
    writeFileSync(htmlFile, renderHtml(data))
    browser = await launchChromium(chromium.path)
    offline = await openOffline(browser, htmlFile.href, { viewport: { width: 1100, height: 900 } })
    page = offline.page
  })

  afterAll(async () => {
    await offline?.close()
    await browser?.close()
  })

  it('loads offline, in French, without requesting anything or logging an error', async () => {
    expect(offline.attempted).toEqual([])
    expect(offline.errors).toEqual([])
    expect(await page.locator('html').getAttribute('lang')).toBe('fr')
    expect(await page.title()).toContain(data.meta.title)
    expect(await page.locator('h1').textContent()).toBe(data.meta.title)
    await expect(page.locator('.notice').textContent()).resolves.toContain('Données synthétiques')
  })

  it('names every chart for assistive technology and gives it a table of its figures', async () => {
    const charts = await page.locator('svg').all()
    expect(charts.length).toBeGreaterThanOrEqual(8)
    for (const svg of charts) {
      const id = await attr(svg, 'data-chart')
      expect(await attr(svg, 'role'), id).toBe('img')
      const title = (await svg.locator(':scope > title').textContent())?.trim() ?? ''
      expect(title, `${id} has a <title>`).not.toBe('')
      // The name Chromium computes (aria-labelledby → title, then desc) starts with the title.
      const name = /^- '?img "(.*?)\\?"/.exec(await svg.ariaSnapshot())?.[1] ?? ''
      expect(name.startsWith(title), `${id} is named "${name}"`).toBe(true)
      const figure = page.locator(`figure#${id}`)
      expect(await figure.locator('figcaption').textContent(), id).toBe(title)
      const rows = await figure.locator('table tbody tr').count()
      expect(rows, `${id} has a table fallback with rows`).toBeGreaterThan(0)
      // Nothing is drawn outside the page or squashed to nothing: the chart has a real size.
      const box = await svg.boundingBox()
      expect(box?.width ?? 0, id).toBeGreaterThan(600)
      expect(box?.height ?? 0, id).toBeGreaterThan(60)
    }
  })

  it('lays out every chart’s labels without overlap and inside the chart', async () => {
    // Measured by Chromium on the laid-out page: the fonts and widths a reader gets.
    const problems = await page.evaluate<string[]>(`(() => {
      const found = []
      for (const svg of document.querySelectorAll('svg')) {
        const frame = svg.getBoundingClientRect()
        const labels = [...svg.querySelectorAll('text')]
          .map((text) => ({ text: text.textContent, box: text.getBoundingClientRect() }))
          .filter((label) => label.box.width > 0)
        for (const [i, a] of labels.entries()) {
          if (a.box.left < frame.left - 1 || a.box.right > frame.right + 1) {
            found.push(svg.dataset.chart + ': "' + a.text + '" leaves the chart')
          }
          for (const b of labels.slice(i + 1)) {
            const across = a.box.left < b.box.right - 1 && b.box.left < a.box.right - 1
            const down = a.box.top < b.box.bottom - 2 && b.box.top < a.box.bottom - 2
            if (across && down) found.push(svg.dataset.chart + ': "' + a.text + '" overlaps "' + b.text + '"')
          }
        }
      }
      return found
    })()`)
    expect(problems).toEqual([])
  })

  it('shows the overview’s figures in the key figures, to the cent, written the French way', async () => {
    const o = data.overview
    for (const [figure, amount] of [
      ['maximum', o.maximum],
      ['estimate', o.estimate],
      ['committed', o.committed],
      ['paid', o.paid],
    ] as const) {
      const card = page.locator(`.cards li[data-figure="${figure}"]`)
      expect(await attr(card, 'data-value')).toBe(amount)
      const exact = await card.locator('.exact').textContent()
      expect(exact).toBe(frenchEuros(amount))
      expect(exact).toMatch(/^\d{1,3}(\u202f\d{3})*,\d{2}\u00a0€$/)
    }
  })

  it('draws the ceiling gauge from the overview: committed and paid against estimate and maximum', async () => {
    const o = data.overview
    const gauge = page.locator('svg[data-chart="gauge"]')
    expect(await attr(gauge, 'data-committed')).toBe(o.committed)
    expect(await attr(gauge, 'data-paid')).toBe(o.paid)
    expect(await attr(gauge, 'data-estimate')).toBe(o.estimate)
    expect(await attr(gauge, 'data-maximum')).toBe(o.maximum)
    const committed = gauge.locator('rect[data-figure="committed"]')
    const paid = gauge.locator('rect[data-figure="paid"]')
    const estimate = gauge.locator('line[data-figure="estimate"]')
    const maximum = gauge.locator('line[data-figure="maximum"]')
    expect(await attr(committed, 'data-value')).toBe(o.committed)
    expect(await attr(paid, 'data-value')).toBe(o.paid)
    expect(await attr(estimate, 'data-value')).toBe(o.estimate)
    expect(await attr(maximum, 'data-value')).toBe(o.maximum)
    // Bar lengths and marker positions are on one scale: each is its amount's share of the maximum.
    const left = await num(committed, 'x')
    const full = (await num(maximum, 'x1')) - left
    const share = (amount: string): number => (Number(amount) / Number(o.maximum)) * full
    expect(await num(committed, 'width')).toBeCloseTo(share(o.committed), 0)
    expect(await num(paid, 'width')).toBeCloseTo(share(o.paid), 0)
    expect((await num(estimate, 'x1')) - left).toBeCloseTo(share(o.estimate), 0)
    const text = await gauge.textContent()
    for (const amount of [o.committed, o.paid, o.estimate, o.maximum]) {
      expect(text).toContain(frenchEuros(amount))
    }
  })

  it('ends the cumulative curve on the overview’s committed, at its height on the scale', async () => {
    const o = data.overview
    const chart = page.locator('svg[data-chart="cumulative"]')
    const line = chart.locator('polyline[data-series="committed"]')
    expect(await attr(line, 'data-last')).toBe(o.committed)
    expect(await attr(chart.locator('polyline[data-series="paid"]'), 'data-last')).toBe(o.paid)
    expect(data.months.at(-1)?.cumulativeCommitted).toBe(o.committed)
    expect(await num(chart, 'data-months')).toBe(data.months.length)
    const drawn = points(await attr(line, 'points'))
    expect(drawn).toHaveLength(data.months.length + 1)
    const bottom = await num(chart.locator('line.axis'), 'y1')
    const maximumY = await num(chart.locator('line[data-figure="maximum"]'), 'y1')
    const last = drawn.at(-1)!
    const expected = (Number(o.committed) / Number(o.maximum)) * (bottom - maximumY)
    expect(Math.abs(bottom - last[1] - expected)).toBeLessThan(2 * PX)
    // The framework is closed: no pace is projected, and the chart says so.
    expect(await attr(chart, 'data-forecast-band')).toBe(o.status === 'open' ? 'yes' : 'no')
  })

  it('draws one allocation bar per beneficiary, with its allocation and its committed money', async () => {
    const rows = await page
      .locator('svg[data-chart="beneficiaries-chart"] g[data-beneficiary-id]')
      .all()
    expect(rows).toHaveLength(data.beneficiaries.length)
    const byId = new Map(data.beneficiaries.map((b) => [b.beneficiaryId, b]))
    const seen = new Set<string>()
    let perEuro: number | undefined
    for (const row of rows) {
      const id = await attr(row, 'data-beneficiary-id')
      const view = byId.get(id)
      expect(view, `beneficiary ${id} is in the projection`).toBeDefined()
      seen.add(id)
      expect(await attr(row, 'data-allocated')).toBe(view!.allocated)
      expect(await attr(row, 'data-committed')).toBe(view!.committed)
      expect(await attr(row, 'data-share')).toBe(view!.shareOfAllocation ?? '')
      const allocation = await num(row.locator('rect.k-allocation'), 'width')
      const committed = await num(row.locator('rect.k-committed'), 'width')
      // One scale for every row: pixels per euro are the same for all bars.
      perEuro ??= allocation / Number(view!.allocated)
      expect(allocation).toBeCloseTo(perEuro * Number(view!.allocated), 0)
      expect(committed).toBeCloseTo(perEuro * Number(view!.committed), 0)
    }
    expect(seen.size).toBe(data.beneficiaries.length)
    expect(sumCents(await all('g[data-beneficiary-id]', 'data-committed'))).toBe(
      centsOf(data.overview.committed),
    )
  })

  it('splits the committed money between holders, shares adding up to 100 %', async () => {
    const segments = 'svg[data-chart="holders-chart"] rect[data-holder-id]'
    const committed = await all(segments, 'data-committed')
    const shares = await all(segments, 'data-share')
    const held = data.holders.holders.filter((h) => centsOf(h.committed) > 0n)
    expect(committed).toHaveLength(held.length)
    expect(sumCents(committed)).toBe(centsOf(data.overview.committed))
    expect(sumCents(committed)).toBe(centsOf(data.holders.committed))
    // Each share is rounded to 0.01 %: their sum is 100 % within half a hundredth per holder.
    const total = sumCents(shares)
    expect(Number(total - 10_000n)).toBeLessThanOrEqual(Math.ceil(held.length / 2))
    expect(Number(10_000n - total)).toBeLessThanOrEqual(Math.ceil(held.length / 2))
    const byId = new Map(held.map((h) => [h.holderId, h]))
    for (const id of await all(segments, 'data-holder-id')) {
      const view = byId.get(id)!
      const segment = page.locator(`${segments}[data-holder-id="${id}"]`)
      expect(await attr(segment, 'data-committed')).toBe(view.committed)
      expect(await attr(segment, 'data-share')).toBe(view.shareOfCommitted ?? '')
    }
    // The segments tile the bar: widths add up to its full width.
    const widths = await all(segments, 'width')
    const width = await num(page.locator('svg[data-chart="holders-chart"]'), 'width')
    expect(widths.reduce((sum, w) => sum + Number(w), 0)).toBeCloseTo(width, 0)
  })

  it('draws each budget year’s AE and CP bars and its restes à payer from the projection', async () => {
    const chart = page.locator('svg[data-chart="budget-years-chart"]')
    expect(await num(chart, 'data-years')).toBe(data.budgetYears.length)
    let perEuro: number | undefined
    for (const year of data.budgetYears) {
      for (const [figure, amount] of [
        ['committed', year.committed],
        ['paid', year.paid],
        ['remainingToPay', year.remainingToPay],
      ] as const) {
        const mark = chart.locator(`[data-year="${year.year}"][data-figure="${figure}"]`)
        expect(await attr(mark, 'data-value'), `${year.year} ${figure}`).toBe(amount)
        if (figure === 'remainingToPay' || Number(amount) <= 0) continue
        const height = await num(mark, 'height')
        perEuro ??= height / Number(amount)
        expect(height).toBeCloseTo(perEuro * Number(amount), 0)
      }
    }
    expect(
      sumCents(
        await all(
          'svg[data-chart="budget-years-chart"] rect[data-figure="committed"]',
          'data-value',
        ),
      ),
    ).toBe(centsOf(data.overview.committed))
    expect(
      sumCents(
        await all('svg[data-chart="budget-years-chart"] rect[data-figure="paid"]', 'data-value'),
      ),
    ).toBe(centsOf(data.overview.paid))
  })

  it('shows contract drift, alerts and payment delays as the projections count them', async () => {
    const drift = page.locator('svg[data-chart="drift-chart"]')
    expect(await attr(drift, 'data-drift-percent')).toBe(data.contracts.driftPercent ?? '')
    expect(await num(drift, 'data-modified')).toBe(data.contracts.modified)
    const byContract = new Map(data.contracts.contracts.map((c) => [c.contractId, c]))
    for (const bar of await drift.locator('g[data-contract-id]').all()) {
      const contract = byContract.get(await attr(bar, 'data-contract-id'))!
      expect(await attr(bar, 'data-drift')).toBe(contract.driftPercent)
    }

    const alerts = page.locator('svg[data-chart="alerts-chart"]')
    expect(await num(alerts, 'data-alert-count')).toBe(data.alerts.length)
    expect(await alerts.locator('[data-on]').count()).toBe(data.alerts.length)
    expect(await page.locator('#alerts-chart table tbody tr').count()).toBe(data.alerts.length)

    const d = data.paymentDelays
    const delays = page.locator('svg[data-chart="payment-delays-chart"]')
    expect(await num(delays, 'data-payments')).toBe(d.payments)
    expect(await num(delays, 'data-on-time')).toBe(d.onTime)
    expect(await attr(delays, 'data-interest-due')).toBe(d.interestDue)
    const counts = await all(
      'svg[data-chart="payment-delays-chart"] rect[data-bucket]',
      'data-count',
    )
    expect(counts.map(Number)).toEqual([d.upTo30Days, d.upTo60Days, d.upTo90Days, d.over90Days])
    expect(counts.reduce((sum, c) => sum + Number(c), 0)).toBe(d.payments)
  })

  it('prints on A4, one section a page, and leaves a screenshot', async () => {
    const printRules = await page.evaluate<{ a4: boolean; print: boolean }>(`(() => {
      const rules = [...document.styleSheets].flatMap((sheet) => [...sheet.cssRules])
      return {
        a4: rules.some((r) => r instanceof CSSPageRule && /A4/i.test(r.style.getPropertyValue('size'))),
        print: rules.some((r) => r instanceof CSSMediaRule && r.media.mediaText === 'print'),
      }
    })()`)
    expect(printRules).toEqual({ a4: true, print: true })

    const pdf = await page.pdf({ format: 'A4', printBackground: true })
    writeFileSync(new URL('report-66m.pdf', artifacts), pdf)
    const text = pdf.toString('latin1')
    expect(text.startsWith('%PDF-')).toBe(true)
    const pages = text.match(/\/Type\s*\/Page\b(?!s)/g)?.length ?? 0
    // One page at least for each of the report's sections (a section starts a new page).
    const sections = await page.locator('main > section').count()
    expect(pages).toBeGreaterThanOrEqual(sections)
    // A4 in PostScript points: 595 × 842.
    const box = /\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(text)
    expect(Number(box?.[1])).toBeCloseTo(595, -1)
    expect(Number(box?.[2])).toBeCloseTo(842, -1)

    const png = fileURLToPath(new URL('report-66m.png', artifacts))
    const shot = await page.screenshot({ path: png, fullPage: true })
    expect(shot.subarray(1, 4).toString('latin1')).toBe('PNG')
  })
})

describe.skipIf(!chromium.available)('the offline page the browser test relies on', () => {
  it('records what a page tries to load, and blocks it', async () => {
    const browser = await launchChromium(chromium.path)
    try {
      mkdirSync(artifacts, { recursive: true })
      const leaky = new URL('leaky-page.html', artifacts)
      writeFileSync(
        leaky,
        '<!doctype html><html lang="fr"><head><link rel="stylesheet" href="https://fonts.example.invalid/a.css"></head><body><img src="https://cdn.example.invalid/logo.png" alt=""></body></html>',
      )
      const offline = await openOffline(browser, leaky.href, {
        viewport: { width: 400, height: 300 },
      })
      expect(offline.attempted).toEqual(
        expect.arrayContaining([
          'https://fonts.example.invalid/a.css',
          'https://cdn.example.invalid/logo.png',
        ]),
      )
      await offline.close()
    } finally {
      await browser.close()
    }
  })
})
