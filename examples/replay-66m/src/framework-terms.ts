import { parseCents } from '@plafond/core'
import { syntheticSiret } from './synthetic-siret.js'

/**
 * The figures of the synthetic predecessor framework (≈ 2021-2025). Published facts: about
 * 66 M€ spent over 4 years by 24 beneficiaries (cio-online, quoting DINUM); the estimate and the
 * maximum were not found, so they are chosen here: 60 M€ estimated (the spend passed it, as
 * frameworks often do) and a 120 M€ cap, about twice the estimate like comparable DINUM notices
 * (26 M€ / 54 M€; 195 M€ / 495 M€ for the successor).
 */
export const FRAMEWORK_TERMS = {
  frameworkId: 'AC-DINUM-AGILE-2021',
  title:
    'Réalisation de services numériques en mode produit agile (historique synthétique 2021-2025)',
  /** The framework's buyer: DINUM, under a synthetic SIRET like every party here. */
  buyerId: syntheticSiret('199', 1),
  cpv: '72000000',
  estimate: '60000000.00',
  maximum: '120000000.00',
  startsOn: '2021-06-01',
  /** Four years at most (L2125-1): the day before the fourth anniversary. */
  endsOn: '2025-05-31',
  /** The coordinator closes it as expired two days after its end. */
  closedOn: '2025-06-02',
  maxHolders: 5,
} as const

/** What the history pays in total, to the cent: the published ≈ 66 M€, made exact. */
export const TOTAL_PAID = '66000000.00'

/** `TOTAL_PAID` in cents. */
export const TOTAL_PAID_CENTS = parseCents(TOTAL_PAID)

/** No delivery is planned after this day: call-offs awarded before the end run at most to it. */
export const EXECUTION_ENDS_ON = '2025-09-30'
