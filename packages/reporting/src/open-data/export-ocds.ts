import type { LedgerEvent } from '@plafond/core'
import { stringifyExactJson, type JsonDecimal } from './exact-json.js'
import { callOffReleases } from './ocds-call-off-releases.js'
import type {
  OcdsFrameworkAgreement,
  OcdsPublisher,
  OcdsRelease,
  OcdsReleasePackage,
} from './ocds-document.js'
import { frameworkReleases, type FrameworkContext } from './ocds-framework-releases.js'
import {
  checkOcdsOptions,
  LICENCE_OUVERTE,
  OCDS_TECHNIQUES_EXTENSION,
  type OcdsExportOptions,
} from './ocds-options.js'
import { readProcurementBooks, type FrameworkBook } from './procurement-books.js'

/** What `exportOcds` returns. */
export interface OcdsExport {
  /** The release package as JSON text, each amount written digit for digit. */
  readonly json: string
  /** The same package as a consumer parses it. */
  readonly document: OcdsReleasePackage
}

function methodOf(framework: FrameworkBook): NonNullable<OcdsFrameworkAgreement['method']> {
  const competitions = new Set(framework.callOffs.map((c) => c.awarded.data.competition))
  if (competitions.size === 1 && competitions.has('mini-competition')) {
    return 'withReopeningCompetition'
  }
  if (competitions.size === 1 && competitions.has('direct')) return 'withoutReopeningCompetition'
  return 'withAndWithoutReopeningCompetition'
}

function defaultPublisher(
  frameworks: readonly FrameworkBook[],
  options: OcdsExportOptions,
): OcdsPublisher {
  const first = frameworks[0]
  if (first === undefined) return { name: 'Plafond' }
  const { buyerId } = first.opened.data
  return {
    name: first.names.get(buyerId) ?? options.buyerName ?? `SIRET ${buyerId}`,
    scheme: 'FR-RCS',
    uid: buyerId,
  }
}

/**
 * Exports a ledger as an OCDS 1.1.5 release package. Each framework is one contracting process
 * (`ocid` = prefix + framework id) and each call-off another (prefix + contract id), linked to it
 * by `relatedProcesses`; payments are `contracts[].implementation.transactions`, modifications
 * `amendments`; parties carry their SIRET under scheme `FR-RCS` and the roles `buyer`,
 * `procuringEntity`, `supplier`, `payer` and `payee`. Releases are numbered per process in log
 * order and dated by `meta.recordedAt`; the package's `publishedDate` is the latest release date.
 * No clock is read: the same events and options give the same text. The techniques extension is
 * declared in `extensions`.
 *
 * ```ts
 * const events = []
 * for await (const event of ledger.readAll()) events.push(event)
 * const { json } = exportOcds(events, { ocidPrefix: 'ocds-a1b2c3-' })
 * ```
 */
export function exportOcds(events: Iterable<LedgerEvent>, options: OcdsExportOptions): OcdsExport {
  checkOcdsOptions(options)
  const frameworks = readProcurementBooks(events)
  const processes = new Map<string, string>()
  const claim = (ocid: string, what: string): string => {
    const earlier = processes.get(ocid)
    if (earlier !== undefined) {
      throw new RangeError(
        `Two contracting processes would share the ocid ${ocid}: ${earlier} and ${what}. Give the framework and the call-off different ids.`,
      )
    }
    processes.set(ocid, what)
    return ocid
  }
  const releases: OcdsRelease<JsonDecimal>[] = []
  for (const framework of frameworks) {
    const opened = framework.opened.data
    const cpv = (opened.cpv ?? options.cpv ?? '72000000').slice(0, 8)
    const context: FrameworkContext = {
      ocid: claim(`${options.ocidPrefix}${opened.frameworkId}`, `framework ${opened.frameworkId}`),
      items: [{ id: '1', classification: { scheme: 'CPV', id: cpv } }],
      procurementMethod: options.procurementMethod ?? 'open',
      method: options.frameworkMethod ?? methodOf(framework),
      buyerName: options.buyerName,
    }
    releases.push(...frameworkReleases(framework, context))
    for (const callOff of framework.callOffs) {
      const { contractId } = callOff.awarded.data
      const ocid = claim(`${options.ocidPrefix}${contractId}`, `call-off ${contractId}`)
      releases.push(...callOffReleases(framework, callOff, context, ocid))
    }
  }
  const publishedDate = releases.reduce<string | undefined>(
    (latest, release) => (latest === undefined || release.date > latest ? release.date : latest),
    undefined,
  )
  const first = frameworks[0]
  const pkg: OcdsReleasePackage<JsonDecimal> = {
    uri:
      options.uri ??
      `urn:plafond:ocds:${options.ocidPrefix}${first === undefined ? '' : first.opened.data.frameworkId}`,
    version: '1.1',
    extensions: [OCDS_TECHNIQUES_EXTENSION],
    ...(publishedDate === undefined ? {} : { publishedDate }),
    publisher: options.publisher ?? defaultPublisher(frameworks, options),
    license: options.license ?? LICENCE_OUVERTE,
    ...(options.publicationPolicy === undefined
      ? {}
      : { publicationPolicy: options.publicationPolicy }),
    releases,
  }
  const json = `${stringifyExactJson(pkg)}\n`
  return { json, document: JSON.parse(json) as OcdsReleasePackage }
}
