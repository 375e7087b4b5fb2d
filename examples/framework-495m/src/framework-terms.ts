import type { Actor } from '@plafond/core'
import { syntheticSiret } from './synthetic-siret.js'

/**
 * The framework DINUM opened in 2025 (`shared/reference/domain.md` §0): "réalisation de services
 * numériques en mode produit agile piloté par l'impact", 195 M€ estimated, 495 M€ maximum over
 * 4 years, up to 7 holders, 31 beneficiaries. The figures are the published ones; the buyer's
 * SIRET, like every identifier here, is invented.
 */
export const FRAMEWORK_TERMS = {
  frameworkId: 'AC-DINUM-AGILE-2025',
  title:
    'Réalisation de services numériques en mode produit agile piloté par l’impact (première année synthétique)',
  /** DINUM, the framework's buyer; it is also one of the 31 beneficiaries, under this SIRET. */
  buyerId: syntheticSiret('public-body', 1),
  cpv: '72000000',
  /** Information, not a cap: what DINUM expects the framework to be used for. */
  estimate: '195000000.00',
  /** The legal cap (CJEU C-23/20 §68): at this amount of commitments the framework is exhausted. */
  maximum: '495000000.00',
  startsOn: '2025-10-01',
  /** Four years at most (L2125-1): the day before the fourth anniversary. */
  endsOn: '2029-09-30',
  maxHolders: 7,
  /** Beneficiaries named on the framework: 24 in the previous one. */
  beneficiaries: 31,
} as const

/** The simulated first year: its events are dated from the opening to this day, included. */
export const FIRST_YEAR_ENDS_ON = '2026-09-30'

/** The seed of the published run; `--seed` gives another first year of the same shape. */
export const DEFAULT_SEED = 'framework-495m'

/** DINUM's coordination: opens the framework, names holders and beneficiaries, allocates. */
export const COORDINATOR: Actor = { id: 'dinum.coordination', roles: [{ role: 'coordinator' }] }
