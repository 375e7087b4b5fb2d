import { CRLF, CSV_DIALECTS, csvField, inertText, type CsvLocale } from './csv-field.js'

/** What a column holds, which decides how it is written. */
export type CsvKind = 'text' | 'decimal' | 'integer' | 'date' | 'boolean'

/** One column of a CSV file: its headers in each locale and how to read it from a row. */
export interface CsvColumn<Row> {
  /** The header in `en` files: the field's name in the JSON report. */
  readonly key: string
  /** The header in `fr` files, in words. */
  readonly label: string
  readonly kind: CsvKind
  /** The value of a row: decimal strings for `decimal`, `YYYY-MM-DD` for `date`; null for none. */
  readonly value: (row: Row) => string | number | boolean | null
}

function cell<Row>(column: CsvColumn<Row>, row: Row, locale: CsvLocale): string {
  const dialect = CSV_DIALECTS[locale]
  const value = column.value(row)
  if (value === null) return ''
  switch (column.kind) {
    case 'decimal':
      // Unformatted (no thousands separator), so that spreadsheets compute with it.
      return String(value).replace('.', dialect.decimalMark)
    case 'integer':
    case 'date':
      return String(value)
    case 'boolean':
      return value === true ? dialect.yes : dialect.no
    case 'text':
      return csvField(inertText(String(value)), dialect.separator)
  }
}

/**
 * A CSV file: a header line, then one record per row, each line ending with CRLF (RFC 4180).
 * `fr` files start with a UTF-8 byte order mark, separate fields with `;` and write decimals
 * with a comma. Dates stay ISO (`2025-03-31`), which both dialects' spreadsheets recognize.
 */
export function csvTable<Row>(
  columns: readonly CsvColumn<Row>[],
  rows: readonly Row[],
  locale: CsvLocale,
): string {
  const dialect = CSV_DIALECTS[locale]
  const header = columns
    .map((column) => csvField(locale === 'fr' ? column.label : column.key, dialect.separator))
    .join(dialect.separator)
  const records = rows.map((row) =>
    columns.map((column) => cell(column, row, locale)).join(dialect.separator),
  )
  return `${dialect.byteOrderMark ? '\ufeff' : ''}${[header, ...records].map((line) => `${line}${CRLF}`).join('')}`
}
