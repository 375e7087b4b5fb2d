import { addDays, daysBetween } from '@plafond/core'
import type { ForecastView, MonthView } from '@plafond/projections'
import { frenchDate, frenchMonth } from '../format/french-date.js'
import { frenchAxisEuros, frenchEuros } from '../format/french-number.js'
import type { ReportData } from '../report-data.js'
import { chartFigure } from './chart-figure.js'
import { chartLegend } from './chart-legend.js'
import { dataTable } from './data-table.js'
import { escapeHtml } from './html-text.js'
import { linearScale, monthEnd, niceScale, plotted, px } from './svg-geometry.js'
import { timeAxis, timeTicks, type TimeAxis } from './time-axis.js'

const WIDTH = 880
const HEIGHT = 420
const LEFT = 64
const RIGHT = WIDTH - 16
const TOP = 52
const BOTTOM = HEIGHT - 40

/** Whether the forecast has a pace to project: an open framework, commitments still growing. */
export function hasForecastBand(data: ReportData): data is ReportData & {
  readonly forecast: ForecastView & { readonly burn: NonNullable<ForecastView['burn']> }
} {
  const f = data.forecast
  return (
    f !== null &&
    f.burn !== null &&
    data.overview.status === 'open' &&
    plotted(f.burn.high.perDay) > 0 &&
    plotted(f.maximum.remaining) > 0
  )
}

function span(data: ReportData, situation: string): { start: string; end: string } {
  const o = data.overview
  const first = data.months[0]
  const start = o.startsOn ?? (first === undefined ? situation : `${first.month}-01`)
  const lastMonth = data.months.at(-1)
  let end = [
    o.endsOn ?? start,
    lastMonth === undefined ? start : monthEnd(lastMonth.month),
    situation,
  ]
    .sort()
    .at(-1)!
  const central = data.forecast?.maximum.central ?? null
  if (hasForecastBand(data) && central !== null && central > end) {
    // Far enough to see the central pace reach the maximum, within two years after validity.
    const limit = addDays(o.endsOn ?? end, 730)
    end = addDays(central < limit ? central : limit, 31)
  }
  return { start, end }
}

function points(
  months: readonly MonthView[],
  axis: TimeAxis,
  y: (value: number) => number,
  situation: string,
  value: (month: MonthView) => string,
): string {
  const first = months[0]
  if (first === undefined) return ''
  const coords = [`${px(axis.x(`${first.month}-01`))},${px(y(0))}`]
  for (const month of months) {
    const end = monthEnd(month.month)
    coords.push(`${px(axis.x(end < situation ? end : situation))},${px(y(plotted(value(month))))}`)
  }
  return coords.join(' ')
}

function band(
  data: ReportData,
  axis: TimeAxis,
  y: (value: number) => number,
  situation: string,
): string {
  if (!hasForecastBand(data)) return ''
  const f = data.forecast
  const days = daysBetween(situation, axis.end)
  const from = plotted(f.committed)
  // A pace below zero (closings releasing more than was awarded) projects nothing: flat.
  const at = (perDay: string): string =>
    `${px(axis.x(axis.end))},${px(y(from + Math.max(0, plotted(perDay)) * days))}`
  const origin = `${px(axis.x(situation))},${px(y(from))}`
  const marks: string[] = []
  for (const [target, label] of [
    [f.estimate, 'Estimé'],
    [f.maximum, 'Maximum'],
  ] as const) {
    if (target.central === null || target.central > axis.end) continue
    const cx = axis.x(target.central)
    const cy = y(plotted(target.target))
    const anchor = cx > RIGHT - 110 ? 'end' : cx < LEFT + 110 ? 'start' : 'middle'
    const dx = anchor === 'end' ? 6 : anchor === 'start' ? -6 : 0
    marks.push(
      `<circle class="forecast-mark" cx="${px(cx)}" cy="${px(cy)}" r="4.5" data-target="${label === 'Estimé' ? 'estimate' : 'maximum'}" data-central="${target.central}" />`,
      `<text class="forecast-label" x="${px(cx + dx)}" y="${px(cy + 20)}" text-anchor="${anchor}">${escapeHtml(`${label} vers ${frenchMonth(target.central)}`)}</text>`,
    )
  }
  return [
    `<g clip-path="url(#cumulative-clip)">`,
    `<polygon class="forecast-band" points="${origin} ${at(f.burn.high.perDay)} ${at(f.burn.low.perDay)}" data-low="${f.burn.low.perMonth}" data-central="${f.burn.central.perMonth}" data-high="${f.burn.high.perMonth}" />`,
    `<polyline class="forecast-central" points="${origin} ${at(f.burn.central.perDay)}" />`,
    '</g>',
    ...marks,
  ].join('\n')
}

function verticalMarker(
  axis: TimeAxis,
  date: string | null,
  label: string,
  className: string,
  labelY: number,
): string {
  if (date === null || date < axis.start || date > axis.end) return ''
  const at = px(axis.x(date))
  // Labels read rightwards from their line, unless that would leave the chart.
  const anchor = axis.x(date) > RIGHT - 180 ? 'end' : 'start'
  const dx = anchor === 'start' ? 4 : -4
  return [
    `<line class="${className}" x1="${at}" x2="${at}" y1="${labelY - 12}" y2="${BOTTOM}" />`,
    `<text class="marker-note" x="${px(axis.x(date) + dx)}" y="${labelY}" text-anchor="${anchor}">${escapeHtml(label)}</text>`,
  ].join('\n')
}

function levelLine(
  y: number,
  amount: string,
  label: string,
  className: string,
  figure: string,
): string {
  return [
    `<line class="${className}" x1="${LEFT}" x2="${RIGHT}" y1="${px(y)}" y2="${px(y)}" data-figure="${figure}" data-value="${amount}" />`,
    `<text class="${className}-label" x="${LEFT + 6}" y="${px(y - 6)}">${escapeHtml(`${label} · ${frenchEuros(amount)}`)}</text>`,
  ].join('\n')
}

/** The forecast in a sentence: when the central pace reaches each target. */
export function forecastWords(f: ForecastView): string {
  const when = (date: string | null): string =>
    date === null ? 'ne serait pas atteint à ce rythme' : `serait atteint vers ${frenchMonth(date)}`
  const pace = `Au rythme central des ${f.window.length} derniers mois`
  if (f.maximum.reachedOn !== null) {
    return `Le montant maximum est atteint depuis le ${frenchDate(f.maximum.reachedOn)} : l’accord-cadre a épuisé ses effets.`
  }
  if (f.estimate.reachedOn !== null) {
    return `Le montant estimé est atteint depuis le ${frenchDate(f.estimate.reachedOn)}. ${pace}, le montant maximum ${when(f.maximum.central)}.`
  }
  return `${pace}, le montant estimé ${when(f.estimate.central)} et le montant maximum ${when(f.maximum.central)}.`
}

/**
 * Cumulative commitments and payments month by month, against the estimate and the maximum,
 * with the forecast band from the day of the report: the low, central and high paces of the
 * last months, projected until they meet the maximum (or two years after the end of validity).
 */
export function cumulativeChart(data: ReportData): string {
  const o = data.overview
  const f = data.forecast
  const situation = f?.today ?? data.meta.asOf ?? data.meta.today
  const { start, end } = span(data, situation)
  const axis = timeAxis(start, end, LEFT, RIGHT)
  const highest = Math.max(
    plotted(o.maximum),
    ...data.months.map((m) => plotted(m.cumulativeCommitted)),
    1,
  )
  const scale = niceScale(highest * 1.06, 5)
  const y = linearScale([0, scale.max], [BOTTOM, TOP])
  const last = data.months.at(-1)
  const committedPoints = points(data.months, axis, y, situation, (m) => m.cumulativeCommitted)
  const paidPoints = points(data.months, axis, y, situation, (m) => m.cumulativePaid)
  const grid = scale.ticks
    .map(
      (tick) =>
        `<line class="grid" x1="${LEFT}" x2="${RIGHT}" y1="${px(y(tick))}" y2="${px(y(tick))}" />\n<text class="tick" x="${LEFT - 8}" y="${px(y(tick) + 4)}" text-anchor="end">${escapeHtml(frenchAxisEuros(tick, scale.step))}</text>`,
    )
    .join('\n')
  const firstX = data.months[0] === undefined ? LEFT : axis.x(`${data.months[0].month}-01`)
  const area =
    committedPoints === ''
      ? ''
      : `<polygon class="k-committed-area" points="${committedPoints} ${px(axis.x(last === undefined ? start : monthEnd(last.month) < situation ? monthEnd(last.month) : situation))},${px(y(0))} ${px(firstX)},${px(y(0))}" />`
  const body = [
    `<defs><clipPath id="cumulative-clip"><rect x="${LEFT}" y="${TOP}" width="${RIGHT - LEFT}" height="${BOTTOM - TOP}" /></clipPath></defs>`,
    grid,
    timeTicks(axis, BOTTOM + 22, TOP),
    `<line class="axis" x1="${LEFT}" x2="${RIGHT}" y1="${BOTTOM}" y2="${BOTTOM}" />`,
    verticalMarker(axis, o.endsOn, 'Fin de validité', 'validity-end', TOP - 8),
    verticalMarker(axis, situation, `Situation au ${frenchDate(situation)}`, 'situation', TOP - 30),
    area,
    band(data, axis, y, situation),
    levelLine(y(plotted(o.estimate)), o.estimate, 'Montant estimé', 'level-estimate', 'estimate'),
    levelLine(y(plotted(o.maximum)), o.maximum, 'Montant maximum', 'level-maximum', 'maximum'),
    committedPoints === ''
      ? ''
      : `<polyline class="line-committed" points="${committedPoints}" data-series="committed" data-last="${last?.cumulativeCommitted ?? '0.00'}" />`,
    paidPoints === ''
      ? ''
      : `<polyline class="line-paid" points="${paidPoints}" data-series="paid" data-last="${last?.cumulativePaid ?? '0.00'}" />`,
  ]
    .filter((part) => part !== '')
    .join('\n')
  const forecastSentence = f === null || !hasForecastBand(data) ? '' : ` ${forecastWords(f)}`
  return chartFigure({
    id: 'cumulative',
    title: 'Engagements et paiements cumulés, et prévision',
    description: `Cumul mois par mois depuis ${data.months[0] === undefined ? frenchDate(start) : frenchMonth(data.months[0].month)} : ${frenchEuros(o.committed)} engagés et ${frenchEuros(o.paid)} payés, pour un montant estimé de ${frenchEuros(o.estimate)} et un montant maximum de ${frenchEuros(o.maximum)}.${forecastSentence}`,
    width: WIDTH,
    height: HEIGHT,
    body,
    data: {
      committed: o.committed,
      paid: o.paid,
      estimate: o.estimate,
      maximum: o.maximum,
      months: data.months.length,
      'forecast-band': hasForecastBand(data) ? 'yes' : 'no',
    },
    legend: chartLegend([
      { kind: 'committed', label: 'Engagé cumulé', shape: 'line' },
      { kind: 'paid', label: 'Payé cumulé', shape: 'line' },
      ...(hasForecastBand(data)
        ? [{ kind: 'band', label: 'Prévision : rythmes bas, central (tirets) et haut' }]
        : []),
      { kind: 'estimate', label: 'Montant estimé', shape: 'dash' as const },
      { kind: 'maximum', label: 'Montant maximum', shape: 'line' as const },
    ]),
    table: dataTable({
      caption: 'Engagements et paiements par mois (€ HT)',
      columns: [
        { header: 'Mois' },
        { header: 'Engagé dans le mois', numeric: true },
        { header: 'Engagé cumulé', numeric: true },
        { header: 'Payé dans le mois', numeric: true },
        { header: 'Payé cumulé', numeric: true },
      ],
      rows: data.months.map((m) =>
        [
          frenchMonth(m.month),
          frenchEuros(m.committed),
          frenchEuros(m.cumulativeCommitted),
          frenchEuros(m.paid),
          frenchEuros(m.cumulativePaid),
        ].map(escapeHtml),
      ),
    }),
  })
}
