import { DEFAULT_ALERT_THRESHOLDS } from '@plafond/core'

/** Alert thresholds in whole percent, per reference. */
export interface ThresholdsValue {
  readonly estimate?: readonly number[]
  readonly maximum?: readonly number[]
  readonly allocation?: readonly number[]
}

const KEYS = ['estimate', 'maximum', 'allocation'] as const

function same(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((value, i) => value === b[i])
}

/**
 * Writes a framework's alert thresholds in one cell, e.g.
 * `estimate=50/100 maximum=80/100 allocation=10/90/100`; empty when they are the defaults
 * (`DEFAULT_ALERT_THRESHOLDS`), which a framework row without the cell gets.
 */
export function formatThresholds(thresholds: Required<ThresholdsValue>): string {
  if (KEYS.every((key) => same(thresholds[key], DEFAULT_ALERT_THRESHOLDS[key]))) return ''
  return KEYS.map((key) => `${key}=${thresholds[key].join('/')}`).join(' ')
}

/** Reads the cell `formatThresholds` writes; a reference left out keeps its default thresholds. */
export function parseThresholds(
  cell: string,
): { readonly thresholds: ThresholdsValue } | { readonly reason: string } {
  const thresholds: Record<string, number[]> = {}
  for (const part of cell.trim().split(/\s+/)) {
    const match = /^(estimate|maximum|allocation)=(\d{1,3}(?:\/\d{1,3})*)$/.exec(part)
    if (!match || Object.hasOwn(thresholds, match[1]!)) {
      return {
        reason: `expected thresholds written "estimate=50/75/90/100 maximum=80/90/95/100 allocation=90/100" (each reference once, whole percents), found ${JSON.stringify(part)}.`,
      }
    }
    thresholds[match[1]!] = match[2]!.split('/').map(Number)
  }
  return { thresholds }
}
