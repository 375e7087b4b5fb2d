import { frenchAxisEuros, frenchCompactEuros, frenchEuros } from '../format/french-number.js'
import type { ReportData } from '../report-data.js'
import { chartFigure } from './chart-figure.js'
import { chartLegend } from './chart-legend.js'
import { dataTable } from './data-table.js'
import { escapeHtml } from './html-text.js'
import { linearScale, niceScale, plotted, px } from './svg-geometry.js'

const WIDTH = 880
const HEIGHT = 320
const LEFT = 64
const RIGHT = WIDTH - 16
const TOP = 24
const BOTTOM = HEIGHT - 40

/**
 * Budget years (calendar years, LOLF art. 1): commitments made each year (AE) and payments made
 * each year (CP) side by side, and what remains to be paid at each year's end (restes à payer)
 * as a line across the years.
 */
export function budgetYearsChart(data: ReportData): string {
  const years = data.budgetYears
  const values = years.flatMap((y) => [
    plotted(y.committed),
    plotted(y.paid),
    plotted(y.remainingToPay),
  ])
  const scale = niceScale(Math.max(1, ...values), 5, Math.min(0, ...values))
  const y = linearScale([scale.min, scale.max], [BOTTOM, TOP])
  const band = (RIGHT - LEFT) / Math.max(1, years.length)
  const barWidth = Math.min(56, band * 0.3)
  const zero = y(0)
  const bar = (
    amount: string,
    left: number,
    kind: string,
    figure: string,
    year: number,
  ): string => {
    const top = y(plotted(amount))
    const label = plotted(amount) >= 0 ? top - 6 : top + 14
    return [
      `<rect class="k-${kind}" x="${px(left)}" y="${px(Math.min(top, zero))}" width="${px(barWidth)}" height="${px(Math.abs(zero - top))}" data-year="${year}" data-figure="${figure}" data-value="${amount}"><title>${escapeHtml(`${year} : ${frenchEuros(amount)}`)}</title></rect>`,
      `<text class="bar-value" x="${px(left + barWidth / 2)}" y="${px(label)}" text-anchor="middle">${escapeHtml(frenchCompactEuros(amount))}</text>`,
    ].join('\n')
  }
  const remaining = years
    .map((row, i) => `${px(LEFT + band * (i + 0.5))},${px(y(plotted(row.remainingToPay)))}`)
    .join(' ')
  const body = [
    scale.ticks
      .map(
        (tick) =>
          `<line class="grid" x1="${LEFT}" x2="${RIGHT}" y1="${px(y(tick))}" y2="${px(y(tick))}" />\n<text class="tick" x="${LEFT - 8}" y="${px(y(tick) + 4)}" text-anchor="end">${escapeHtml(frenchAxisEuros(tick, scale.step))}</text>`,
      )
      .join('\n'),
    `<line class="axis" x1="${LEFT}" x2="${RIGHT}" y1="${px(zero)}" y2="${px(zero)}" />`,
    ...years.map((row, i) => {
      const centre = LEFT + band * (i + 0.5)
      return [
        bar(row.committed, centre - barWidth - 3, 'committed', 'committed', row.year),
        bar(row.paid, centre + 3, 'paid', 'paid', row.year),
        `<text class="tick strong" x="${px(centre)}" y="${BOTTOM + 24}" text-anchor="middle">${row.year}</text>`,
      ].join('\n')
    }),
    years.length === 0 ? '' : `<polyline class="line-remaining" points="${remaining}" />`,
    ...years.map(
      (row, i) =>
        `<circle class="k-remaining" cx="${px(LEFT + band * (i + 0.5))}" cy="${px(y(plotted(row.remainingToPay)))}" r="5" data-year="${row.year}" data-figure="remainingToPay" data-value="${row.remainingToPay}"><title>${escapeHtml(`Restes à payer fin ${row.year} : ${frenchEuros(row.remainingToPay)}`)}</title></circle>`,
    ),
  ]
    .filter((part) => part !== '')
    .join('\n')
  const last = years.at(-1)
  return chartFigure({
    id: 'budget-years-chart',
    title: 'Engagements (AE) et paiements (CP) par année budgétaire',
    description:
      last === undefined
        ? 'Aucun montant engagé ni payé.'
        : `De ${years[0]!.year} à ${last.year} : ${years.map((row) => `${row.year}, ${frenchEuros(row.committed)} engagés et ${frenchEuros(row.paid)} payés`).join(' ; ')}. Restes à payer fin ${last.year} : ${frenchEuros(last.remainingToPay)}.`,
    width: WIDTH,
    height: HEIGHT,
    body,
    data: { years: years.length },
    legend: chartLegend([
      { kind: 'committed', label: 'Engagé dans l’année (AE)' },
      { kind: 'paid', label: 'Payé dans l’année (CP)' },
      { kind: 'remaining', label: 'Restes à payer en fin d’année', shape: 'line' },
    ]),
    table: dataTable({
      caption: 'Années budgétaires (€ HT)',
      columns: [
        { header: 'Année' },
        { header: 'Engagé (AE)', numeric: true },
        { header: 'Service fait', numeric: true },
        { header: 'Payé (CP)', numeric: true },
        { header: 'AE cumulées', numeric: true },
        { header: 'CP cumulés', numeric: true },
        { header: 'Restes à payer', numeric: true },
      ],
      rows: years.map((row) =>
        [
          String(row.year),
          frenchEuros(row.committed),
          frenchEuros(row.certified),
          frenchEuros(row.paid),
          frenchEuros(row.cumulativeCommitted),
          frenchEuros(row.cumulativePaid),
          frenchEuros(row.remainingToPay),
        ].map(escapeHtml),
      ),
    }),
  })
}
