import type { AlertView } from '@plafond/projections'
import { frenchDate } from '../format/french-date.js'
import { alertSentence } from '../format/french-labels.js'
import { frenchCountOf, frenchEuros, frenchSpacing, NARROW_NBSP } from '../format/french-number.js'
import type { ReportData } from '../report-data.js'
import { chartFigure } from './chart-figure.js'
import { chartLegend } from './chart-legend.js'
import { dataTable } from './data-table.js'
import { escapeHtml } from './html-text.js'
import { px } from './svg-geometry.js'
import { timeAxis, timeTicks } from './time-axis.js'

const WIDTH = 880
const HEIGHT = 170
const LEFT = 150
const RIGHT = WIDTH - 16
const LANES = [
  { scope: 'estimate', label: 'Montant estimé', y: 46 },
  { scope: 'maximum', label: 'Montant maximum', y: 90 },
  { scope: 'allocation', label: 'Enveloppes', y: 126 },
] as const

function laneOf(alert: AlertView): (typeof LANES)[number] {
  return LANES.find((lane) => lane.scope === alert.scope)!
}

/**
 * The alerts on a time line over the framework's validity, one lane per kind of threshold
 * (estimate, maximum, allocations), followed by the dated table of every alert. The ceiling
 * reached is a red diamond on the maximum's lane.
 */
export function alertsTimeline(data: ReportData, beneficiaryName: (id: string) => string): string {
  const alerts = data.alerts
  const o = data.overview
  const dates = alerts.map((a) => a.on).sort()
  const start = o.startsOn ?? dates[0] ?? data.meta.today
  const end = [o.endsOn ?? start, dates.at(-1) ?? start].sort().at(-1)!
  const axis = timeAxis(start, end, LEFT, RIGHT)
  const lastLabel = new Map<string, number>()
  const markers = alerts.map((alert) => {
    const lane = laneOf(alert)
    const cx = axis.x(alert.on)
    const attributes = `data-on="${alert.on}" data-kind="${alert.kind}" data-scope="${alert.scope}" data-percent="${alert.percent}"`
    const title = `<title>${escapeHtml(`${frenchDate(alert.on)} : ${alertSentence(alert, beneficiaryName)}`)}</title>`
    if (alert.kind === 'ceiling') {
      return `<polygon class="k-ceiling" points="${px(cx)},${lane.y - 9} ${px(cx + 9)},${lane.y} ${px(cx)},${lane.y + 9} ${px(cx - 9)},${lane.y}" ${attributes}>${title}</polygon>`
    }
    const previous = lastLabel.get(lane.scope)
    const labelled = lane.scope !== 'allocation' && (previous === undefined || cx - previous > 34)
    if (labelled) lastLabel.set(lane.scope, cx)
    return [
      `<circle class="k-alert-${alert.scope}" cx="${px(cx)}" cy="${lane.y}" r="${lane.scope === 'allocation' ? 5 : 6.5}" ${attributes}>${title}</circle>`,
      labelled
        ? `<text class="bar-value" x="${px(cx)}" y="${lane.y - 12}" text-anchor="middle">${alert.percent}${NARROW_NBSP}%</text>`
        : '',
    ]
      .filter((part) => part !== '')
      .join('\n')
  })
  const body = [
    timeTicks(axis, HEIGHT - 8, 24),
    ...LANES.map((lane) =>
      [
        `<line class="lane" x1="${LEFT}" x2="${RIGHT}" y1="${lane.y}" y2="${lane.y}" />`,
        `<text class="row-label" x="0" y="${lane.y + 4}">${escapeHtml(lane.label)}</text>`,
      ].join('\n'),
    ),
    ...markers,
  ].join('\n')
  return chartFigure({
    id: 'alerts-chart',
    title: 'Seuils franchis au fil du temps',
    description:
      alerts.length === 0
        ? 'Aucun seuil franchi.'
        : `${frenchCountOf(alerts.length, 'alerte', 'alertes')}, du ${frenchDate(dates[0]!)} au ${frenchDate(dates.at(-1)!)} ; le détail suit dans le tableau.`,
    width: WIDTH,
    height: HEIGHT,
    body,
    data: { 'alert-count': alerts.length },
    legend: chartLegend([
      { kind: 'alert-estimate', label: 'Seuil du montant estimé' },
      { kind: 'alert-maximum', label: 'Seuil du montant maximum' },
      { kind: 'alert-allocation', label: 'Seuil d’une enveloppe' },
    ]),
    tableShown: true,
    table: dataTable({
      caption: `Alertes (${frenchCountOf(alerts.length, 'alerte', 'alertes')})`,
      className: 'alerts',
      columns: [
        { header: 'Date' },
        { header: 'Alerte' },
        { header: 'Engagé à cette date', numeric: true },
        { header: 'Marché' },
      ],
      rows: alerts.map((a) => [
        `<time class="nowrap" datetime="${a.on}">${escapeHtml(frenchDate(a.on))}</time>`,
        escapeHtml(frenchSpacing(alertSentence(a, beneficiaryName))),
        `${escapeHtml(frenchEuros(a.committed))}<br><span class="muted">sur ${escapeHtml(frenchEuros(a.reference))}</span>`,
        `<code>${escapeHtml(a.contractId)}</code>`,
      ]),
    }),
  })
}
