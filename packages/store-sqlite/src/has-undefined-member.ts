/**
 * Whether a JSON value holds an `undefined` object member anywhere: what a row's canonical JSON
 * drops, so that the event returned by an append must drop it too. It reads without copying; the
 * events a ledger decides have none, and are then returned as they came, as the in-memory store
 * does. (The same as core's own, which its public entry point does not export.)
 */
export function hasUndefinedMember(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return false
  if (Array.isArray(value)) {
    for (const item of value) if (hasUndefinedMember(item)) return true
    return false
  }
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue
    const member = (value as Record<string, unknown>)[key]
    if (member === undefined || hasUndefinedMember(member)) return true
  }
  return false
}
