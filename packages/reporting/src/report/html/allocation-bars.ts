import { centsOf } from '@plafond/projections'
import { largestFirst } from '../format/decimal-order.js'
import {
  frenchCompactEuros,
  frenchCount,
  frenchCountOf,
  frenchEuros,
  frenchPercent,
  NARROW_NBSP,
} from '../format/french-number.js'
import type { ReportData } from '../report-data.js'
import { chartFigure } from './chart-figure.js'
import { chartLegend } from './chart-legend.js'
import { dataTable } from './data-table.js'
import { escapeHtml } from './html-text.js'
import { linearScale, plotted, px } from './svg-geometry.js'

const WIDTH = 880
const ROW = 46

/** From this share of its allocation (in hundredths of a percent), a beneficiary's figures are red. */
const NEARLY_SPENT = 9_000n

function nearlySpent(share: string | null): boolean {
  return share !== null && centsOf(share) >= NEARLY_SPENT
}

/** The subject and verb for how many beneficiaries are nearly spent, agreed in number. */
function spentWords(count: number): string {
  if (count === 0) return 'Aucun n’a'
  return count === 1 ? '1 a' : `${frenchCount(count)} ont`
}

/**
 * Per beneficiary, largest commitment first: its allocation as a track and its committed money
 * as a bar on one common scale, so that both the size and the use of each allocation show. The
 * figures of a beneficiary at 90 % of its allocation or more are in red: little is left to award.
 */
export function allocationBars(data: ReportData): string {
  const rows = largestFirst(data.beneficiaries, (b) => b.committed)
  const widest = Math.max(1, ...rows.flatMap((b) => [plotted(b.allocated), plotted(b.committed)]))
  const x = linearScale([0, widest], [0, WIDTH])
  const body = rows
    .map((b, i) => {
      const top = i * ROW
      const name = b.name ?? b.beneficiaryId
      const figures = `${frenchCompactEuros(b.committed)} sur ${frenchCompactEuros(b.allocated)} · ${frenchPercent(b.shareOfAllocation)}`
      const high = nearlySpent(b.shareOfAllocation)
      return [
        `<g data-beneficiary-id="${escapeHtml(b.beneficiaryId)}" data-committed="${b.committed}" data-allocated="${b.allocated}" data-share="${b.shareOfAllocation ?? ''}">`,
        `<title>${escapeHtml(`${name} : ${frenchEuros(b.committed)} engagés sur une enveloppe de ${frenchEuros(b.allocated)}`)}</title>`,
        `<text class="row-label" x="0" y="${top + 15}">${escapeHtml(name)}</text>`,
        `<text class="row-figure${high ? ' high' : ''}" x="${WIDTH}" y="${top + 15}" text-anchor="end">${escapeHtml(figures)}</text>`,
        `<rect class="k-allocation" x="0" y="${top + 22}" width="${px(x(plotted(b.allocated)))}" height="14" />`,
        `<rect class="k-committed" x="0" y="${top + 22}" width="${px(x(Math.max(0, plotted(b.committed))))}" height="14" />`,
        '</g>',
      ].join('\n')
    })
    .join('\n')
  const spent = rows.filter((b) => nearlySpent(b.shareOfAllocation)).length
  return chartFigure({
    id: 'beneficiaries-chart',
    title: 'Utilisation des enveloppes par bénéficiaire',
    description: `${frenchCountOf(rows.length, 'bénéficiaire', 'bénéficiaires')}, du plus gros engagement au plus petit. ${spentWords(spent)} engagé au moins 90${NARROW_NBSP}% de ${spent >= 2 ? 'leur' : 'son'} enveloppe.`,
    width: WIDTH,
    height: Math.max(ROW, rows.length * ROW),
    body,
    data: { count: rows.length },
    legend: chartLegend([
      { kind: 'allocation', label: 'Enveloppe allouée' },
      { kind: 'committed', label: 'Engagé' },
      {
        kind: 'committed-high',
        label: `Chiffres en rouge : 90${NARROW_NBSP}% de l’enveloppe ou plus engagés`,
      },
    ]),
    table: dataTable({
      caption: 'Enveloppes et engagements par bénéficiaire (€ HT)',
      columns: [
        { header: 'Bénéficiaire' },
        { header: 'Enveloppe', numeric: true },
        { header: 'Engagé', numeric: true },
        { header: 'Engagé / enveloppe', numeric: true },
        { header: 'Reste sur l’enveloppe', numeric: true },
        { header: 'Payé', numeric: true },
      ],
      rows: rows.map((b) =>
        [
          b.name ?? b.beneficiaryId,
          frenchEuros(b.allocated),
          frenchEuros(b.committed),
          frenchPercent(b.shareOfAllocation),
          frenchEuros(b.headroom),
          frenchEuros(b.paid),
        ].map(escapeHtml),
      ),
    }),
  })
}
