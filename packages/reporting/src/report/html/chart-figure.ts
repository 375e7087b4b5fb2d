import { frenchSpacing } from '../format/french-number.js'
import { attributes, escapeHtml, type Attributes } from './html-text.js'

/** A chart: an inline SVG with its accessible name and description, and its data as a table. */
export interface ChartFigure {
  /** Unique in the page; the SVG's title and description ids derive from it. */
  readonly id: string
  /** The chart's accessible name (`<title>`), also shown as its caption. */
  readonly title: string
  /** What the chart shows, in a sentence or two with the key figures (`<desc>`). */
  readonly description: string
  readonly width: number
  readonly height: number
  /** The SVG's content, drawn at render time. */
  readonly body: string
  /** `data-*` attributes of the `<svg>` (names without the `data-` prefix). */
  readonly data?: Attributes
  /** The same figures as a table (HTML from `dataTable`), in a `<details>` below the chart. */
  readonly table: string
  /** Show the table in full under the chart instead of folding it (when it is content itself). */
  readonly tableShown?: boolean
  /** A legend shown above the chart (HTML). */
  readonly legend?: string
}

/**
 * A chart as HTML: `<figure>` with a visible caption, an `<svg role="img">` labelled by its
 * `<title>` and described by its `<desc>`, and a `<details>` holding the table of its figures
 * for readers who cannot see it. The SVG scales to the page's width (its `viewBox` keeps the
 * proportions), so nothing is clipped on a narrow screen or on A4.
 */
export function chartFigure(chart: ChartFigure): string {
  const data: Record<string, string | number | null | undefined> = {}
  for (const [name, value] of Object.entries(chart.data ?? {})) data[`data-${name}`] = value
  const svg = `<svg${attributes({
    xmlns: 'http://www.w3.org/2000/svg',
    viewBox: `0 0 ${chart.width} ${chart.height}`,
    width: chart.width,
    height: chart.height,
    role: 'img',
    'aria-labelledby': `${chart.id}-title ${chart.id}-desc`,
    'data-chart': chart.id,
    ...data,
  })}>\n<title id="${chart.id}-title">${escapeHtml(chart.title)}</title>\n<desc id="${chart.id}-desc">${escapeHtml(frenchSpacing(chart.description))}</desc>\n${chart.body}\n</svg>`
  return [
    `<figure class="chart" id="${chart.id}">`,
    `<figcaption>${escapeHtml(chart.title)}</figcaption>`,
    chart.legend ?? '',
    svg,
    chart.tableShown === true
      ? chart.table
      : `<details class="chart-data"><summary>Données du graphique</summary>\n${chart.table}\n</details>`,
    '</figure>',
  ]
    .filter((part) => part !== '')
    .join('\n')
}
