import { frenchSpacing } from '../format/french-number.js'

/**
 * Text safe inside Markdown (GitHub Flavored): characters that would start emphasis, code,
 * links, HTML or a table cell are escaped with a backslash, and line breaks become spaces so
 * that a name never breaks a table row.
 */
export function markdownText(text: string): string {
  return frenchSpacing(text)
    .replace(/\r\n|\r|\n/g, ' ')
    .replace(/[\\`*_[\]<>|#]/g, (c) => `\\${c}`)
}

/** How a column of a Markdown table is aligned: numbers right, words left. */
export type MarkdownAlign = 'left' | 'right'

/** A GFM table; cells are written as given (escape them with `markdownText`). */
export function markdownTable(
  headers: readonly string[],
  align: readonly MarkdownAlign[],
  rows: readonly (readonly string[])[],
): string {
  const line = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`
  const rule = align.map((a) => (a === 'right' ? '--:' : ':--'))
  return [line(headers), line(rule), ...rows.map(line)].join('\n')
}
