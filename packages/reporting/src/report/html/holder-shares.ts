import { largestFirst } from '../format/decimal-order.js'
import { frenchDate } from '../format/french-date.js'
import { frenchCount, frenchCountOf, frenchEuros, frenchPercent } from '../format/french-number.js'
import { concentrationSentence } from '../format/report-sentences.js'
import type { ReportData } from '../report-data.js'
import { chartFigure } from './chart-figure.js'
import { dataTable } from './data-table.js'
import { escapeHtml } from './html-text.js'
import { linearScale, plotted, px } from './svg-geometry.js'

const WIDTH = 880
const BAR = 34
const ROW = 28
/** Holder colours cycle through this many `k-holder-N` classes of the page. */
export const HOLDER_COLOURS = 7

/**
 * Each holder's share of the committed money: one bar split by holder, largest first, then one
 * line per holder with its colour, share and amount. A holder that a merger absorbed (R2194-6)
 * says who took its call-offs over.
 */
export function holderShares(data: ReportData): string {
  const names = new Map(data.holders.holders.map((h) => [h.holderId, h.name ?? h.holderId]))
  const rows = largestFirst(data.holders.holders, (h) => h.committed)
  const total = Math.max(1, plotted(data.holders.committed))
  const x = linearScale([0, total], [0, WIDTH])
  let start = 0
  const segments: string[] = []
  const lines: string[] = []
  rows.forEach((h, i) => {
    const colour = `k-holder-${i % HOLDER_COLOURS}`
    const value = Math.max(0, plotted(h.committed))
    const name = names.get(h.holderId)!
    if (value > 0) {
      segments.push(
        `<rect class="${colour}" x="${px(x(start))}" y="0" width="${px(x(start + value) - x(start))}" height="${BAR}" data-holder-id="${escapeHtml(h.holderId)}" data-committed="${h.committed}" data-share="${h.shareOfCommitted ?? ''}"><title>${escapeHtml(`${name} : ${frenchPercent(h.shareOfCommitted)}`)}</title></rect>`,
      )
      start += value
    }
    const y = BAR + 24 + i * ROW
    const successor =
      h.succeededBy === null
        ? ''
        : ` — repris par ${names.get(h.succeededBy) ?? h.succeededBy} le ${frenchDate(h.succeededOn)}`
    lines.push(
      [
        `<rect class="${colour}" x="0" y="${y - 12}" width="14" height="14" />`,
        `<text class="row-label" x="24" y="${y}">${escapeHtml(name)}<tspan class="muted">${escapeHtml(successor)}</tspan></text>`,
        `<text class="row-figure strong" x="${WIDTH - 170}" y="${y}" text-anchor="end">${escapeHtml(frenchPercent(h.shareOfCommitted))}</text>`,
        `<text class="row-figure" x="${WIDTH}" y="${y}" text-anchor="end">${escapeHtml(frenchEuros(h.committed))}</text>`,
      ].join('\n'),
    )
  })
  return chartFigure({
    id: 'holders-chart',
    title: 'Parts des titulaires dans l’engagé',
    description: `${frenchCountOf(rows.length, 'titulaire', 'titulaires')}. ${rows
      .map((h) => `${names.get(h.holderId)!} : ${frenchPercent(h.shareOfCommitted)}`)
      .join(' ; ')}.`,
    width: WIDTH,
    height: BAR + 24 + Math.max(1, rows.length) * ROW,
    body: [...segments, ...lines].join('\n'),
    data: { count: rows.length, committed: data.holders.committed },
    table: dataTable({
      caption: 'Titulaires (€ HT)',
      columns: [
        { header: 'Titulaire' },
        { header: 'Engagé détenu', numeric: true },
        { header: 'Part', numeric: true },
        { header: 'Attribué', numeric: true },
        { header: 'Part de l’attribué', numeric: true },
        { header: 'Payé', numeric: true },
        { header: 'Marchés détenus', numeric: true },
      ],
      rows: rows.map((h) =>
        [
          names.get(h.holderId)!,
          frenchEuros(h.committed),
          frenchPercent(h.shareOfCommitted),
          frenchEuros(h.awarded),
          frenchPercent(h.shareOfAwarded),
          frenchEuros(h.paid),
          frenchCount(h.contractsHeld),
        ].map(escapeHtml),
      ),
    }),
  })
}

/**
 * The Herfindahl-Hirschman index on its scale from 0 to 10 000, with the value it would have if
 * the current holders shared the spend equally: the least concentrated split they allow.
 */
export function concentrationScale(data: ReportData): string {
  const hhi = data.holders.concentration
  const holders = data.overview.holders
  const x = linearScale([0, 10_000], [8, WIDTH - 8])
  const equal = holders > 0 ? Math.round(10_000 / holders) : null
  const ticks = [0, 2_500, 5_000, 7_500, 10_000]
    .map(
      (t) =>
        `<text class="tick" x="${px(x(t))}" y="98" text-anchor="${t === 0 ? 'start' : t === 10_000 ? 'end' : 'middle'}">${frenchCount(t)}</text>`,
    )
    .join('\n')
  const equalMark =
    equal === null || holders < 2
      ? ''
      : [
          `<line class="equal-share" x1="${px(x(equal))}" x2="${px(x(equal))}" y1="30" y2="62" />`,
          `<text class="marker-note" x="${px(x(equal))}" y="78" text-anchor="middle">${escapeHtml(`parts égales : ${frenchCount(equal)}`)}</text>`,
        ].join('\n')
  const marker =
    hhi === null
      ? ''
      : [
          `<polygon class="hhi-marker" points="${px(x(hhi) - 7)},20 ${px(x(hhi) + 7)},20 ${px(x(hhi))},32" data-hhi="${hhi}" />`,
          `<text class="marker-label-hhi" x="${px(x(hhi))}" y="13" text-anchor="${hhi > 8_500 ? 'end' : hhi < 1_500 ? 'start' : 'middle'}">${escapeHtml(`Indice ${frenchCount(hhi)}`)}</text>`,
        ].join('\n')
  return chartFigure({
    id: 'concentration-chart',
    title: 'Concentration de la dépense (indice de Herfindahl-Hirschman)',
    description: concentrationSentence(hhi, holders),
    width: WIDTH,
    height: 104,
    body: [
      `<rect class="k-track" x="${px(x(0))}" y="36" width="${px(x(10_000) - x(0))}" height="20" />`,
      `<rect class="k-hhi" x="${px(x(0))}" y="36" width="${px(x(hhi ?? 0) - x(0))}" height="20" />`,
      equalMark,
      marker,
      ticks,
    ]
      .filter((part) => part !== '')
      .join('\n'),
    data: { hhi: hhi ?? '', 'equal-shares': equal ?? '' },
    table: dataTable({
      caption: 'Concentration',
      columns: [{ header: 'Mesure' }, { header: 'Valeur', numeric: true }],
      rows: [
        ['Indice sur l’engagé détenu', hhi === null ? '—' : frenchCount(hhi)],
        [
          'Indice sur l’attribué',
          data.holders.awardedConcentration === null
            ? '—'
            : frenchCount(data.holders.awardedConcentration),
        ],
        ['Indice à parts égales', equal === null ? '—' : frenchCount(equal)],
      ].map((row) => row.map(escapeHtml)),
    }),
  })
}
