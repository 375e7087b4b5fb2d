import { largestFirst } from '../format/decimal-order.js'
import { frenchDate } from '../format/french-date.js'
import { LEGAL_BASIS_LABELS } from '../format/french-labels.js'
import {
  frenchCount,
  frenchCountOf,
  frenchDecimal,
  frenchEuros,
  frenchPercent,
  NARROW_NBSP,
} from '../format/french-number.js'
import type { ReportData } from '../report-data.js'
import { chartFigure } from './chart-figure.js'
import { chartLegend } from './chart-legend.js'
import { dataTable } from './data-table.js'
import { escapeHtml } from './html-text.js'
import { linearScale, niceScale, plotted, px } from './svg-geometry.js'

const WIDTH = 880
const LABELS = 150
const RIGHT = WIDTH - 70
const TOP = 34
const ROW = 26
/** The chart shows the call-offs that drifted most; the table lists every modified one. */
export const DRIFT_CHART_ROWS = 12

/**
 * The call-offs whose amount drifted most from their award (modifications, L2194-1), as bars in
 * percent, against the 24 % average budget drift of the State's large IT projects: bars past it
 * are red.
 */
export function driftChart(data: ReportData, beneficiaryName: (id: string) => string): string {
  const summary = data.contracts
  const modified = largestFirst(
    summary.contracts.filter((c) => c.modifications.length > 0),
    (c) => c.driftPercent,
  )
  const drifted = modified
    .filter((c) => c.driftPercent !== null && c.driftPercent !== '0.00')
    .slice(0, DRIFT_CHART_ROWS)
  const reference = plotted(summary.referenceDriftPercent)
  const values = drifted.map((c) => plotted(c.driftPercent!))
  const scale = niceScale(Math.max(reference * 1.25, ...values), 5, Math.min(0, ...values))
  const x = linearScale([scale.min, scale.max], [LABELS, RIGHT])
  const bottom = TOP + Math.max(1, drifted.length) * ROW
  const body = [
    ...scale.ticks.map(
      (tick) =>
        `<line class="grid" x1="${px(x(tick))}" x2="${px(x(tick))}" y1="${TOP - 4}" y2="${bottom}" />\n<text class="tick" x="${px(x(tick))}" y="${bottom + 18}" text-anchor="middle">${escapeHtml(`${frenchDecimal(String(tick))}${NARROW_NBSP}%`)}</text>`,
    ),
    ...drifted.map((c, i) => {
      const top = TOP + i * ROW
      const value = plotted(c.driftPercent!)
      const left = Math.min(x(0), x(value))
      const kind = c.driftAboveReference ? 'drift-high' : 'drift'
      return [
        `<g data-contract-id="${escapeHtml(c.contractId)}" data-drift="${c.driftPercent}">`,
        `<title>${escapeHtml(`${c.contractId} (${beneficiaryName(c.beneficiaryId)}) : de ${frenchEuros(c.initial)} à ${frenchEuros(c.amount)}`)}</title>`,
        `<text class="row-label mono" x="0" y="${top + 16}">${escapeHtml(c.contractId)}</text>`,
        `<rect class="k-${kind}" x="${px(left)}" y="${top + 5}" width="${px(Math.abs(x(value) - x(0)))}" height="15" />`,
        `<text class="row-figure" x="${px(Math.max(x(value), x(0)) + 6)}" y="${top + 16}">${escapeHtml(frenchPercent(c.driftPercent))}</text>`,
        '</g>',
      ].join('\n')
    }),
    `<line class="axis" x1="${px(x(0))}" x2="${px(x(0))}" y1="${TOP - 4}" y2="${bottom}" />`,
    `<line class="reference-drift" x1="${px(x(reference))}" x2="${px(x(reference))}" y1="${TOP - 10}" y2="${bottom}" data-reference="${summary.referenceDriftPercent}" />`,
    `<text class="marker-label-maximum" x="${px(x(reference))}" y="${TOP - 16}" text-anchor="middle">${escapeHtml(`Référence ${frenchPercent(summary.referenceDriftPercent)}`)}</text>`,
  ].join('\n')
  return chartFigure({
    id: 'drift-chart',
    title: 'Dérive des marchés modifiés, en % du montant initial',
    description: `${frenchCountOf(modified.length, 'marché modifié', 'marchés modifiés')} sur ${frenchCount(summary.contracts.length)} ; ${frenchCount(summary.aboveReference)} ${summary.aboveReference >= 2 ? 'dépassent' : 'dépasse'} la référence de ${frenchPercent(summary.referenceDriftPercent)}. ${drifted.length === 1 ? 'La plus forte dérive' : `Les ${frenchCount(drifted.length)} plus fortes dérives`} : ${drifted.map((c) => `${c.contractId} ${frenchPercent(c.driftPercent)}`).join(', ')}.`,
    width: WIDTH,
    height: bottom + 28,
    body,
    data: {
      'drift-percent': summary.driftPercent ?? '',
      reference: summary.referenceDriftPercent,
      modified: summary.modified,
      'above-reference': summary.aboveReference,
    },
    legend: chartLegend([
      { kind: 'drift', label: 'Dérive sous la référence' },
      { kind: 'drift-high', label: 'Dérive au-delà de la référence' },
      {
        kind: 'maximum',
        label: `Référence : dérive budgétaire moyenne des grands projets informatiques de l’État, fin 2022 (${frenchPercent(summary.referenceDriftPercent)})`,
        shape: 'dash',
      },
    ]),
    table: dataTable({
      caption: 'Marchés modifiés (€ HT)',
      columns: [
        { header: 'Marché' },
        { header: 'Bénéficiaire' },
        { header: 'Initial', numeric: true },
        { header: 'Actuel', numeric: true },
        { header: 'Dérive', numeric: true },
        { header: 'Modifications' },
      ],
      rows: modified.map((c) =>
        [
          c.contractId,
          beneficiaryName(c.beneficiaryId),
          frenchEuros(c.initial),
          frenchEuros(c.amount),
          frenchPercent(c.driftPercent),
          c.modifications
            .map(
              (m) =>
                `${m.legalBasis} (${LEGAL_BASIS_LABELS[m.legalBasis] ?? m.legalBasis}), ${frenchDate(m.notifiedOn)} : ${frenchEuros(m.delta)}`,
            )
            .join(' ; '),
        ].map(escapeHtml),
      ),
    }),
  })
}
