import type { ReportData } from '../report-data.js'
import { csvFiles } from './csv-files.js'
import type { CsvLocale } from './csv-field.js'
import { csvTable } from './csv-table.js'

/** Options of `renderCsv`. */
export interface CsvOptions {
  /**
   * `en` (default): RFC 4180, `,` between fields, `.` in numbers, headers named as the JSON
   * report's fields. `fr`: `;` between fields, decimal comma, headers in French and a UTF-8 byte
   * order mark, so that Excel and LibreOffice in French open it with numbers as numbers.
   */
  readonly locale?: CsvLocale
}

/** One CSV file of a report. */
export interface CsvDocument {
  /** `overview.csv`, `beneficiaries.csv`, …: the same names in both locales. */
  readonly fileName: string
  readonly content: string
}

/**
 * The report as CSV, one file per view: overview, beneficiaries, holders, budget years, months,
 * contracts, contract modifications, products, product impact, alerts, payment delays, forecast.
 * Records end with CRLF; fields holding the separator, a quote or a line break are quoted;
 * amounts are plain decimals (no thousands separator) so that spreadsheets compute with them;
 * dates are ISO `YYYY-MM-DD`; text that a spreadsheet would run as a formula is made inert.
 */
export function renderCsv(data: ReportData, options: CsvOptions = {}): CsvDocument[] {
  const locale = options.locale ?? 'en'
  return csvFiles(data).map((file) => ({
    fileName: file.fileName,
    content: csvTable(file.columns, file.rows, locale),
  }))
}
