import { centsOf } from '@plafond/projections'

/**
 * Sorts rows by a decimal figure with two decimals (an amount, a percentage), largest first, and
 * keeps the order of ties: exact comparison on hundredths, never on floats. A missing figure
 * (null) sorts last.
 */
export function largestFirst<T>(rows: readonly T[], figure: (row: T) => string | null): T[] {
  return rows
    .map((row, index) => ({ row, index, value: figure(row) }))
    .sort((a, b) => {
      if (a.value === null || b.value === null) {
        return a.value === b.value ? a.index - b.index : a.value === null ? 1 : -1
      }
      const diff = centsOf(b.value) - centsOf(a.value)
      return diff > 0n ? 1 : diff < 0n ? -1 : a.index - b.index
    })
    .map(({ row }) => row)
}
