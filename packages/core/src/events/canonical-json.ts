/**
 * Serializes a JSON value with object keys sorted, no whitespace and `undefined` members left out:
 * the same value always gives the same bytes, which is what the hash chain and idempotency compare.
 * Throws on values JSON cannot carry exactly (non-integer or unsafe numbers, bigint, functions).
 */
export function canonicalJson(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value)
    case 'boolean':
      return value ? 'true' : 'false'
    case 'number':
      if (!Number.isSafeInteger(value)) {
        throw new TypeError(
          `Canonical JSON carries only safe integers, found ${value}; write amounts as strings.`,
        )
      }
      return String(value)
    case 'object': {
      if (value === null) return 'null'
      if (Array.isArray(value))
        return `[${value.map((item) => canonicalJson(item ?? null)).join(',')}]`
      const record = value as Record<string, unknown>
      const keys = Object.keys(record).sort()
      let out = '{'
      let first = true
      for (const key of keys) {
        const member = record[key]
        if (member === undefined) continue
        out += `${first ? '' : ','}${JSON.stringify(key)}:${canonicalJson(member)}`
        first = false
      }
      return `${out}}`
    }
    default:
      throw new TypeError(`Canonical JSON cannot carry a ${typeof value}.`)
  }
}

/** A copy of a JSON value without `undefined` object members (what the store keeps and hashes). */
export function withoutUndefined<T>(value: T): T {
  if (Array.isArray(value)) return value.map(withoutUndefined) as T
  if (value === null || typeof value !== 'object') return value
  const out: Record<string, unknown> = {}
  for (const [key, member] of Object.entries(value)) {
    if (member !== undefined) out[key] = withoutUndefined(member)
  }
  return out as T
}
