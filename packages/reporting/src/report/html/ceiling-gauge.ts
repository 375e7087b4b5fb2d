import { centsOf, sharePercent } from '@plafond/projections'
import { frenchAxisEuros, frenchEuros, frenchPercent } from '../format/french-number.js'
import type { ReportData } from '../report-data.js'
import { chartFigure } from './chart-figure.js'
import { chartLegend } from './chart-legend.js'
import { dataTable } from './data-table.js'
import { escapeHtml } from './html-text.js'
import { linearScale, niceScale, plotted, px } from './svg-geometry.js'

const WIDTH = 880
const HEIGHT = 200
const LEFT = 8
const RIGHT = WIDTH - 16

/**
 * The ceiling gauge: committed and paid money as two bars on one scale, against the estimate (a
 * forecast, dashed) and the maximum (the legal cap, red). The bars and lines carry their exact
 * amounts in `data-value`.
 */
export function ceilingGauge(data: ReportData): string {
  const o = data.overview
  const top = Math.max(plotted(o.maximum), plotted(o.committed), 1)
  const scale = niceScale(top, 6)
  const x = linearScale([0, scale.max], [LEFT, RIGHT])
  const bar = (
    figure: 'committed' | 'paid',
    label: string,
    amount: string,
    note: string,
    y: number,
  ): string =>
    [
      `<text class="row-label" x="${LEFT}" y="${y - 8}"><tspan class="strong">${escapeHtml(label)}</tspan> ${escapeHtml(frenchEuros(amount))} <tspan class="muted">${escapeHtml(note)}</tspan></text>`,
      `<rect class="k-track" x="${LEFT}" y="${y}" width="${px(x(scale.max) - LEFT)}" height="26" />`,
      `<rect class="k-${figure}" x="${LEFT}" y="${y}" width="${px(Math.max(0, x(plotted(amount)) - LEFT))}" height="26" data-figure="${figure}" data-value="${amount}" />`,
    ].join('\n')
  const paidShare = frenchPercent(share(o.paid, o.maximum))
  const marker = (
    figure: 'estimate' | 'maximum',
    label: string,
    amount: string,
    anchor: 'start' | 'end',
  ): string => {
    const at = px(x(plotted(amount)))
    return [
      `<line class="marker-${figure}" x1="${at}" x2="${at}" y1="34" y2="150" data-figure="${figure}" data-value="${amount}" />`,
      `<text class="marker-label-${figure}" x="${at}" y="24" text-anchor="${anchor}">${escapeHtml(label)} ${escapeHtml(frenchEuros(amount))}</text>`,
    ].join('\n')
  }
  const ticks = scale.ticks
    .map(
      (tick) =>
        `<text class="tick" x="${px(x(tick))}" y="176" text-anchor="${tick === 0 ? 'start' : tick === scale.max ? 'end' : 'middle'}">${escapeHtml(frenchAxisEuros(tick, scale.step))}</text>`,
    )
    .join('\n')
  const estimateNearMaximum = plotted(o.estimate) > scale.max * 0.7
  const body = [
    bar('committed', 'Engagé', o.committed, `· ${frenchPercent(o.shareOfMaximum)} du maximum`, 70),
    bar('paid', 'Payé', o.paid, `· ${paidShare} du maximum`, 126),
    marker('estimate', 'Estimé', o.estimate, estimateNearMaximum ? 'end' : 'start'),
    marker('maximum', 'Maximum', o.maximum, 'end'),
    `<line class="axis" x1="${LEFT}" x2="${RIGHT}" y1="158" y2="158" />`,
    ticks,
  ].join('\n')
  return chartFigure({
    id: 'gauge',
    title: 'Consommation du plafond',
    description: `Engagé : ${frenchEuros(o.committed)}, soit ${frenchPercent(o.shareOfEstimate)} du montant estimé (${frenchEuros(o.estimate)}) et ${frenchPercent(o.shareOfMaximum)} du montant maximum (${frenchEuros(o.maximum)}). Payé : ${frenchEuros(o.paid)}.`,
    width: WIDTH,
    height: HEIGHT,
    body,
    data: {
      committed: o.committed,
      paid: o.paid,
      estimate: o.estimate,
      maximum: o.maximum,
    },
    legend: chartLegend([
      { kind: 'committed', label: 'Engagé' },
      { kind: 'paid', label: 'Payé' },
      { kind: 'estimate', label: 'Montant estimé (prévision)', shape: 'dash' },
      { kind: 'maximum', label: 'Montant maximum (plafond légal)', shape: 'line' },
    ]),
    table: dataTable({
      caption: 'Consommation du plafond (€ HT)',
      columns: [
        { header: 'Montant' },
        { header: 'Euros HT', numeric: true },
        { header: 'Part du maximum', numeric: true },
      ],
      rows: [
        ['Montant maximum', frenchEuros(o.maximum), frenchPercent('100.00')],
        ['Montant estimé', frenchEuros(o.estimate), frenchPercent(share(o.estimate, o.maximum))],
        ['Engagé', frenchEuros(o.committed), frenchPercent(o.shareOfMaximum)],
        ['Payé', frenchEuros(o.paid), paidShare],
      ].map((row) => row.map(escapeHtml)),
    }),
  })
}

function share(part: string, whole: string): string | null {
  return sharePercent(centsOf(part), centsOf(whole))
}
