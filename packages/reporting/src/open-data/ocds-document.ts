import type { ReleaseHead } from './ocds-release-sequence.js'

/** An amount: OCDS 1.1.5 `Value`. Amounts are HT, as everywhere in the ledger. */
export interface OcdsValue<N = number> {
  readonly amount: N
  readonly currency: 'EUR'
}

/** A reference to an entry of `parties`. */
export interface OcdsOrganizationReference {
  readonly id: string
  readonly name?: string
}

/** The roles parties play in Plafond's releases (from the open `partyRole` codelist). */
export type OcdsPartyRole = 'buyer' | 'procuringEntity' | 'supplier' | 'payer' | 'payee'

/** An organization of the contracting process, identified by its SIRET under scheme `FR-RCS`. */
export interface OcdsParty {
  readonly id: string
  readonly name?: string
  readonly identifier: {
    readonly scheme: 'FR-RCS'
    readonly id: string
    readonly legalName?: string
  }
  readonly roles: readonly OcdsPartyRole[]
}

/** A period; dates are `date-time`s. */
export interface OcdsPeriod {
  readonly startDate?: string
  readonly endDate?: string
}

/** What is bought, classified by CPV. */
export interface OcdsItem {
  readonly id: string
  readonly description?: string
  readonly classification: { readonly scheme: 'CPV'; readonly id: string }
}

/** A change to an award or a contract, with the releases before and after it. */
export interface OcdsAmendment {
  readonly id: string
  readonly date: string
  readonly rationale?: string
  readonly description?: string
  readonly amendsReleaseID?: string
  readonly releaseID?: string
}

/** The techniques extension's framework agreement details. */
export interface OcdsFrameworkAgreement<N = number> {
  readonly maximumParticipants?: number
  readonly method?:
    | 'withReopeningCompetition'
    | 'withoutReopeningCompetition'
    | 'withAndWithoutReopeningCompetition'
  /** The maximum value of the framework agreement (see the README for why it sits here). */
  readonly value?: OcdsValue<N>
  readonly period?: OcdsPeriod
}

/** The tender section of a release. */
export interface OcdsTender<N = number> {
  readonly id: string
  readonly title?: string
  readonly description?: string
  readonly status?: 'active' | 'complete'
  readonly procuringEntity?: OcdsOrganizationReference
  readonly items?: readonly OcdsItem[]
  readonly value?: OcdsValue<N>
  readonly minValue?: OcdsValue<N>
  readonly procurementMethod?: 'open' | 'selective' | 'limited' | 'direct'
  readonly procurementMethodDetails?: string
  readonly procurementMethodRationale?: string
  readonly mainProcurementCategory?: 'services'
  readonly contractPeriod?: OcdsPeriod
  /** Techniques extension. */
  readonly techniques?: {
    readonly hasFrameworkAgreement: boolean
    readonly frameworkAgreement?: OcdsFrameworkAgreement<N>
  }
  /** Techniques extension (formerly the competitive extension): whether holders competed again. */
  readonly competitive?: boolean
}

/** An award: one per holder of a framework; one per call-off. */
export interface OcdsAward<N = number> {
  readonly id: string
  readonly title?: string
  readonly description?: string
  readonly status?: 'active'
  readonly date?: string
  readonly value?: OcdsValue<N>
  readonly suppliers?: readonly OcdsOrganizationReference[]
  readonly contractPeriod?: OcdsPeriod
  readonly amendments?: readonly OcdsAmendment[]
}

/** A payment: payer the beneficiary, payee the holder. */
export interface OcdsTransaction<N = number> {
  readonly id: string
  readonly date: string
  readonly value: OcdsValue<N>
  readonly payer: OcdsOrganizationReference
  readonly payee: OcdsOrganizationReference
}

/** A call-off's contract. */
export interface OcdsContract<N = number> {
  readonly id: string
  readonly awardID: string
  readonly title?: string
  readonly status?: 'active' | 'terminated'
  readonly dateSigned?: string
  readonly value?: OcdsValue<N>
  readonly period?: OcdsPeriod
  readonly items?: readonly OcdsItem[]
  readonly implementation?: { readonly transactions: readonly OcdsTransaction<N>[] }
  readonly amendments?: readonly OcdsAmendment[]
}

/** The link from a call-off to its framework. */
export interface OcdsRelatedProcess {
  readonly id: string
  readonly relationship: readonly ['framework']
  readonly title?: string
  readonly scheme: 'ocid'
  readonly identifier: string
}

/** One OCDS 1.1.5 release: what became known about a contracting process at `date`. */
export interface OcdsRelease<N = number> extends ReleaseHead {
  readonly parties?: readonly OcdsParty[]
  readonly buyer?: OcdsOrganizationReference
  readonly tender?: OcdsTender<N>
  readonly awards?: readonly OcdsAward<N>[]
  readonly contracts?: readonly OcdsContract<N>[]
  readonly relatedProcesses?: readonly OcdsRelatedProcess[]
}

/** Who publishes the package. */
export interface OcdsPublisher {
  readonly name: string
  readonly scheme?: string
  readonly uid?: string
  readonly uri?: string
}

/** An OCDS 1.1.5 release package. */
export interface OcdsReleasePackage<N = number> {
  readonly uri: string
  readonly version: '1.1'
  readonly extensions: readonly string[]
  readonly publishedDate?: string
  readonly publisher: OcdsPublisher
  readonly license?: string
  readonly publicationPolicy?: string
  readonly releases: readonly OcdsRelease<N>[]
}
