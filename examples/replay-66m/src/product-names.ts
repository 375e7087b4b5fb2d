import type { Beneficiary } from './cast.js'
import type { SeededRandom } from './seeded-random.js'

// Invented names for the services the history funds (beta.gouv.fr calls them startups d'État).
// They describe no real product: real services carry real names and real budgets, and giving
// them invented spend would mislead.
const NAMES = [
  'guichet-clair',
  'relais-usagers',
  'boussole-droits',
  'pas-a-pas',
  'suivi-dossier',
  'carto-services',
  'alerte-delais',
  'dialogue-agents',
  'simul-aide',
  'rendez-vous-public',
  'registre-ouvert',
  'signal-terrain',
  'formulaire-unique',
  'passerelle-donnees',
  'veille-qualite',
  'parcours-aidant',
  'demande-express',
  'mesure-sobriete',
  'annuaire-vivant',
  'ecoute-citoyens',
  'tableau-de-bord-local',
  'depot-en-ligne',
  'controle-simplifie',
  'agenda-partage',
] as const

/**
 * Hands out product ids for one beneficiary, each name at most once: `mte-guichet-clair`. The
 * beneficiary's code comes first because a product belongs to one beneficiary (its stream is
 * keyed by both).
 */
export class ProductNames {
  readonly #prefix: string
  readonly #random: SeededRandom
  readonly #left: string[] = [...NAMES]

  /** Names for `beneficiary`'s products, drawn in an order `random` decides. */
  constructor(beneficiary: Beneficiary, random: SeededRandom) {
    this.#prefix = beneficiary.code.toLowerCase()
    this.#random = random
  }

  /** The next unused product id; throws once all names are used. */
  next(): string {
    if (this.#left.length === 0) {
      throw new Error(
        `Expected at most ${NAMES.length} products for ${this.#prefix}, found more; add names to product-names.ts.`,
      )
    }
    const index = this.#random.between(0, this.#left.length - 1)
    const [name] = this.#left.splice(index, 1)
    return `${this.#prefix}-${name!}`
  }
}
