import { sharePercent } from '@plafond/projections'
import { frenchCount, frenchPercent } from '../format/french-number.js'
import { delaySentence } from '../format/report-sentences.js'
import type { ReportData } from '../report-data.js'
import { chartFigure } from './chart-figure.js'
import { chartLegend } from './chart-legend.js'
import { dataTable } from './data-table.js'
import { escapeHtml } from './html-text.js'
import { linearScale, niceScale, px } from './svg-geometry.js'

const WIDTH = 880
const HEIGHT = 250
const TOP = 30
const BOTTOM = HEIGHT - 52

/**
 * How long payments took from the invoice's reception (R2192-10: 30 days), as a histogram of
 * four spans; the first is on time (blue), the others late (red), each with its count and share.
 */
export function paymentDelaysChart(data: ReportData): string {
  const d = data.paymentDelays
  const buckets = [
    { key: 'upTo30Days', label: '0 à 30 jours', count: d.upTo30Days, kind: 'on-time' },
    { key: 'upTo60Days', label: '31 à 60 jours', count: d.upTo60Days, kind: 'late' },
    { key: 'upTo90Days', label: '61 à 90 jours', count: d.upTo90Days, kind: 'late' },
    { key: 'over90Days', label: 'plus de 90 jours', count: d.over90Days, kind: 'late' },
  ] as const
  const scale = niceScale(Math.max(1, ...buckets.map((b) => b.count)), 4)
  const y = linearScale([0, scale.max], [BOTTOM, TOP])
  const band = WIDTH / buckets.length
  const barWidth = band * 0.56
  const shareOf = (count: number): string | null => sharePercent(BigInt(count), BigInt(d.payments))
  const body = [
    `<line class="axis" x1="0" x2="${WIDTH}" y1="${BOTTOM}" y2="${BOTTOM}" />`,
    ...buckets.map((b, i) => {
      const centre = band * (i + 0.5)
      const top = y(b.count)
      return [
        `<rect class="k-${b.kind}" x="${px(centre - barWidth / 2)}" y="${px(top)}" width="${px(barWidth)}" height="${px(BOTTOM - top)}" data-bucket="${b.key}" data-count="${b.count}"><title>${escapeHtml(`${b.label} : ${frenchCount(b.count)} paiements`)}</title></rect>`,
        `<text class="bar-value strong" x="${px(centre)}" y="${px(top - 8)}" text-anchor="middle">${frenchCount(b.count)}</text>`,
        `<text class="tick strong" x="${px(centre)}" y="${BOTTOM + 22}" text-anchor="middle">${escapeHtml(b.label)}</text>`,
        `<text class="tick" x="${px(centre)}" y="${BOTTOM + 40}" text-anchor="middle">${escapeHtml(frenchPercent(shareOf(b.count)))}</text>`,
      ].join('\n')
    }),
  ].join('\n')
  return chartFigure({
    id: 'payment-delays-chart',
    title: 'Délais de paiement, de la réception de la facture au paiement',
    description: delaySentence(d),
    width: WIDTH,
    height: HEIGHT,
    body,
    data: {
      payments: d.payments,
      'on-time': d.onTime,
      'on-time-share': d.onTimeShare ?? '',
      'interest-due': d.interestDue,
    },
    legend: chartLegend([
      { kind: 'on-time', label: 'Dans le délai de 30 jours' },
      { kind: 'late', label: 'En retard : intérêts moratoires dus' },
    ]),
    table: dataTable({
      caption: 'Paiements par délai',
      columns: [
        { header: 'Délai' },
        { header: 'Paiements', numeric: true },
        { header: 'Part', numeric: true },
      ],
      rows: buckets.map((b) =>
        [b.label, frenchCount(b.count), frenchPercent(shareOf(b.count))].map(escapeHtml),
      ),
    }),
  })
}
