import { syntheticSiret } from './synthetic-siret.js'

/** A holder of the framework: a fictional firm, so that no real supplier gets invented spend. */
export interface Holder {
  readonly siret: string
  readonly name: string
  /** How often it wins a mini-competition, relative to the others (the shares are invented). */
  readonly weight: number
}

/** The seven holders the framework announced (`maxHolders`), all named at notification. */
export const HOLDERS: readonly Holder[] = [
  { name: 'Studio Orion (fictif)', weight: 22 },
  { name: 'Collectif Lyra (fictif)', weight: 18 },
  { name: 'Vega Numérique (fictif)', weight: 16 },
  { name: 'Altaïr Produit (fictif)', weight: 14 },
  { name: 'Équipage Sirius (fictif)', weight: 12 },
  { name: 'Coopérative Deneb (fictif)', weight: 10 },
  { name: 'Rigel Services (fictif)', weight: 8 },
].map((holder, index) => ({ ...holder, siret: syntheticSiret('holder', index + 1) }))
