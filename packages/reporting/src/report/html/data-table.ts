import { escapeHtml } from './html-text.js'

/** One column of an HTML table: its header and whether it holds numbers (right-aligned). */
export interface TableColumn {
  readonly header: string
  readonly numeric?: boolean
}

/** What `dataTable` draws. Cells are HTML already escaped; the first cell of a row heads it. */
export interface DataTable {
  readonly caption: string
  readonly columns: readonly TableColumn[]
  readonly rows: readonly (readonly string[])[]
  /** A totals row, if any, in `<tfoot>`. */
  readonly footer?: readonly string[]
  readonly className?: string
}

function cells(row: readonly string[], columns: readonly TableColumn[]): string {
  return row
    .map((cell, i) => {
      const numeric = columns[i]?.numeric === true ? ' class="num"' : ''
      return i === 0 ? `<th scope="row"${numeric}>${cell}</th>` : `<td${numeric}>${cell}</td>`
    })
    .join('')
}

/** An accessible table: a caption, column headers with `scope`, row headers, numbers right. */
export function dataTable(table: DataTable): string {
  const head = table.columns
    .map(
      (c) =>
        `<th scope="col"${c.numeric === true ? ' class="num"' : ''}>${escapeHtml(c.header)}</th>`,
    )
    .join('')
  const body = table.rows.map((row) => `<tr>${cells(row, table.columns)}</tr>`).join('\n')
  const foot =
    table.footer === undefined
      ? ''
      : `\n<tfoot><tr>${cells(table.footer, table.columns)}</tr></tfoot>`
  const className = table.className === undefined ? '' : ` class="${table.className}"`
  return `<table${className}>\n<caption>${escapeHtml(table.caption)}</caption>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody>${foot}\n</table>`
}
