import { parseCents, type Cents } from '../money/money.js'

/** One period of the EU threshold for central government supplies and services contracts, HT. */
export interface EuThresholdPeriod {
  /** First day the threshold applies, `YYYY-MM-DD`. */
  readonly from: string
  /** The threshold, a wire amount (HT). */
  readonly amount: string
  /** Where the figure comes from. */
  readonly source: string
}

/**
 * EU thresholds for supplies and services contracts of central government authorities (the State
 * and its ministries), by period. They bound R2194-8's small modifications. The table is data:
 * pass an extended one to `createLedger({ euThresholds })` when the Commission revises it.
 */
export const EU_THRESHOLDS_CENTRAL_SUPPLIES_SERVICES: readonly EuThresholdPeriod[] = [
  {
    from: '2020-01-01',
    amount: '139000.00',
    source: 'Commission Delegated Regulation (EU) 2019/1828',
  },
  {
    from: '2022-01-01',
    amount: '140000.00',
    source: 'Commission Delegated Regulation (EU) 2021/1952',
  },
  {
    from: '2024-01-01',
    amount: '143000.00',
    source: 'Commission Delegated Regulation (EU) 2023/2495',
  },
  {
    from: '2026-01-01',
    amount: '140000.00',
    source: 'Avis relatif aux seuils de procédure, JO du 26 décembre 2025 (CCP annexe 2)',
  },
]

/**
 * The threshold in force on `date`: the latest period starting on or before it (the earliest
 * period for an earlier date).
 */
export function euThresholdOn(
  date: string,
  table: readonly EuThresholdPeriod[] = EU_THRESHOLDS_CENTRAL_SUPPLIES_SERVICES,
): { readonly amount: Cents; readonly period: EuThresholdPeriod } {
  const sorted = [...table].sort((a, b) => (a.from < b.from ? -1 : 1))
  let period = sorted[0]
  if (!period) throw new RangeError('The EU threshold table is empty; give at least one period.')
  for (const candidate of sorted) if (candidate.from <= date) period = candidate
  return { amount: parseCents(period.amount), period }
}
