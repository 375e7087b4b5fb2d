import { divideHalfUp } from '@plafond/core'
import {
  sharePercent,
  centsOf,
  type PaymentDelaysView,
  type TargetForecastView,
} from '@plafond/projections'
import type { ContractsSummary, ReportData } from '../report-data.js'
import { frenchDate, frenchInstant } from './french-date.js'
import { statusLabel } from './french-labels.js'
import {
  frenchCount,
  frenchCountOf,
  frenchDecimal,
  frenchEuros,
  frenchPercent,
  NARROW_NBSP,
  NBSP,
} from './french-number.js'

/** One line of the key figures: a label, an amount, and what it means in proportion. */
export interface KeyFigure {
  readonly key: string
  readonly label: string
  readonly amount: string
  readonly note: string | null
}

/** The key figures every format puts first, in order. */
export function keyFigures(data: ReportData): readonly KeyFigure[] {
  const o = data.overview
  const allocatedShare = sharePercent(centsOf(o.allocated), centsOf(o.maximum))
  return [
    { key: 'maximum', label: 'Montant maximum', amount: o.maximum, note: 'le plafond légal' },
    {
      key: 'estimate',
      label: 'Montant estimé',
      amount: o.estimate,
      note: 'une prévision, pas un plafond',
    },
    {
      key: 'allocated',
      label: 'Alloué aux bénéficiaires',
      amount: o.allocated,
      note: `${frenchPercent(allocatedShare)} du maximum`,
    },
    {
      key: 'committed',
      label: 'Engagé',
      amount: o.committed,
      note: `${frenchPercent(o.shareOfEstimate)} de l’estimé · ${frenchPercent(o.shareOfMaximum)} du maximum`,
    },
    { key: 'certified', label: 'Service fait', amount: o.certified, note: null },
    { key: 'paid', label: 'Payé', amount: o.paid, note: null },
    {
      key: 'headroom',
      label: 'Marge sous le maximum',
      amount: o.headroom,
      note: 'ce que les marchés peuvent encore engager',
    },
    {
      key: 'lateInterest',
      label: 'Intérêts moratoires dus',
      amount: o.lateInterest,
      note: 'intérêts et indemnités forfaitaires',
    },
  ]
}

/** The report's dating: `situation au 31 décembre 2025 · générée le 1er janvier 2026 à 9 h 00`. */
export function datingLine(data: ReportData): string {
  const { meta } = data
  const parts = [
    meta.asOf === null
      ? `situation à jour du journal (${frenchDate(meta.today)})`
      : `situation au ${frenchDate(meta.asOf)}`,
  ]
  if (meta.asKnownAt !== null) parts.push(`telle que connue le ${frenchInstant(meta.asKnownAt)}`)
  if (meta.generatedAt !== null) parts.push(`générée le ${frenchInstant(meta.generatedAt)}`)
  return parts.join(' · ')
}

/** `du 1er juin 2021 au 31 mai 2025 · Clos le 2 juin 2025 (échu)`. */
export function validityLine(data: ReportData): string {
  const o = data.overview
  return `Validité du ${frenchDate(o.startsOn)} au ${frenchDate(o.endsOn)} · ${statusLabel(o)}`
}

/** `268 marchés subséquents et bons de commande, 5 titulaires, 24 bénéficiaires`. */
export function sizeLine(data: ReportData): string {
  const o = data.overview
  return [
    frenchCountOf(
      o.contracts,
      'marché subséquent ou bon de commande',
      'marchés subséquents et bons de commande',
    ),
    frenchCountOf(o.holders, 'titulaire', 'titulaires'),
    frenchCountOf(o.beneficiaries, 'bénéficiaire', 'bénéficiaires'),
  ].join(' · ')
}

/**
 * The concentration of the spend in words: the index, and the number of holders of equal weight
 * that would give the same index (10 000 / HHI), which a reader can picture.
 */
export function concentrationSentence(hhi: number | null, holders: number): string {
  if (hhi === null || hhi === 0) return 'Aucun montant engagé : pas d’indice de concentration.'
  const equivalent = divideHalfUp(100_000n, BigInt(hhi))
  const sameWeight = frenchDecimal(`${equivalent / 10n}.${equivalent % 10n}`)
  // French agrees a decimal below 2 in the singular: « 1,4 titulaire ».
  const noun = equivalent >= 20n ? 'titulaires' : 'titulaire'
  const equal =
    holders < 2
      ? ''
      : ` ; il serait de ${frenchCount(Math.round(10_000 / holders))} si les ${frenchCount(holders)} titulaires actuels avaient des parts égales`
  return `Indice de Herfindahl-Hirschman : ${frenchCount(hhi)} sur 10${NARROW_NBSP}000, comme ${sameWeight}${NBSP}${noun} de même poids${equal}.`
}

/** `88,52 % des paiements (1 558 sur 1 760) faits sous 30 jours, 88,24 % du montant`. */
export function delaySentence(delays: PaymentDelaysView): string {
  if (delays.payments === 0) return 'Aucun paiement rattaché à une facture.'
  return `${frenchPercent(delays.onTimeShare)} des paiements (${frenchCount(delays.onTime)} sur ${frenchCount(delays.payments)}) sont faits dans les 30 jours suivant la réception de la facture (R2192-10), soit ${frenchPercent(delays.onTimeAmountShare)} du montant ; délai moyen ${frenchDecimal(delays.averageDays ?? '0')} jours, maximal ${frenchCountOf(delays.maxDays ?? 0, 'jour', 'jours')}.`
}

/** `204 paiements en retard : 66 988,18 € d'intérêts moratoires et d'indemnités forfaitaires`. */
export function interestSentence(delays: PaymentDelaysView): string {
  if (delays.latePayments === 0) return 'Aucun intérêt moratoire dû.'
  return `${frenchCountOf(delays.latePayments, 'paiement en retard', 'paiements en retard')} : ${frenchEuros(delays.interestDue)} dus (${frenchEuros(delays.interest)} d’intérêts moratoires, ${frenchEuros(delays.lumpSums)} d’indemnités forfaitaires de 40 €, R2192-31 et R2192-36).`
}

/** `Dérive globale 0,72 % ; 13 marchés modifiés sur 268, dont 6 au-delà de 24 %`. */
export function driftSentence(contracts: ContractsSummary): string {
  return `Dérive globale des montants : ${frenchPercent(contracts.driftPercent)} (de ${frenchEuros(contracts.initial)} attribués à ${frenchEuros(contracts.amount)} après modifications). ${frenchCountOf(contracts.modified, 'marché modifié', 'marchés modifiés')} sur ${frenchCount(contracts.contracts.length)}, dont ${frenchCount(contracts.aboveReference)} au-delà de ${frenchPercent(contracts.referenceDriftPercent)}, la dérive budgétaire moyenne des grands projets informatiques de l’État (fin 2022).`
}

/**
 * A forecast target as table cells, after its label: the amount, the date it was reached (`—`
 * while not reached), then the earliest, central and latest dates it would be.
 */
export function forecastTargetCells(t: TargetForecastView): string[] {
  return [
    frenchEuros(t.target),
    frenchDate(t.reachedOn),
    frenchDate(t.earliest),
    frenchDate(t.central),
    frenchDate(t.latest),
  ]
}
