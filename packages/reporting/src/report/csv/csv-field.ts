/** The two CSV dialects: `en` (RFC 4180 as written) and `fr` (for French spreadsheets). */
export type CsvLocale = 'en' | 'fr'

/** How a CSV dialect writes fields and numbers. */
export interface CsvDialect {
  /** Between fields: `,` in RFC 4180; `;` in France, where `,` is the decimal mark. */
  readonly separator: ',' | ';'
  /** The decimal mark of numbers. */
  readonly decimalMark: '.' | ','
  /** A UTF-8 byte order mark first: Excel reads the file as UTF-8 only when it is there. */
  readonly byteOrderMark: boolean
  /** How a yes/no field is written. */
  readonly yes: string
  readonly no: string
}

/** The dialect of each locale. */
export const CSV_DIALECTS: { readonly [L in CsvLocale]: CsvDialect } = {
  en: { separator: ',', decimalMark: '.', byteOrderMark: false, yes: 'true', no: 'false' },
  fr: { separator: ';', decimalMark: ',', byteOrderMark: true, yes: 'oui', no: 'non' },
}

/** Line break between records (RFC 4180 §2.1). */
export const CRLF = '\r\n'

/**
 * A field as RFC 4180 §2.5–2.7 writes it: in double quotes, with each quote doubled, when it
 * holds the separator, a quote, a carriage return or a line feed; as is otherwise.
 */
export function csvField(text: string, separator: string): string {
  const needsQuotes =
    text.includes(separator) || text.includes('"') || text.includes('\r') || text.includes('\n')
  return needsQuotes ? `"${text.replaceAll('"', '""')}"` : text
}

/**
 * Text a spreadsheet must not run: a field that starts with `=`, `+`, `-`, `@`, a tab or a
 * carriage return is read as a formula by Excel and LibreOffice (CSV injection, OWASP), so it is
 * prefixed with `'`, which they show as text. Names, reasons and ids are free text written by
 * users of the ledger; numbers are never text fields and are left alone.
 */
export function inertText(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text
}
