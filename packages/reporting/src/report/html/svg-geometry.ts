import { dayNumber } from '@plafond/core'

/**
 * A decimal amount as a number, for drawing only: positions on a chart are pixels, where a
 * float is exact enough; every figure printed or put in a `data-*` attribute stays the exact
 * decimal string it came from.
 */
export function plotted(amount: string): number {
  return Number(amount)
}

/** A coordinate written with at most one decimal, so that equal charts give equal bytes. */
export function px(value: number): string {
  const rounded = Math.round(value * 10) / 10
  return String(rounded === 0 ? 0 : rounded)
}

/** A linear map from a domain to a range of pixels. */
export function linearScale(
  [d0, d1]: readonly [number, number],
  [r0, r1]: readonly [number, number],
): (value: number) => number {
  const span = d1 - d0
  return (value) => (span === 0 ? r0 : r0 + ((value - d0) / span) * (r1 - r0))
}

/** Round ticks from 0 (or below) up past `max`: steps of 1, 2, 2.5 or 5 times a power of ten. */
export interface NiceScale {
  readonly min: number
  readonly max: number
  readonly step: number
  readonly ticks: readonly number[]
}

/** Round ticks covering `[min, max]` in about `count` steps; `min` is 0 unless negative. */
export function niceScale(max: number, count = 5, min = 0): NiceScale {
  const low = Math.min(0, min)
  const high = max > low ? max : low + 1
  const raw = (high - low) / count
  const magnitude = 10 ** Math.floor(Math.log10(raw))
  const normalized = raw / magnitude
  const factor =
    normalized <= 1 ? 1 : normalized <= 2 ? 2 : normalized <= 2.5 ? 2.5 : normalized <= 5 ? 5 : 10
  const step = factor * magnitude
  const first = Math.floor(low / step)
  const last = Math.ceil(high / step)
  const ticks: number[] = []
  for (let i = first; i <= last; i++) ticks.push(Math.round(i * step * 1e6) / 1e6)
  return { min: ticks[0]!, max: ticks[ticks.length - 1]!, step, ticks }
}

/** Days since 1970-01-01 of a business date: the x of time axes. */
export function dayOf(date: string): number {
  return dayNumber(date)
}

/** The last day of a month `YYYY-MM`. */
export function monthEnd(month: string): string {
  const year = Number(month.slice(0, 4))
  const index = Number(month.slice(5, 7))
  const days = new Date(Date.UTC(year, index, 0)).getUTCDate()
  return `${month.slice(0, 7)}-${String(days).padStart(2, '0')}`
}
