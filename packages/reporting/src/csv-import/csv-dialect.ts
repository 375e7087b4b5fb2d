/** The two spellings of the history CSV. */
export type CsvDialect = 'standard' | 'french'

/** How a dialect separates cells and writes decimals. */
export interface CsvDialectRules {
  readonly separator: ',' | ';'
  readonly decimalMark: '.' | ','
}

/**
 * `standard`: RFC 4180 with `,` between cells and `.` in decimals. `french`: `;` between cells and
 * `,` in decimals, as a French spreadsheet writes CSV.
 */
export const CSV_DIALECTS: Readonly<Record<CsvDialect, CsvDialectRules>> = {
  standard: { separator: ',', decimalMark: '.' },
  french: { separator: ';', decimalMark: ',' },
}

/**
 * The dialect of a file: the one asked for, else `french` when its first line holds a `;` (the
 * header names contain neither `;` nor `,`), else `standard`.
 */
export function detectDialect(text: string, asked?: CsvDialect): CsvDialect {
  if (asked !== undefined) return asked
  const end = text.search(/\r|\n/)
  const header = end === -1 ? text : text.slice(0, end)
  return header.includes(';') ? 'french' : 'standard'
}
