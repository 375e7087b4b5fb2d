import { parisDate } from '@plafond/core'
import {
  buildReport,
  renderCsv,
  renderHtml,
  renderJson,
  renderMarkdown,
  type ReportData,
} from '@plafond/reporting'
import { CliError } from '../cli-error.js'
import type { CliIo } from '../cli-io.js'
import { EXIT_CODES } from '../exit-codes.js'
import { reportingError } from '../option-values.js'
import { writeOutput, writeOutputDirectory } from '../output/write-output.js'
import { readLedgerEvents } from '../store/read-ledger-events.js'
import type { StoreSpec } from '../store/store-spec.js'

/** The formats `plafond report` renders. */
export type ReportFormat = 'html' | 'md' | 'csv' | 'json'

/** What `plafond report` was asked for, its flags checked. */
export interface ReportRequest {
  readonly spec: StoreSpec
  readonly format: ReportFormat
  readonly out: string | undefined
  readonly asOf: string | undefined
  readonly asKnownAt: string | undefined
  readonly today: string | undefined
  readonly frameworkId: string | undefined
  readonly title: string | undefined
  readonly notice: string | undefined
  readonly locale: 'en' | 'fr'
}

/**
 * The format to use: `--format` when given, else the extension of `--out` (`.html`, `.md`,
 * `.json`), else JSON.
 */
export function reportFormatFor(
  format: ReportFormat | undefined,
  out: string | undefined,
): ReportFormat {
  if (format !== undefined) return format
  const extension = /\.([a-z]+)$/i.exec(out ?? '')?.[1]?.toLowerCase()
  if (extension === 'html' || extension === 'htm') return 'html'
  if (extension === 'md' || extension === 'markdown') return 'md'
  return 'json'
}

/** Reads the ledger, folds the standard projections and renders the report. */
export async function runReport(request: ReportRequest, io: CliIo): Promise<number> {
  if (request.format === 'csv' && request.out === undefined) {
    throw new CliError(
      'usage',
      'Expected --out DIRECTORY with --format csv: the report is one CSV file per view (overview.csv, beneficiaries.csv, …). Add e.g. --out report-csv.',
    )
  }
  const events = await readLedgerEvents(request.spec)
  let data: ReportData
  try {
    data = buildReport(events, {
      today: request.today ?? parisDate(new Date()),
      ...(request.asOf === undefined ? {} : { asOf: request.asOf }),
      ...(request.asKnownAt === undefined ? {} : { asKnownAt: request.asKnownAt }),
      ...(request.frameworkId === undefined ? {} : { frameworkId: request.frameworkId }),
      ...(request.title === undefined ? {} : { title: request.title }),
      ...(request.notice === undefined ? {} : { notice: request.notice }),
      generatedAt: new Date(),
    })
  } catch (error) {
    throw reportingError('report', error)
  }
  if (request.format === 'csv') {
    const files = renderCsv(data, { locale: request.locale })
    const written = await writeOutputDirectory(io, request.out!, files)
    io.stderr(`report: ${written.length} CSV files written to ${request.out}\n`)
    return EXIT_CODES.ok.code
  }
  const text =
    request.format === 'html'
      ? renderHtml(data)
      : request.format === 'md'
        ? renderMarkdown(data)
        : renderJson(data)
  const path = await writeOutput(io, request.out, text.endsWith('\n') ? text : `${text}\n`)
  if (path !== undefined) io.stderr(`report: ${request.format} written to ${request.out}\n`)
  return EXIT_CODES.ok.code
}
