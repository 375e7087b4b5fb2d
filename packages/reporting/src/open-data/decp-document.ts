/** `typeIdentifiant` of a DECP holder: the ledger identifies holders by SIRET. */
export interface DecpTitulaire {
  readonly titulaire: { readonly id: string; readonly typeIdentifiant: 'SIRET' }
}

/**
 * One entry of a market's `modifications`: new totals, not deltas (`montant` is the amount after
 * the modification, `titulaires` the holders after it), with an id increasing in notification
 * order. `N` is how numbers are held: `number` in a parsed document.
 */
export interface DecpModification<N = number> {
  readonly modification: {
    readonly id: number
    readonly dateNotificationModification: string
    readonly datePublicationDonneesModification: string
    readonly montant?: N
    readonly titulaires?: readonly DecpTitulaire[]
  }
}

/** A DECP 2.0.3 `marche`: the framework, or one of its call-offs (`idAccordCadre` set). */
export interface DecpMarche<N = number> {
  readonly id: string
  readonly acheteur: { readonly id: string }
  readonly nature: string
  readonly objet: string
  readonly codeCPV: string
  readonly techniques: { readonly technique: readonly string[] }
  readonly modalitesExecution: { readonly modaliteExecution: readonly string[] }
  readonly idAccordCadre?: string
  readonly marcheInnovant: boolean
  readonly ccag: string
  readonly offresRecues: number
  readonly attributionAvance: boolean
  readonly typeGroupementOperateurs: string
  readonly sousTraitanceDeclaree: boolean
  readonly procedure: string
  readonly lieuExecution: { readonly code: string; readonly typeCode: string }
  readonly dureeMois: number
  readonly dateNotification: string
  readonly datePublicationDonnees: string
  /** HT: the framework's maximum, or the call-off's initial amount. */
  readonly montant: N
  readonly typesPrix: { readonly typePrix: readonly string[] }
  readonly formePrix: string
  readonly titulaires: readonly DecpTitulaire[]
  readonly considerationsSociales: { readonly considerationSociale: readonly string[] }
  readonly considerationsEnvironnementales: {
    readonly considerationEnvironnementale: readonly string[]
  }
  readonly modifications?: readonly DecpModification<N>[]
}

/** A DECP 2.0.3 document: `{ marches: { marche: [...] } }`. */
export interface DecpDocument<N = number> {
  readonly marches: { readonly marche: readonly DecpMarche<N>[] }
}
