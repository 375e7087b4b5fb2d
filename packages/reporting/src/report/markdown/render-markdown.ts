import { formatCents } from '@plafond/core'
import { centsOf, type ProductView } from '@plafond/projections'
import { largestFirst } from '../format/decimal-order.js'
import { frenchDate, frenchMonth } from '../format/french-date.js'
import { alertFigures, alertSentence, phaseLabel, PHASES } from '../format/french-labels.js'
import { frenchCount, frenchEuros, frenchPercent } from '../format/french-number.js'
import {
  concentrationSentence,
  datingLine,
  delaySentence,
  driftSentence,
  forecastTargetCells,
  interestSentence,
  keyFigures,
  sizeLine,
  validityLine,
} from '../format/report-sentences.js'
import type { ReportData } from '../report-data.js'
import { markdownTable, markdownText as md } from './markdown-text.js'

function byCommittedDesc<T extends { readonly committed: string }>(rows: readonly T[]): T[] {
  return largestFirst(rows, (row) => row.committed)
}

function header(data: ReportData): string[] {
  const lines = [`# ${md(data.meta.title)}`, '']
  if (data.meta.notice !== null) lines.push(`> **À noter :** ${md(data.meta.notice)}`, '')
  lines.push(
    `Accord-cadre \`${data.meta.frameworkId}\` · ${md(datingLine(data))}`,
    '',
    `${md(validityLine(data))} · ${md(sizeLine(data))}`,
  )
  return lines
}

function keyFigureSection(data: ReportData): string[] {
  const rows = keyFigures(data).map((figure) => {
    const strong = figure.key === 'committed' ? '**' : ''
    return [
      `${strong}${figure.label}${strong}`,
      `${strong}${frenchEuros(figure.amount)}${strong}`,
      figure.note === null ? '' : md(figure.note),
    ]
  })
  return [
    '## Chiffres clés',
    '',
    markdownTable(['', 'Montant (€ HT)', ''], ['left', 'right', 'left'], rows),
  ]
}

function beneficiarySection(data: ReportData): string[] {
  const rows = byCommittedDesc(data.beneficiaries).map((b) => [
    md(b.name ?? b.beneficiaryId),
    frenchEuros(b.allocated),
    frenchEuros(b.committed),
    frenchPercent(b.shareOfAllocation),
    frenchEuros(b.certified),
    frenchEuros(b.paid),
  ])
  return [
    '## Bénéficiaires',
    '',
    'Par montant engagé décroissant.',
    '',
    markdownTable(
      ['Bénéficiaire', 'Enveloppe', 'Engagé', 'Engagé / enveloppe', 'Service fait', 'Payé'],
      ['left', 'right', 'right', 'right', 'right', 'right'],
      rows,
    ),
  ]
}

function holderSection(data: ReportData, nameOf: (id: string) => string): string[] {
  const rows = byCommittedDesc(data.holders.holders).map((h) => [
    md(h.name ?? h.holderId) +
      (h.succeededBy === null
        ? ''
        : ` (repris par ${md(nameOf(h.succeededBy))} le ${frenchDate(h.succeededOn)})`),
    frenchEuros(h.committed),
    frenchPercent(h.shareOfCommitted),
    frenchEuros(h.awarded),
    frenchEuros(h.paid),
    frenchCount(h.contractsHeld),
  ])
  return [
    '## Titulaires',
    '',
    markdownTable(
      ['Titulaire', 'Engagé détenu', 'Part', 'Attribué', 'Payé', 'Marchés détenus'],
      ['left', 'right', 'right', 'right', 'right', 'right'],
      rows,
    ),
    '',
    md(concentrationSentence(data.holders.concentration, data.overview.holders)),
  ]
}

function budgetYearSection(data: ReportData): string[] {
  const rows = data.budgetYears.map((y) => [
    String(y.year),
    frenchEuros(y.committed),
    frenchEuros(y.paid),
    frenchEuros(y.cumulativeCommitted),
    frenchEuros(y.cumulativePaid),
    frenchEuros(y.remainingToPay),
  ])
  return [
    '## Années budgétaires (AE / CP)',
    '',
    'L’année budgétaire est l’année civile (LOLF, art. 1er). Montants HT.',
    '',
    markdownTable(
      ['Année', 'Engagé (AE)', 'Payé (CP)', 'AE cumulées', 'CP cumulés', 'Restes à payer'],
      ['left', 'right', 'right', 'right', 'right', 'right'],
      rows,
    ),
  ]
}

function alertSection(data: ReportData, beneficiaryName: (id: string) => string): string[] {
  const items =
    data.alerts.length === 0
      ? ['Aucun seuil franchi.']
      : data.alerts.map(
          (a) =>
            `- **${frenchDate(a.on)}** — ${md(alertSentence(a, beneficiaryName))} (${md(alertFigures(a))} ; marché \`${a.contractId}\`)`,
        )
  return ['## Alertes', '', ...items]
}

function delaySection(data: ReportData): string[] {
  const d = data.paymentDelays
  return [
    '## Délais de paiement',
    '',
    md(delaySentence(d)),
    '',
    markdownTable(
      ['Délai', 'Paiements'],
      ['left', 'right'],
      [
        ['0 à 30 jours', frenchCount(d.upTo30Days)],
        ['31 à 60 jours', frenchCount(d.upTo60Days)],
        ['61 à 90 jours', frenchCount(d.upTo90Days)],
        ['plus de 90 jours', frenchCount(d.over90Days)],
      ],
    ),
    '',
    md(interestSentence(d)),
  ]
}

function driftSection(data: ReportData, beneficiaryName: (id: string) => string): string[] {
  const modified = largestFirst(
    data.contracts.contracts.filter((c) => c.modifications.length > 0),
    (c) => c.driftPercent,
  )
  const lines = ['## Dérive des marchés', '', md(driftSentence(data.contracts))]
  if (modified.length > 0) {
    lines.push(
      '',
      markdownTable(
        ['Marché', 'Bénéficiaire', 'Initial', 'Actuel', 'Dérive', 'Modifications'],
        ['left', 'left', 'right', 'right', 'right', 'left'],
        modified.map((c) => [
          `\`${c.contractId}\``,
          md(beneficiaryName(c.beneficiaryId)),
          frenchEuros(c.initial),
          frenchEuros(c.amount),
          `${c.driftAboveReference ? '**' : ''}${frenchPercent(c.driftPercent)}${c.driftAboveReference ? '**' : ''}`,
          c.modifications.map((m) => `${m.legalBasis} (${frenchDate(m.notifiedOn)})`).join(', '),
        ]),
      ),
    )
  }
  return lines
}

function forecastSection(data: ReportData): string[] {
  const f = data.forecast
  if (f === null) return []
  const lines = ['## Prévision', '']
  lines.push(
    f.burn === null
      ? 'Pas d’historique d’engagements sur la période de mesure : pas de prévision.'
      : `Rythme des engagements mesuré sur ${frenchCount(f.window.length)} mois jusqu’au ${frenchDate(f.today)} : ${frenchEuros(f.burn.central.perMonth)} par mois en moyenne (mois le plus lent ${frenchEuros(f.burn.low.perMonth)}, le plus rapide ${frenchEuros(f.burn.high.perMonth)}).`,
    '',
  )
  const row = (label: string, t: typeof f.estimate): string[] => [label, ...forecastTargetCells(t)]
  lines.push(
    markdownTable(
      ['Cible', 'Montant', 'Atteint le', 'Au plus tôt', 'Date centrale', 'Au plus tard'],
      ['left', 'right', 'left', 'left', 'left', 'left'],
      [
        row('Montant estimé', f.estimate),
        row('Montant maximum', f.maximum),
        ...f.scenarios.flatMap((s) => [
          row(`${md(s.name)} : estimé`, s.estimate),
          row(`${md(s.name)} : maximum`, s.maximum),
        ]),
      ],
    ),
    '',
    '— : pas encore atteint, ou jamais au rythme considéré.',
  )
  return lines
}

function productSection(products: readonly ProductView[]): string[] {
  if (products.length === 0) return []
  const byPhase = new Map<string | null, { count: number; cost: bigint }>()
  for (const p of products) {
    const entry = byPhase.get(p.phase) ?? { count: 0, cost: 0n }
    entry.count += 1
    entry.cost += centsOf(p.cost)
    byPhase.set(p.phase, entry)
  }
  const order = [...PHASES, null].filter((phase) => byPhase.has(phase))
  return [
    '## Produits',
    '',
    'Produits nommés par les marchés, selon leur phase actuelle ; coût = service fait.',
    '',
    markdownTable(
      ['Phase actuelle', 'Produits', 'Coût'],
      ['left', 'right', 'right'],
      order.map((phase) => {
        const entry = byPhase.get(phase)!
        return [phaseLabel(phase), frenchCount(entry.count), frenchEuros(formatCents(entry.cost))]
      }),
    ),
  ]
}

function monthSection(data: ReportData): string[] {
  if (data.months.length === 0) return []
  return [
    '<details>',
    '<summary>Mois par mois</summary>',
    '',
    markdownTable(
      ['Mois', 'Engagé', 'Service fait', 'Payé', 'Engagé cumulé', 'Payé cumulé'],
      ['left', 'right', 'right', 'right', 'right', 'right'],
      data.months.map((m) => [
        frenchMonth(m.month),
        frenchEuros(m.committed),
        frenchEuros(m.certified),
        frenchEuros(m.paid),
        frenchEuros(m.cumulativeCommitted),
        frenchEuros(m.cumulativePaid),
      ]),
    ),
    '',
    '</details>',
  ]
}

/**
 * The report in Markdown (GitHub Flavored), in French, for a README or a ticket: the key
 * figures first, then beneficiaries, holders, budget years, alerts, payment delays, contract
 * drift, forecast, products, and the months in a collapsed block. Amounts are exact, written
 * the French way (`1 234 567,89 €`).
 */
export function renderMarkdown(data: ReportData): string {
  const beneficiaryNames = new Map(
    data.beneficiaries.map((b) => [b.beneficiaryId, b.name ?? b.beneficiaryId]),
  )
  const holderNames = new Map(data.holders.holders.map((h) => [h.holderId, h.name ?? h.holderId]))
  const beneficiaryName = (id: string): string => beneficiaryNames.get(id) ?? id
  const holderName = (id: string): string => holderNames.get(id) ?? id
  const sections = [
    header(data),
    keyFigureSection(data),
    beneficiarySection(data),
    holderSection(data, holderName),
    budgetYearSection(data),
    alertSection(data, beneficiaryName),
    delaySection(data),
    driftSection(data, beneficiaryName),
    forecastSection(data),
    productSection(data.products),
    monthSection(data),
    [
      '---',
      '',
      '_Montants en euros hors taxes, exacts au centime. Engagé : attributions et modifications des marchés, moins ce que leur clôture a libéré. Établi par Plafond à partir du journal des événements de l’accord-cadre._',
    ],
  ]
  return `${sections
    .filter((lines) => lines.length > 0)
    .map((lines) => lines.join('\n'))
    .join('\n\n')}\n`
}
