/** The position before the first event: nothing applied yet. */
export const START = '0'

/**
 * Compares two log positions (decimal strings of non-negative integers without leading zeros)
 * without converting them: a longer string is a larger number.
 */
export function comparePositions(a: string, b: string): number {
  if (a.length !== b.length) return a.length - b.length
  return a < b ? -1 : a > b ? 1 : 0
}

/** The position after `position`. */
export function nextPosition(position: string): string {
  return (BigInt(position) + 1n).toString()
}
