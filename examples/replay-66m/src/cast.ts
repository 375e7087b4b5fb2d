import type { Actor } from '@plafond/core'
import { FRAMEWORK_TERMS } from './framework-terms.js'
import { syntheticSiret } from './synthetic-siret.js'

/** How often a beneficiary certifies delivery: each month, or at the end of each 2-week sprint. */
export type Cadence = 'month' | 'sprint'

/** A beneficiary of the synthetic history, with the two people who act for it. */
export interface Beneficiary {
  /** A short code used in contract ids and actor ids. */
  readonly code: string
  readonly siret: string
  readonly name: string
  /** Relative share of the total spend (the shares are invented; only their sum is calibrated). */
  readonly weight: number
  /** When the coordinator names it on the framework. */
  readonly joinsOn: string
  readonly cadence: Cadence
  /** Awards, certifies and closes its call-offs. */
  readonly buyer: Actor
  /** Records its payments. */
  readonly accountant: Actor
}

/** A holder of the synthetic history: a fictional firm, so no real supplier gets invented spend. */
export interface Holder {
  readonly siret: string
  readonly name: string
  /** How often it wins a mini-competition, relative to the others. */
  readonly weight: number
}

/** The coordinator (DINUM): opens and closes the framework, names parties, allocates. */
export const COORDINATOR: Actor = { id: 'dinum.coordination', roles: [{ role: 'coordinator' }] }

type Row = readonly [code: string, name: string, weight: number, joinsOn: string, cadence: Cadence]

// Public bodies plausible for the predecessor framework. Their names are real, their SIRETs and
// every amount attached to them are synthetic. The bodies the successor names as *new*
// beneficiaries (Sports, Cour des comptes, SIG, ANTS, HAS, OFB, …) are left out on purpose.
const ROWS: readonly Row[] = [
  ['DINUM', 'Direction interministérielle du numérique', 170, '2021-06-01', 'sprint'],
  ['MTE', 'Ministère de la Transition écologique', 95, '2021-06-15', 'month'],
  ['MTRAV', 'Ministère du Travail, du Plein emploi et de l’Insertion', 80, '2021-07-01', 'sprint'],
  ['PE', 'Pôle emploi (France Travail)', 45, '2021-07-15', 'sprint'],
  ['MENJ', 'Ministère de l’Éducation nationale et de la Jeunesse', 70, '2021-09-01', 'month'],
  ['MI', 'Ministère de l’Intérieur et des Outre-mer', 60, '2021-09-15', 'month'],
  ['MJ', 'Ministère de la Justice', 55, '2021-10-01', 'month'],
  ['ANCT', 'Agence nationale de la cohésion des territoires', 40, '2021-10-15', 'sprint'],
  ['MEFSIN', 'Ministères économiques et financiers', 55, '2021-11-02', 'sprint'],
  ['MSP', 'Ministère de la Santé et de la Prévention', 50, '2022-01-10', 'month'],
  ['MC', 'Ministère de la Culture', 35, '2022-02-01', 'month'],
  [
    'MASA',
    'Ministère de l’Agriculture et de la Souveraineté alimentaire',
    35,
    '2022-03-01',
    'sprint',
  ],
  ['MEAE', 'Ministère de l’Europe et des Affaires étrangères', 30, '2022-03-15', 'month'],
  ['MINARM', 'Ministère des Armées', 30, '2022-04-01', 'month'],
  ['MESR', 'Ministère de l’Enseignement supérieur et de la Recherche', 30, '2022-05-02', 'month'],
  ['ADEME', 'Agence de la transition écologique (ADEME)', 25, '2022-06-01', 'sprint'],
  ['ASP', 'Agence de services et de paiement', 20, '2022-09-01', 'month'],
  [
    'ANSSI',
    'Agence nationale de la sécurité des systèmes d’information',
    15,
    '2022-10-03',
    'month',
  ],
  [
    'IGN',
    'Institut national de l’information géographique et forestière',
    20,
    '2022-11-02',
    'sprint',
  ],
  ['SGG', 'Secrétariat général du Gouvernement', 15, '2023-01-09', 'month'],
  ['DILA', 'Direction de l’information légale et administrative', 15, '2023-02-01', 'month'],
  ['ANAH', 'Agence nationale de l’habitat', 15, '2023-03-01', 'sprint'],
  ['MTECT', 'Ministère de la Transition énergétique', 20, '2023-04-03', 'month'],
  ['METEO', 'Météo-France', 10, '2023-06-01', 'month'],
]

/** The 24 beneficiaries, in the order they join. DINUM's SIRET is the framework's buyer's. */
export const BENEFICIARIES: readonly Beneficiary[] = ROWS.map(
  ([code, name, weight, joinsOn, cadence], index) => {
    const siret = index === 0 ? FRAMEWORK_TERMS.buyerId : syntheticSiret('199', 100 + index)
    return {
      code,
      siret,
      name,
      weight,
      joinsOn,
      cadence,
      buyer: {
        id: `buyer.${code.toLowerCase()}`,
        roles: [{ role: 'buyer', beneficiaryId: siret }],
      },
      accountant: {
        id: `accountant.${code.toLowerCase()}`,
        roles: [{ role: 'accountant', beneficiaryId: siret }],
      },
    }
  },
)

/** The holders named at notification: as many as the framework announced (five). */
export const HOLDERS: readonly Holder[] = [
  { siret: syntheticSiret('899', 1), name: 'Atelier Alpha (fictif)', weight: 30 },
  { siret: syntheticSiret('899', 2), name: 'Bravo Numérique (fictif)', weight: 25 },
  { siret: syntheticSiret('899', 3), name: 'Collectif Charlie (fictif)', weight: 20 },
  { siret: syntheticSiret('899', 4), name: 'Delta Produit (fictif)', weight: 15 },
  { siret: syntheticSiret('899', 5), name: 'Écho Services (fictif)', weight: 10 },
]

/** A sixth firm the coordinator tries to add: refused, the framework announced five. */
export const EXTRA_HOLDER: Holder = {
  siret: syntheticSiret('899', 6),
  name: 'Foxtrot Conseil (fictif)',
  weight: 0,
}
