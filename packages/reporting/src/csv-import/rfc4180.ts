/** One record of a CSV file, with the line it starts on (1-based). */
export interface CsvRecord {
  readonly line: number
  readonly cells: readonly string[]
}

/** A record the parser could not read. */
export interface CsvSyntaxError {
  readonly line: number
  readonly reason: string
}

/** What `parseCsv` found. */
export interface ParsedCsv {
  readonly records: readonly CsvRecord[]
  readonly errors: readonly CsvSyntaxError[]
}

/**
 * Parses CSV text as RFC 4180 describes it: records end with CRLF (a bare LF is accepted too);
 * a cell in double quotes may hold the separator, quotes written twice (`""`) and line breaks.
 * A leading byte-order mark is skipped, and so are empty lines. A quote inside an unquoted cell,
 * text after a closing quote, or a quote left open is an error on the record's line; the parser
 * then resumes at the next line, so that one bad record does not hide the others.
 */
export function parseCsv(text: string, separator: string): ParsedCsv {
  const records: CsvRecord[] = []
  const errors: CsvSyntaxError[] = []
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text
  const length = source.length
  let i = 0
  let line = 1
  while (i < length) {
    const start = line
    // An empty line (or the final line break) holds no record.
    if (source[i] === '\n' || (source[i] === '\r' && source[i + 1] === '\n')) {
      i += source[i] === '\r' ? 2 : 1
      line += 1
      continue
    }
    const cells: string[] = []
    let cell = ''
    let failure: string | undefined
    let quoted = false
    let endOfRecord = false
    while (!endOfRecord && failure === undefined) {
      if (i >= length) {
        cells.push(cell)
        break
      }
      const char = source[i]!
      if (quoted) {
        if (char === '"') {
          if (source[i + 1] === '"') {
            cell += '"'
            i += 2
            continue
          }
          quoted = false
          i += 1
          const next = source[i]
          if (next !== undefined && next !== separator && next !== '\r' && next !== '\n') {
            failure = `expected ${JSON.stringify(separator)} or the end of the line after a closing quote, found ${JSON.stringify(next)}. Write a quote inside a quoted cell as "".`
          }
          continue
        }
        if (char === '\n') line += 1
        cell += char
        i += 1
        continue
      }
      if (char === '"') {
        if (cell === '') {
          quoted = true
          i += 1
          continue
        }
        failure =
          'found a quote inside an unquoted cell. Put the whole cell in quotes and write the quote as "".'
        continue
      }
      if (char === separator) {
        cells.push(cell)
        cell = ''
        i += 1
        continue
      }
      if (char === '\r' && source[i + 1] === '\n') {
        cells.push(cell)
        i += 2
        line += 1
        endOfRecord = true
        continue
      }
      if (char === '\n') {
        cells.push(cell)
        i += 1
        line += 1
        endOfRecord = true
        continue
      }
      cell += char
      i += 1
    }
    if (failure === undefined && quoted) {
      failure =
        'a quoted cell is never closed: the file ends inside it. Close the quote, or write a quote inside it as "".'
    }
    if (failure !== undefined) {
      errors.push({ line: start, reason: failure })
      // Resume at the next line break, outside any quotes.
      while (i < length && source[i] !== '\n') i += 1
      if (i < length) {
        i += 1
        line += 1
      }
      continue
    }
    records.push({ line: start, cells })
  }
  return { records, errors }
}

/**
 * One cell as RFC 4180 writes it: quoted when it holds the separator, a quote or a line break
 * (or starts with a byte-order mark, which a reader would take for the file's).
 */
export function writeCsvCell(value: string, separator: string): string {
  return value.includes(separator) || /["\r\n]|^\uFEFF/.test(value)
    ? `"${value.replaceAll('"', '""')}"`
    : value
}

/** One record, cells quoted as needed, ending with CRLF. */
export function writeCsvRecord(cells: readonly string[], separator: string): string {
  return `${cells.map((cell) => writeCsvCell(cell, separator)).join(separator)}\r\n`
}
