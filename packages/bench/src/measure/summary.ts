/** A figure over several runs: its median and how far the runs spread around it. */
export interface Summary {
  readonly median: number
  readonly min: number
  readonly max: number
  /** (max − min) / median: 0.05 means the runs lie within 5 % of each other. */
  readonly spread: number
  readonly runs: readonly number[]
}

/** The median of a non-empty list (the mean of the two middle values for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('Expected at least one value, found none.')
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

/** Summarizes the runs of one figure. */
export function summarize(runs: readonly number[]): Summary {
  const m = median(runs)
  const min = Math.min(...runs)
  const max = Math.max(...runs)
  return { median: m, min, max, spread: m === 0 ? 0 : (max - min) / m, runs: [...runs] }
}

/** The value at quantile `q` (0..1) of a list, by nearest rank. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) throw new RangeError('Expected at least one value, found none.')
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!
}
