import { isBusinessDate } from '@plafond/core'

/** `nature` values of DECP 2.0.3. */
export const DECP_NATURES = [
  'Marché',
  'Marché de partenariat',
  'Marché de défense ou de sécurité',
] as const

/** `procedure` values of DECP 2.0.3. */
export const DECP_PROCEDURES = [
  'Procédure adaptée',
  "Appel d'offres ouvert",
  "Appel d'offres restreint",
  'Procédure avec négociation',
  'Marché passé sans publicité ni mise en concurrence préalable',
  'Dialogue compétitif',
] as const

/** `ccag` values of DECP 2.0.3. */
export const DECP_CCAGS = [
  'Travaux',
  "Maitrise d'œuvre",
  'Fournitures courantes et services',
  'Marchés industriels',
  'Prestations intellectuelles',
  "Techniques de l'information et de la communication",
  'Pas de CCAG',
] as const

/** `formePrix` values of DECP 2.0.3. */
export const DECP_PRICE_FORMS = ['Unitaire', 'Forfaitaire', 'Mixte'] as const

/** `typePrix` values of DECP 2.0.3. */
export const DECP_PRICE_TYPES = [
  'Définitif ferme',
  'Définitif actualisable',
  'Définitif révisable',
  'Provisoire',
] as const

/** `considerationSociale` values of DECP 2.0.3. */
export const DECP_SOCIAL_CONSIDERATIONS = [
  'Clause sociale',
  'Critère social',
  'Marché réservé',
  'Pas de considération sociale',
] as const

/** `considerationEnvironnementale` values of DECP 2.0.3. */
export const DECP_ENVIRONMENTAL_CONSIDERATIONS = [
  'Clause environnementale',
  'Critère environnemental',
  'Pas de considération environnementale',
] as const

/** `lieuExecution.typeCode` values of DECP 2.0.3. */
export const DECP_PLACE_CODE_TYPES = [
  'Code postal',
  'Code commune',
  'Code arrondissement',
  'Code canton',
  'Code département',
  'Code région',
  'Code pays',
] as const

/** `typeGroupementOperateurs` values of DECP 2.0.3. */
export const DECP_GROUPINGS = ['Conjoint', 'Solidaire', 'Pas de groupement'] as const

/** What `offersReceived` is told about a call-off. */
export interface DecpCallOffOffers {
  readonly contractId: string
  readonly competition: 'mini-competition' | 'direct'
  /** Holders of the framework current on the award date. */
  readonly currentHolders: number
}

/**
 * Options of `exportDecp`. `publishedOn` is required; the rest are DECP fields the ledger does not
 * record, with defaults chosen for the DINUM agile framework (see `DECP_DEFAULTS`). Each applies
 * to the framework and to every call-off.
 */
export interface DecpExportOptions {
  /** `datePublicationDonnees` (and of each modification), `YYYY-MM-DD`: never read from a clock. */
  readonly publishedOn: string
  /** `nature`. */
  readonly nature?: (typeof DECP_NATURES)[number]
  /** `procedure`: the framework's award procedure; call-offs inherit it. */
  readonly procedure?: (typeof DECP_PROCEDURES)[number]
  /** `ccag`. */
  readonly ccag?: (typeof DECP_CCAGS)[number]
  /** `lieuExecution`. */
  readonly lieuExecution?: {
    readonly code: string
    readonly typeCode: (typeof DECP_PLACE_CODE_TYPES)[number]
  }
  /** `formePrix`. */
  readonly formePrix?: (typeof DECP_PRICE_FORMS)[number]
  /** `typesPrix.typePrix`. */
  readonly typesPrix?: readonly (typeof DECP_PRICE_TYPES)[number][]
  /** `considerationsSociales.considerationSociale`. */
  readonly considerationsSociales?: readonly (typeof DECP_SOCIAL_CONSIDERATIONS)[number][]
  /** `considerationsEnvironnementales.considerationEnvironnementale`. */
  readonly considerationsEnvironnementales?: readonly (typeof DECP_ENVIRONMENTAL_CONSIDERATIONS)[number][]
  /** `marcheInnovant`. */
  readonly marcheInnovant?: boolean
  /** `attributionAvance`. */
  readonly attributionAvance?: boolean
  /** `sousTraitanceDeclaree`. */
  readonly sousTraitanceDeclaree?: boolean
  /** `typeGroupementOperateurs`. */
  readonly typeGroupementOperateurs?: (typeof DECP_GROUPINGS)[number]
  /** `codeCPV` of a framework opened without a CPV code (and of its call-offs). */
  readonly cpv?: string
  /** `offresRecues` of the framework; by default the number of its first holders. */
  readonly frameworkOffersReceived?: number
  /**
   * `offresRecues` of a call-off; by default 1 for a direct award, and for a mini-competition the
   * number of holders current on the award date (all are consulted, R2162-10).
   */
  readonly offersReceived?: (callOff: DecpCallOffOffers) => number
}

/** The defaults of `exportDecp`'s options, for a State IT services framework in Paris. */
export const DECP_DEFAULTS = {
  nature: 'Marché',
  procedure: "Appel d'offres ouvert",
  ccag: "Techniques de l'information et de la communication",
  /** Paris, by its INSEE commune code (the schema prefers INSEE codes to postal codes). */
  lieuExecution: { code: '75056', typeCode: 'Code commune' },
  /** Agile teams are bought by unit prices (team-days, sprints) from the framework's price list. */
  formePrix: 'Unitaire',
  /** IT services prices are revised on the Syntec index (R2112-13). */
  typesPrix: ['Définitif révisable'],
  considerationsSociales: ['Pas de considération sociale'],
  considerationsEnvironnementales: ['Pas de considération environnementale'],
  marcheInnovant: false,
  attributionAvance: false,
  sousTraitanceDeclaree: false,
  typeGroupementOperateurs: 'Pas de groupement',
  /** CPV 72000000: IT services (consulting, software development, Internet and support). */
  cpv: '72000000',
} as const satisfies Omit<
  Required<DecpExportOptions>,
  'publishedOn' | 'frameworkOffersReceived' | 'offersReceived'
>

/** The default `offresRecues` of a call-off. */
export function defaultOffersReceived(callOff: DecpCallOffOffers): number {
  return callOff.competition === 'direct' ? 1 : Math.max(1, callOff.currentHolders)
}

/** Checks the options a caller gives, so that a typo fails here rather than in a validator. */
export function checkDecpOptions(options: DecpExportOptions): void {
  if (!isBusinessDate(options.publishedOn)) {
    throw new RangeError(
      `Expected publishedOn as a date written YYYY-MM-DD (the day the data are published), found ${JSON.stringify(options.publishedOn)}.`,
    )
  }
  if (options.cpv !== undefined && !/^\d{8}(?:-\d)?$/.test(options.cpv)) {
    throw new RangeError(
      `Expected cpv as a CPV code such as "72000000", found ${JSON.stringify(options.cpv)}.`,
    )
  }
  const offers = options.frameworkOffersReceived
  if (offers !== undefined && (!Number.isInteger(offers) || offers < 1)) {
    throw new RangeError(
      `Expected frameworkOffersReceived as a whole number of at least 1, found ${offers}.`,
    )
  }
}
