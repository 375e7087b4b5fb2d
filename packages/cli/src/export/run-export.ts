import { parisDate } from '@plafond/core'
import { exportDecp, exportOcds, PLACEHOLDER_OCID_PREFIX } from '@plafond/reporting'
import type { CliIo } from '../cli-io.js'
import { EXIT_CODES } from '../exit-codes.js'
import { reportingError } from '../option-values.js'
import { writeOutput } from '../output/write-output.js'
import { readLedgerEvents } from '../store/read-ledger-events.js'
import type { StoreSpec } from '../store/store-spec.js'

/** The open-data standards `plafond export` writes (`DOMAIN.md`, "Open-data standards"). */
export type Standard = 'decp' | 'ocds'

/** What `plafond export` was asked for, its flags checked. */
export interface ExportRequest {
  readonly standard: Standard
  readonly spec: StoreSpec
  readonly out: string | undefined
  /** DECP `datePublicationDonnees`; today in Paris by default. */
  readonly publishedOn: string | undefined
  readonly ocidPrefix: string | undefined
}

/** Reads the ledger and writes its DECP 2.0.3 document or OCDS 1.1.5 release package. */
export async function runExport(request: ExportRequest, io: CliIo): Promise<number> {
  const events = await readLedgerEvents(request.spec)
  let json: string
  try {
    if (request.standard === 'decp') {
      const decp = exportDecp(events, { publishedOn: request.publishedOn ?? parisDate(new Date()) })
      json = decp.json
      io.stderr(`export: DECP 2.0.3, ${decp.document.marches.marche.length} marchés\n`)
    } else {
      if (request.ocidPrefix === undefined) {
        io.stderr(
          `export: no --ocid-prefix: using ${PLACEHOLDER_OCID_PREFIX}, which is registered to no one. Pass your publisher's registered prefix before publishing.\n`,
        )
      }
      const ocds = exportOcds(events, { ocidPrefix: request.ocidPrefix ?? PLACEHOLDER_OCID_PREFIX })
      json = ocds.json
      io.stderr(`export: OCDS 1.1.5, ${ocds.document.releases.length} releases\n`)
    }
  } catch (error) {
    throw reportingError('export', error)
  }
  await writeOutput(io, request.out, json.endsWith('\n') ? json : `${json}\n`)
  return EXIT_CODES.ok.code
}
