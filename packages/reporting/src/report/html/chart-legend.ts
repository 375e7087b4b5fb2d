import { escapeHtml } from './html-text.js'

/** One entry of a legend: a swatch styled by `kind` (a `k-*` class of the page) and its label. */
export interface LegendItem {
  readonly kind: string
  readonly label: string
  /** `line` for a series drawn as a line, `dash` for a dashed reference line. */
  readonly shape?: 'box' | 'line' | 'dash'
}

/** A legend above a chart, as a list (read before the chart by screen readers). */
export function chartLegend(items: readonly LegendItem[]): string {
  const entries = items
    .map(
      (item) =>
        `<li><span class="swatch ${item.shape ?? 'box'} k-${item.kind}" aria-hidden="true"></span>${escapeHtml(item.label)}</li>`,
    )
    .join('')
  return `<ul class="legend">${entries}</ul>`
}
