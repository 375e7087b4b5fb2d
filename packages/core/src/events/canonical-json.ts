/**
 * Serializes a JSON value with object keys sorted, no whitespace and `undefined` members left out:
 * the same value always gives the same bytes, which is what the hash chain and idempotency compare.
 * Throws on values JSON cannot carry exactly (non-integer or unsafe numbers, bigint, functions).
 */
export function canonicalJson(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return quotedString(value)
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
      if (Array.isArray(value)) {
        let out = '['
        for (let i = 0; i < value.length; i++) {
          if (i > 0) out += ','
          out += canonicalJson(value[i] ?? null)
        }
        return `${out}]`
      }
      const record = value as Record<string, unknown>
      const keys = sortedInPlace(Object.keys(record))
      let out = '{'
      for (let i = 0; i < keys.length; i++) {
        const key = keys[i]!
        const member = record[key]
        if (member === undefined) {
          skippedMembers++
          continue
        }
        if (out.length > 1) out += ','
        out += quotedKey(key) + canonicalJson(member)
      }
      return `${out}}`
    }
    default:
      throw new TypeError(`Canonical JSON cannot carry a ${typeof value}.`)
  }
}

let skippedMembers = 0

/**
 * How many `undefined` object members canonicalJson has left out in this process. A store that
 * serializes a caller's value compares it before and after: unchanged, the value holds no such
 * member and can be kept as it is (what `asStored` tells by walking the value a second time).
 */
export function undefinedMembersSkipped(): number {
  return skippedMembers
}

// Characters JSON.stringify writes escaped: controls, `"`, `\` and (when alone) surrogates.
// eslint-disable-next-line no-control-regex -- control characters are what JSON escapes
const NEEDS_ESCAPE = /[\u0000-\u001f"\\\ud800-\udfff]/

/**
 * `JSON.stringify(text)`, without its cost for the usual string that needs no escape: every
 * string of every event hashed went through the whole serializer (about 2 000 instructions, most
 * of a canonical text's cost). A string with any character that may need escaping (a lone
 * surrogate does, a paired one does not) is left to JSON.stringify.
 */
export function quotedString(text: string): string {
  return NEEDS_ESCAPE.test(text) ? JSON.stringify(text) : `"${text}"`
}

// Member names written as `"name":`, remembered: event and command schemas use a few dozen names,
// and quoting each one on every event was a third of canonicalJson's time. Bounded, because
// canonicalJson also serves values whose names come from outside.
const QUOTED_KEYS = new Map<string, string>()
const MAX_QUOTED_KEYS = 4096

function quotedKey(key: string): string {
  let quoted = QUOTED_KEYS.get(key)
  if (quoted === undefined) {
    quoted = `${quotedString(key)}:`
    if (QUOTED_KEYS.size < MAX_QUOTED_KEYS) QUOTED_KEYS.set(key, quoted)
  }
  return quoted
}

/**
 * Sorts strings by UTF-16 code units, as `Array.prototype.sort()` does, by insertion: the objects
 * canonicalJson meets have a handful of keys, and this runs for each of them on every event hashed.
 */
function sortedInPlace(keys: string[]): string[] {
  for (let i = 1; i < keys.length; i++) {
    const key = keys[i]!
    let j = i - 1
    while (j >= 0 && keys[j]! > key) {
      keys[j + 1] = keys[j]!
      j--
    }
    keys[j + 1] = key
  }
  return keys
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

/**
 * A JSON value as a store gives it back: the value itself when it holds no `undefined` member, else
 * `withoutUndefined` of it. For values the caller already owns (an encoded event's data), where a
 * copy of every one would be wasted: the check reads without allocating.
 */
export function asStored<T>(value: T): T {
  return hasUndefinedMember(value) ? withoutUndefined(value) : value
}

/** Whether a JSON value holds an `undefined` object member anywhere (what `withoutUndefined` drops). */
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
