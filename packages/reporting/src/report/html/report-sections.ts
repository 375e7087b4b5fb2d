import { formatCents } from '@plafond/core'
import { centsOf, type TargetForecastView } from '@plafond/projections'
import { largestFirst } from '../format/decimal-order.js'
import { frenchDate } from '../format/french-date.js'
import { phaseLabel, PHASES } from '../format/french-labels.js'
import {
  frenchCompactEuros,
  frenchCount,
  frenchCountOf,
  frenchDecimal,
  frenchEuros,
  frenchPercent,
  frenchSpacing,
  NARROW_NBSP,
  NO_FIGURE,
} from '../format/french-number.js'
import {
  concentrationSentence,
  delaySentence,
  driftSentence,
  forecastTargetCells,
  interestSentence,
  keyFigures,
} from '../format/report-sentences.js'
import type { ReportData } from '../report-data.js'
import { alertsTimeline } from './alerts-timeline.js'
import { allocationBars } from './allocation-bars.js'
import { budgetYearsChart } from './budget-years-chart.js'
import { ceilingGauge } from './ceiling-gauge.js'
import { cumulativeChart, forecastWords, hasForecastBand } from './cumulative-chart.js'
import { dataTable } from './data-table.js'
import { driftChart } from './drift-chart.js'
import { concentrationScale, holderShares } from './holder-shares.js'
import { escapeHtml } from './html-text.js'
import { paymentDelaysChart } from './payment-delays-chart.js'

/** One section of the HTML report: its anchor, its heading (also in the table of contents). */
export interface ReportSection {
  readonly id: string
  readonly heading: string
  readonly content: string
}

/** Names of the framework's beneficiaries and holders, by id. */
export interface Names {
  readonly beneficiary: (id: string) => string
  readonly holder: (id: string) => string
}

function lead(text: string): string {
  return `<p class="lead">${escapeHtml(frenchSpacing(text))}</p>`
}

function paragraph(text: string): string {
  return `<p>${escapeHtml(frenchSpacing(text))}</p>`
}

function synthesis(data: ReportData): ReportSection {
  const shown = ['maximum', 'estimate', 'committed', 'certified', 'paid', 'headroom']
  const cards = keyFigures(data)
    .filter((figure) => shown.includes(figure.key))
    .sort((a, b) => shown.indexOf(a.key) - shown.indexOf(b.key))
    .map(
      (figure) =>
        `<li class="card${figure.key === 'committed' ? ' key' : ''}" data-figure="${figure.key}" data-value="${figure.amount}"><span class="label">${escapeHtml(figure.label)}</span><span class="value">${escapeHtml(frenchCompactEuros(figure.amount))}</span><span class="exact">${escapeHtml(frenchEuros(figure.amount))}</span>${figure.note === null ? '' : `<span class="note">${escapeHtml(figure.note)}</span>`}</li>`,
    )
    .join('\n')
  const o = data.overview
  return {
    id: 'synthese',
    heading: 'Synthèse',
    content: [
      lead(
        `${frenchEuros(o.committed)} engagés, soit ${frenchPercent(o.shareOfEstimate)} du montant estimé et ${frenchPercent(o.shareOfMaximum)} du montant maximum ; ${frenchEuros(o.paid)} payés. Il reste ${frenchEuros(o.headroom)} sous le plafond.`,
      ),
      `<ul class="cards">\n${cards}\n</ul>`,
      ceilingGauge(data),
    ].join('\n'),
  }
}

function targetRow(label: string, t: TargetForecastView): string[] {
  return [
    label,
    ...forecastTargetCells(t),
    t.centralWithinValidity === null ? NO_FIGURE : t.centralWithinValidity ? 'oui' : 'non',
  ].map(escapeHtml)
}

function commitments(data: ReportData): ReportSection {
  const f = data.forecast
  const o = data.overview
  let text: string
  if (f === null) text = 'Pas de prévision : l’accord-cadre n’est pas ouvert à cette date.'
  else if (o.status === 'closed') {
    text = `L’accord-cadre est clos depuis le ${frenchDate(o.closedOn)} : plus aucun marché ne peut être attribué, la prévision n’a plus d’objet.`
  } else if (!hasForecastBand(data)) {
    text = `Pas d’engagement nouveau sur les ${f.window.length} derniers mois : pas de rythme à projeter.`
  } else text = forecastWords(f)
  const parts = [lead(text), cumulativeChart(data)]
  if (f !== null && o.status !== 'closed') {
    parts.push(
      f.burn === null
        ? ''
        : paragraph(
            `Rythme mesuré sur ${frenchCountOf(f.window.length, 'mois', 'mois')} jusqu’au ${frenchDate(f.today)} : ${frenchEuros(f.burn.central.perMonth)} par mois en moyenne ; mois le plus lent ${frenchEuros(f.burn.low.perMonth)}, le plus rapide ${frenchEuros(f.burn.high.perMonth)}.`,
          ),
      dataTable({
        caption: 'Prévision : dates auxquelles les montants seraient atteints',
        columns: [
          { header: 'Cible' },
          { header: 'Montant', numeric: true },
          { header: 'Atteint le' },
          { header: 'Au plus tôt (rythme haut)' },
          { header: 'Date centrale' },
          { header: 'Au plus tard (rythme bas)' },
          { header: 'Avant la fin de validité' },
        ],
        rows: [
          targetRow('Montant estimé', f.estimate),
          targetRow('Montant maximum', f.maximum),
          ...f.scenarios.flatMap((s) => [
            targetRow(`${s.name} : montant estimé`, s.estimate),
            targetRow(`${s.name} : montant maximum`, s.maximum),
          ]),
        ],
      }),
    )
  }
  return {
    id: 'engagements',
    heading: 'Engagements dans le temps et prévision',
    content: parts.filter((p) => p !== '').join('\n'),
  }
}

/** Who shares the allocations: `24 bénéficiaires se partagent 70 946 696,24 € d’enveloppes`. */
function allocationWords(count: number, allocated: string): string {
  if (count === 1) return `1 bénéficiaire dispose d’une enveloppe de ${frenchEuros(allocated)}`
  return `${frenchCount(count)} bénéficiaires se partagent ${frenchEuros(allocated)} d’enveloppes`
}

/** How many beneficiaries committed 90 % of their allocation or more, agreed in number. */
function nearlySpentWords(count: number): string {
  if (count === 0) return 'aucun n’en a engagé 90 % ou plus'
  return `${frenchCount(count)} ${count >= 2 ? 'en ont' : 'en a'} engagé 90 % ou plus`
}

function beneficiaries(data: ReportData): ReportSection {
  const nearlySpent = data.beneficiaries.filter(
    (b) => b.shareOfAllocation !== null && centsOf(b.shareOfAllocation) >= 9_000n,
  ).length
  return {
    id: 'beneficiaires',
    heading: 'Bénéficiaires',
    content: [
      lead(
        data.beneficiaries.length === 0
          ? 'Aucun bénéficiaire à cette date.'
          : `${allocationWords(data.beneficiaries.length, data.overview.allocated)} ; ${nearlySpentWords(nearlySpent)}.`,
      ),
      allocationBars(data),
    ].join('\n'),
  }
}

function holders(data: ReportData): ReportSection {
  return {
    id: 'titulaires',
    heading: 'Titulaires',
    content: [
      lead(concentrationSentence(data.holders.concentration, data.overview.holders)),
      holderShares(data),
      concentrationScale(data),
    ].join('\n'),
  }
}

function budgetYears(data: ReportData): ReportSection {
  const last = data.budgetYears.at(-1)
  return {
    id: 'annees',
    heading: 'Années budgétaires (AE / CP)',
    content: [
      lead(
        `L’année budgétaire est l’année civile (LOLF, art. 1er). Les autorisations d’engagement (AE) suivent les marchés attribués, les crédits de paiement (CP) les paiements.${last === undefined ? '' : ` Restes à payer fin ${last.year} : ${frenchEuros(last.remainingToPay)}.`}`,
      ),
      budgetYearsChart(data),
    ].join('\n'),
  }
}

function drift(data: ReportData, names: Names): ReportSection {
  return {
    id: 'derive',
    heading: 'Dérive des marchés',
    content: [
      lead(driftSentence(data.contracts)),
      data.contracts.modified === 0 ? '' : driftChart(data, names.beneficiary),
    ]
      .filter((p) => p !== '')
      .join('\n'),
  }
}

function alerts(data: ReportData, names: Names): ReportSection {
  const count = data.alerts.length
  return {
    id: 'alertes',
    heading: 'Alertes',
    content: [
      lead(
        count === 0
          ? 'Aucun seuil franchi à cette date.'
          : `${frenchCountOf(count, 'seuil franchi', 'seuils franchis')}. Chaque engagement qui franchit un seuil du montant estimé, du montant maximum ou de l’enveloppe d’un bénéficiaire le signale, une fois, à sa date.`,
      ),
      alertsTimeline(data, names.beneficiary),
    ].join('\n'),
  }
}

function delays(data: ReportData, names: Names): ReportSection {
  const d = data.paymentDelays
  const stats = [
    ['', frenchPercent(d.onTimeShare), 'des paiements dans les 30 jours'],
    [
      '',
      d.averageDays === null ? NO_FIGURE : `${frenchDecimal(d.averageDays)} j`,
      'de délai moyen',
    ],
    ['late', frenchEuros(d.interestDue), 'dus pour retard de paiement'],
  ]
    .map(
      ([kind, value, label]) =>
        `<li${kind === '' ? '' : ` class="${kind}"`}><span class="value">${escapeHtml(value!)}</span>${escapeHtml(label!)}</li>`,
    )
    .join('\n')
  const rows = largestFirst(d.beneficiaries, (b) => b.onTimeShare).reverse()
  return {
    id: 'delais',
    heading: 'Délais de paiement',
    content: [
      lead(delaySentence(d)),
      `<ul class="stats">\n${stats}\n</ul>`,
      paymentDelaysChart(data),
      paragraph(interestSentence(d)),
      `<details class="more"><summary>Par bénéficiaire</summary>\n${dataTable({
        caption: 'Délais de paiement par bénéficiaire, part dans les 30 jours croissante',
        columns: [
          { header: 'Bénéficiaire' },
          { header: 'Paiements', numeric: true },
          { header: 'Dans les 30 jours', numeric: true },
          { header: 'Délai moyen (jours)', numeric: true },
          { header: 'Délai maximal (jours)', numeric: true },
          { header: 'Dû pour retard', numeric: true },
        ],
        rows: rows.map((b) =>
          [
            names.beneficiary(b.beneficiaryId),
            frenchCount(b.payments),
            frenchPercent(b.onTimeShare),
            b.averageDays === null ? NO_FIGURE : frenchDecimal(b.averageDays),
            b.maxDays === null ? NO_FIGURE : frenchCount(b.maxDays),
            frenchEuros(b.interestDue),
          ].map(escapeHtml),
        ),
      })}\n</details>`,
    ].join('\n'),
  }
}

function products(data: ReportData, names: Names): ReportSection {
  const byPhase = new Map<string | null, { count: number; cost: bigint }>()
  for (const p of data.products) {
    const entry = byPhase.get(p.phase) ?? { count: 0, cost: 0n }
    entry.count += 1
    entry.cost += centsOf(p.cost)
    byPhase.set(p.phase, entry)
  }
  const phases = [...PHASES, null].filter((phase) => byPhase.has(phase))
  return {
    id: 'produits',
    heading: 'Produits',
    content: [
      lead(
        `${frenchCountOf(data.products.length, 'produit nommé', 'produits nommés')} par les marchés, selon leur phase actuelle (beta.gouv.fr). Le coût d’un produit est le service fait sur ses marchés.`,
      ),
      dataTable({
        caption: 'Produits par phase actuelle (€ HT)',
        columns: [
          { header: 'Phase' },
          { header: 'Produits', numeric: true },
          { header: 'Coût', numeric: true },
        ],
        rows: phases.map((phase) => {
          const entry = byPhase.get(phase)!
          return [
            phaseLabel(phase),
            frenchCount(entry.count),
            frenchEuros(formatCents(entry.cost)),
          ].map(escapeHtml)
        }),
      }),
      `<details class="more"><summary>Tous les produits</summary>\n${dataTable({
        caption: 'Produits, du plus coûteux au moins coûteux (€ HT)',
        columns: [
          { header: 'Produit' },
          { header: 'Bénéficiaire' },
          { header: 'Phase actuelle' },
          { header: 'Marchés', numeric: true },
          { header: 'Coût', numeric: true },
        ],
        rows: largestFirst(data.products, (p) => p.cost).map((p) => [
          `<code>${escapeHtml(p.product)}</code>`,
          escapeHtml(names.beneficiary(p.beneficiaryId)),
          escapeHtml(phaseLabel(p.phase)),
          escapeHtml(frenchCount(p.contracts)),
          escapeHtml(frenchEuros(p.cost)),
        ]),
      })}\n</details>`,
    ].join('\n'),
  }
}

function notes(): ReportSection {
  const entries: [string, string][] = [
    [
      'Montants',
      'En euros hors taxes (HT), exacts au centime, tels que le journal les enregistre.',
    ],
    [
      'Engagé',
      'Montants attribués aux marchés subséquents et bons de commande, plus leurs modifications, moins ce que leur clôture a libéré. C’est ce que limite le montant maximum (CJUE, C-23/20, § 68).',
    ],
    [
      'Service fait',
      'Prestations certifiées par le bénéficiaire ; le paiement ne peut pas les dépasser.',
    ],
    [
      'Montant estimé et montant maximum',
      'Le montant estimé est une prévision ; le montant maximum est le plafond légal de l’accord-cadre, au-delà duquel aucun marché ne peut être attribué.',
    ],
    [
      'Délai de paiement',
      'L’État paie dans les 30 jours de la réception de la facture (R2192-10) ; au-delà, des intérêts moratoires et une indemnité forfaitaire de 40 € sont dus de plein droit (R2192-31, R2192-36).',
    ],
    [
      'Prévision',
      'Rythme des engagements sur les derniers mois : le plus lent, la moyenne et le plus rapide, projetés jour après jour à partir de la date de situation.',
    ],
    [
      'Indice de Herfindahl-Hirschman',
      `Somme des carrés des parts des titulaires, en points de pourcentage : de près de 0 (dépense dispersée) à 10${NARROW_NBSP}000 (un seul titulaire).`,
    ],
  ]
  return {
    id: 'notes',
    heading: 'Méthode et définitions',
    content: `<dl class="notes">\n${entries.map(([term, text]) => `<dt>${escapeHtml(term)}</dt><dd>${escapeHtml(frenchSpacing(text))}</dd>`).join('\n')}\n</dl>`,
  }
}

/** The sections of the HTML report, in order. */
export function reportSections(data: ReportData, names: Names): readonly ReportSection[] {
  return [
    synthesis(data),
    commitments(data),
    beneficiaries(data),
    holders(data),
    budgetYears(data),
    drift(data, names),
    alerts(data, names),
    delays(data, names),
    ...(data.products.length === 0 ? [] : [products(data, names)]),
    notes(),
  ]
}
