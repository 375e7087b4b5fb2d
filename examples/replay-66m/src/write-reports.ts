import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { parisDate, type LedgerEvent } from '@plafond/core'
import {
  buildReport,
  exportDecp,
  exportOcds,
  PLACEHOLDER_OCID_PREFIX,
  renderHtml,
  renderMarkdown,
} from '@plafond/reporting'

/** Said in every report: these figures are invented, however close they look to real ones. */
export const SYNTHETIC_NOTICE =
  "Données synthétiques : historique simulé de l'accord-cadre précédent (≈ 66 M€ payés), calibré sur des faits publiés ; aucun montant n'est réel."

/** The files a replay writes next to its ledger, and their sizes in bytes. */
export interface WrittenReports {
  readonly directory: string
  readonly files: readonly { readonly name: string; readonly bytes: number }[]
}

/**
 * Writes the report (HTML and Markdown) and the open-data exports (DECP 2.0.3, OCDS 1.1.5) of the
 * ledger's events into `directory`. The forecast counts from `today` and DECP publishes as of it.
 */
export async function writeReports(
  events: readonly LedgerEvent[],
  directory: string,
  today: string = parisDate(new Date()),
): Promise<WrittenReports> {
  const data = buildReport(events, { today, notice: SYNTHETIC_NOTICE, generatedAt: new Date() })
  const documents: [string, string][] = [
    ['report.html', renderHtml(data)],
    ['report.md', renderMarkdown(data)],
    ['decp.json', exportDecp(events, { publishedOn: today }).json],
    ['ocds.json', exportOcds(events, { ocidPrefix: PLACEHOLDER_OCID_PREFIX }).json],
  ]
  await mkdir(directory, { recursive: true })
  const files = []
  for (const [name, content] of documents) {
    await writeFile(join(directory, name), content, 'utf8')
    files.push({ name, bytes: Buffer.byteLength(content, 'utf8') })
  }
  return { directory, files }
}
