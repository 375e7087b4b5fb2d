/**
 * A deep copy of a JSON value without `undefined` object members, frozen as it is built: what
 * `deepFreeze(withoutUndefined(value))` gives, in one pass and without asking each object whether
 * it is frozen. The in-memory store keeps such copies, so that no caller can change what it stored.
 */
export function frozenCopy<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value
  if (Array.isArray(value)) {
    const items: unknown[] = new Array(value.length)
    for (let i = 0; i < value.length; i++) items[i] = frozenCopy(value[i] as unknown)
    return Object.freeze(items) as T
  }
  const out: Record<string, unknown> = {}
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue
    const member = (value as Record<string, unknown>)[key]
    if (member !== undefined) out[key] = frozenCopy(member)
  }
  return Object.freeze(out) as T
}
