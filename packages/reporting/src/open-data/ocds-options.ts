import type { OcdsFrameworkAgreement, OcdsPublisher, OcdsTender } from './ocds-document.js'

/** The techniques extension: framework agreements (`tender.techniques`) and `tender.competitive`. */
export const OCDS_TECHNIQUES_EXTENSION =
  'https://raw.githubusercontent.com/open-contracting-extensions/ocds_techniques_extension/master/extension.json'

/** Licence Ouverte 2.0, the licence of French public open data (Etalab). */
export const LICENCE_OUVERTE =
  'https://www.etalab.gouv.fr/wp-content/uploads/2017/04/ETALAB-Licence-Ouverte-v2.0.pdf'

/**
 * A well-formed OCID prefix registered to no one, for trials and examples. A publisher registers
 * its own with the Open Contracting Partnership and publishes under that one.
 */
export const PLACEHOLDER_OCID_PREFIX = 'ocds-plfd00-'

/** Options of `exportOcds`. Only `ocidPrefix` is required. */
export interface OcdsExportOptions {
  /** The publisher's registered OCID prefix followed by a hyphen, e.g. `ocds-a1b2c3-`. */
  readonly ocidPrefix: string
  /** The package's publisher; by default the first framework's buyer, identified by its SIRET. */
  readonly publisher?: OcdsPublisher
  /** The package's `uri`; by default `urn:plafond:ocds:<ocid of the first framework>`. */
  readonly uri?: string
  /** The package's `license`; Licence Ouverte 2.0 by default. */
  readonly license?: string
  /** The package's `publicationPolicy`, if any. */
  readonly publicationPolicy?: string
  /** The name of a framework's buyer when it is not also one of its beneficiaries. */
  readonly buyerName?: string
  /** `tender.procurementMethod` of the first stage (call-offs repeat it); `open` by default. */
  readonly procurementMethod?: NonNullable<OcdsTender['procurementMethod']>
  /** CPV of a framework opened without one; `72000000` (IT services) by default. */
  readonly cpv?: string
  /**
   * `tender.techniques.frameworkAgreement.method`; by default read from the call-offs: with
   * reopening of competition when all were mini-competitions, without when all were direct,
   * and both otherwise (or when there is no call-off yet).
   */
  readonly frameworkMethod?: NonNullable<OcdsFrameworkAgreement['method']>
}

const OCID_PREFIX = /^ocds-[a-z0-9]{6}-$/

/** Checks the options a caller gives. */
export function checkOcdsOptions(options: OcdsExportOptions): void {
  if (!OCID_PREFIX.test(options.ocidPrefix)) {
    throw new RangeError(
      `Expected ocidPrefix as "ocds-" + 6 lowercase letters or digits + "-" (the prefix the Open Contracting Partnership registered for the publisher), found ${JSON.stringify(options.ocidPrefix)}.`,
    )
  }
  if (options.cpv !== undefined && !/^\d{8}(?:-\d)?$/.test(options.cpv)) {
    throw new RangeError(
      `Expected cpv as a CPV code such as "72000000", found ${JSON.stringify(options.cpv)}.`,
    )
  }
}
