import type { Actor } from '@plafond/core'
import { FRAMEWORK_TERMS } from './framework-terms.js'
import { syntheticSiret } from './synthetic-siret.js'

/** A beneficiary of the framework, with the two people who act for it. */
export interface Beneficiary {
  /** A short code used in contract ids and actor ids. */
  readonly code: string
  readonly name: string
  readonly siret: string
  /** Its expected share of the framework's use, relative to the others (invented). */
  readonly weight: number
  /** Whether it was a beneficiary of the previous framework and brings running products along. */
  readonly returning: boolean
  /** The month its first call-off starts (`YYYY-MM-01`); null when it does not buy in the first year. */
  readonly startsOn: string | null
  /** Awards, modifies, certifies and closes its call-offs; records its products' phases. */
  readonly buyer: Actor
  /** Records its invoices and payments. */
  readonly accountant: Actor
}

type Row = readonly [code: string, name: string, weight: number, startsOn: string | null]

// 23 of the previous framework's 24 beneficiaries come back: the two ecological and energy
// transition ministries of its synthetic history (examples/replay-66m) buy here as one. With the
// eight newcomers DOMAIN.md names, that makes the published 31. Names are real; SIRETs, weights,
// dates and every amount attached to them are synthetic.
const RETURNING: readonly Row[] = [
  ['DINUM', 'Direction interministérielle du numérique', 150, '2025-11-01'],
  ['MTE', 'Ministère de la Transition écologique et de l’Énergie', 80, '2025-11-01'],
  ['MTRAV', 'Ministère du Travail et de l’Emploi', 60, '2025-11-01'],
  ['FT', 'France Travail', 45, '2025-11-01'],
  ['MENJ', 'Ministère de l’Éducation nationale', 60, '2025-12-01'],
  ['MI', 'Ministère de l’Intérieur', 55, '2025-12-01'],
  ['MJ', 'Ministère de la Justice', 50, '2025-12-01'],
  ['ANCT', 'Agence nationale de la cohésion des territoires', 35, '2025-12-01'],
  ['MEFSIN', 'Ministères économiques et financiers', 50, '2026-01-01'],
  ['MSANTE', 'Ministère de la Santé', 45, '2026-01-01'],
  ['MC', 'Ministère de la Culture', 30, '2026-01-01'],
  ['MASA', 'Ministère de l’Agriculture et de la Souveraineté alimentaire', 30, '2026-01-01'],
  ['MEAE', 'Ministère de l’Europe et des Affaires étrangères', 25, '2026-02-01'],
  ['MINARM', 'Ministère des Armées', 30, '2026-02-01'],
  ['MESR', 'Ministère de l’Enseignement supérieur et de la Recherche', 25, '2026-02-01'],
  ['ADEME', 'Agence de la transition écologique (ADEME)', 20, '2026-02-01'],
  ['ASP', 'Agence de services et de paiement', 20, '2026-03-01'],
  ['ANSSI', 'Agence nationale de la sécurité des systèmes d’information', 15, '2026-03-01'],
  ['IGN', 'Institut national de l’information géographique et forestière', 20, '2026-03-01'],
  ['SGG', 'Secrétariat général du Gouvernement', 12, '2026-03-01'],
  ['DILA', 'Direction de l’information légale et administrative', 12, '2026-04-01'],
  ['ANAH', 'Agence nationale de l’habitat', 15, '2026-04-01'],
  ['METEO', 'Météo-France', 10, '2026-04-01'],
]

// The newcomers named by DINUM (cio-online, `shared/reference/domain.md` §0). One starts buying
// in the first year; the seven others set up their product teams and buy from the second.
const NEWCOMERS: readonly Row[] = [
  ['SPORTS', 'Ministère des Sports', 25, '2026-05-01'],
  ['CCOMPTES', 'Cour des comptes', 15, null],
  ['SIG', 'Service d’information du Gouvernement', 12, null],
  ['ANTS', 'Agence nationale des titres sécurisés', 30, null],
  ['HAS', 'Haute Autorité de santé', 15, null],
  ['OFB', 'Office français de la biodiversité', 15, null],
  ['UCA', 'Université Clermont-Auvergne', 8, null],
  ['AESN', 'Agence de l’eau Seine-Normandie', 8, null],
]

/**
 * The 31 beneficiaries, returning ones first. DINUM's SIRET is the framework buyer's; the others
 * are invented, one serial each.
 */
export const BENEFICIARIES: readonly Beneficiary[] = [
  ...RETURNING.map((row) => ({ row, returning: true })),
  ...NEWCOMERS.map((row) => ({ row, returning: false })),
].map(({ row: [code, name, weight, startsOn], returning }, index) => {
  const siret = index === 0 ? FRAMEWORK_TERMS.buyerId : syntheticSiret('public-body', 100 + index)
  const id = code.toLowerCase()
  return {
    code,
    name,
    siret,
    weight,
    returning,
    startsOn,
    buyer: { id: `buyer.${id}`, roles: [{ role: 'buyer', beneficiaryId: siret }] },
    accountant: { id: `accountant.${id}`, roles: [{ role: 'accountant', beneficiaryId: siret }] },
  }
})
