import type { AlertView, OverviewView } from '@plafond/projections'
import { frenchDate } from './french-date.js'
import { frenchEuros, NARROW_NBSP } from './french-number.js'

/** Product phases of beta.gouv.fr, in their order, with their French names. */
export const PHASE_LABELS = {
  investigation: 'Investigation',
  construction: 'Construction',
  acceleration: 'Accélération',
  transfer: 'Transfert',
  success: 'Pérennisé',
  alumni: 'Arrêté',
} as const

/** The phase names in order, the key of each column of costs by phase. */
export const PHASES = Object.keys(PHASE_LABELS) as (keyof typeof PHASE_LABELS)[]

/** A phase name as the reader knows it; an unknown one as written. */
export function phaseLabel(phase: string | null): string {
  if (phase === null) return 'Sans phase'
  return (PHASE_LABELS as Record<string, string>)[phase] ?? phase
}

/** Reasons a framework closes (`CloseFramework`), in French. */
const CLOSE_REASONS: Record<string, string> = {
  expired: 'échu',
  terminated: 'résilié',
  exhausted: 'montant maximum atteint',
}

/** The framework's status in a sentence: `En cours`, `Clos le 2 juin 2025 (échu)`. */
export function statusLabel(overview: OverviewView): string {
  switch (overview.status) {
    case 'unopened':
      return 'Non encore ouvert à cette date'
    case 'open':
      return 'En cours'
    case 'closed': {
      const reason = overview.closeReason === null ? undefined : CLOSE_REASONS[overview.closeReason]
      return `Clos le ${frenchDate(overview.closedOn)}${reason === undefined ? '' : ` (${reason})`}`
    }
  }
}

/** What an alert's percentage is of, in French. */
export const ALERT_SCOPE_LABELS = {
  estimate: 'Montant estimé',
  maximum: 'Montant maximum',
  allocation: 'Enveloppe',
} as const

/**
 * One alert in a sentence: `Seuil de 75 % du montant estimé franchi`, `Ministère de la Culture :
 * seuil de 90 % de son enveloppe franchi`, `Montant maximum atteint : …`. The beneficiary leads,
 * as a subject: its name cannot take an article of its own ("par Ministère de …" reads wrong).
 */
export function alertSentence(alert: AlertView, beneficiaryName: (id: string) => string): string {
  if (alert.kind === 'ceiling') {
    return 'Montant maximum atteint : l’accord-cadre a épuisé ses effets (CJUE C-23/20)'
  }
  const percent = `${alert.percent}${NARROW_NBSP}%`
  switch (alert.scope) {
    case 'estimate':
      return `Seuil de ${percent} du montant estimé franchi`
    case 'maximum':
      return `Seuil de ${percent} du montant maximum franchi`
    case 'allocation':
      return `${beneficiaryName(alert.beneficiaryId ?? '')} : seuil de ${percent} de son enveloppe franchi`
  }
}

/** The figures behind an alert: `engagé 45 296 463,51 € sur 60 000 000,00 €`. */
export function alertFigures(alert: AlertView): string {
  return `engagé ${frenchEuros(alert.committed)} sur ${frenchEuros(alert.reference)}`
}

/** Legal bases of modifications (R2194-1 to R2194-8), in a few words. */
export const LEGAL_BASIS_LABELS: Record<string, string> = {
  'R2194-1': 'clause de réexamen',
  'R2194-2': 'prestations supplémentaires',
  'R2194-5': 'circonstances imprévisibles',
  'R2194-6': 'nouveau titulaire',
  'R2194-7': 'modification non substantielle',
  'R2194-8': 'modification de faible montant',
}
