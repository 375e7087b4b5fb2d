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
      const keys = Object.keys(record)
      if (keys.length === 0) return '{}'
      const plan = planOf(keys)
      const sorted = plan.sorted
      const quoted = plan.quoted
      let out = '{'
      for (let i = 0; i < sorted.length; i++) {
        const member = record[sorted[i]!]
        if (member === undefined) {
          skippedMembers++
          continue
        }
        if (out.length > 1) out += ','
        out += quoted[i]! + canonicalJson(member)
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

/**
 * How canonicalJson writes an object whose `Object.keys` are `keys`, in that order: the keys
 * sorted by UTF-16 code units (as `Array.prototype.sort()` sorts them) and each written as
 * `"name":`. Objects of one schema have the same keys in the same order, so a plan is found
 * again by comparing the keys, most often the very same interned strings, instead of sorting and
 * quoting them for every event: that was a third of canonicalJson's time.
 */
interface KeyPlan {
  readonly keys: readonly string[]
  readonly sorted: readonly string[]
  readonly quoted: readonly string[]
}

// Plans by first key. Bounded, because canonicalJson also serves values whose names come from
// outside: past the bound, objects of unseen kinds are planned afresh each time.
const PLANS = new Map<string, KeyPlan[]>()
const MAX_PLANS = 2048
const MAX_PLANNED_KEYS = 64
let plans = 0

function planOf(keys: readonly string[]): KeyPlan {
  const candidates = PLANS.get(keys[0]!)
  if (candidates !== undefined) {
    search: for (const plan of candidates) {
      const known = plan.keys
      if (known.length !== keys.length) continue
      for (let i = 1; i < keys.length; i++) if (known[i] !== keys[i]) continue search
      return plan
    }
  }
  const sorted = [...keys].sort()
  const plan: KeyPlan = {
    keys: [...keys],
    sorted,
    quoted: sorted.map((key) => `${quotedString(key)}:`),
  }
  if (plans < MAX_PLANS && keys.length <= MAX_PLANNED_KEYS) {
    plans++
    if (candidates === undefined) PLANS.set(keys[0]!, [plan])
    else candidates.push(plan)
  }
  return plan
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
