import { addDays } from '@plafond/core'
import { frenchShortMonth } from '../format/french-date.js'
import { escapeHtml } from './html-text.js'
import { dayOf, px } from './svg-geometry.js'

/** A time axis from `start` to `end` (business dates) over `[left, right]` pixels. */
export interface TimeAxis {
  readonly start: string
  readonly end: string
  /** The x of a business date. */
  readonly x: (date: string) => number
}

/** A time axis; a span shorter than a month is widened so that the scale never divides by 0. */
export function timeAxis(start: string, end: string, left: number, right: number): TimeAxis {
  const last = end > start ? end : addDays(start, 30)
  const d0 = dayOf(start)
  const d1 = dayOf(last)
  return { start, end: last, x: (date) => left + ((dayOf(date) - d0) / (d1 - d0)) * (right - left) }
}

function monthsBetween(start: string, end: string): string[] {
  const months: string[] = []
  let year = Number(start.slice(0, 4))
  let month = Number(start.slice(5, 7))
  for (;;) {
    const label = `${year}-${String(month).padStart(2, '0')}-01`
    if (label > end) break
    if (label >= start) months.push(label)
    month += 1
    if (month > 12) {
      month = 1
      year += 1
    }
  }
  return months
}

/**
 * Ticks of a time axis under the plot, at `y`: each 1st of January over long spans (labelled
 * with the year), else every few months (labelled `avr. 2025`), with light vertical grid lines
 * from `top` down to the axis.
 */
export function timeTicks(axis: TimeAxis, y: number, top: number): string {
  const firsts = monthsBetween(axis.start, axis.end)
  const long = firsts.length > 20
  const every = long ? 12 : Math.max(1, Math.ceil(firsts.length / 8))
  const ticks = firsts.filter((date) =>
    long ? date.endsWith('-01-01') : (Number(date.slice(5, 7)) - 1) % every === 0,
  )
  return ticks
    .map((date) => {
      const at = px(axis.x(date))
      const label = long ? date.slice(0, 4) : frenchShortMonth(date)
      return [
        `<line class="grid" x1="${at}" x2="${at}" y1="${top}" y2="${y - 14}" />`,
        `<text class="tick" x="${at}" y="${y}" text-anchor="middle">${escapeHtml(label)}</text>`,
      ].join('\n')
    })
    .join('\n')
}
