/**
 * Log order of two events: positions are decimal integers without leading zeros, so the shorter
 * comes first, and equal lengths compare as text (no `BigInt` per comparison).
 */
export function byPosition(
  a: { readonly position: string },
  b: { readonly position: string },
): number {
  if (a.position.length !== b.position.length) return a.position.length - b.position.length
  return a.position < b.position ? -1 : a.position > b.position ? 1 : 0
}
