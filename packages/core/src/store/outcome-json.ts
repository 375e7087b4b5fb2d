import { quotedString } from '../events/canonical-json.js'
import { flatObjectJson } from '../events/flat-json.js'
import type { OutcomeResult } from './event-store.js'

/** A written range's members, in the order the ledger writes them. */
const RANGE_KEYS = ['stream', 'fromVersion', 'toVersion'] as const

/**
 * `JSON.stringify(result)`: the text a store keeps of a command's outcome. The usual result, the
 * ranges a command wrote, is written directly when it has exactly the members the ledger gives it,
 * in that order, with a string stream and integer versions; anything else goes to JSON.stringify.
 * Every command's outcome is serialized: the serializer's walk was 3 % of an in-memory command.
 */
export function outcomeResultJson(result: OutcomeResult): string {
  return (result.ok === true && writtenJson(result)) || JSON.stringify(result)
}

function writtenJson(result: OutcomeResult & { readonly ok: true }): string | undefined {
  if (Object.getPrototypeOf(result) !== Object.prototype) return undefined
  let members = 0
  for (const key in result) {
    if (key !== (members === 0 ? 'ok' : 'written') || members === 2) return undefined
    members++
  }
  const written = result.written
  if (members !== 2 || !Array.isArray(written)) return undefined
  let out = '{"ok":true,"written":['
  for (let i = 0; i < written.length; i++) {
    const range = written[i] as WrittenRangeLike
    if (range === null || Object.getPrototypeOf(range) !== Object.prototype) return undefined
    let index = 0
    for (const key in range) {
      if (key !== RANGE_KEYS[index]) return undefined
      index++
    }
    if (
      index !== 3 ||
      typeof range.stream !== 'string' ||
      !Number.isSafeInteger(range.fromVersion) ||
      !Number.isSafeInteger(range.toVersion)
    ) {
      return undefined
    }
    if (i > 0) out += ','
    out += `{"stream":${quotedString(range.stream)},"fromVersion":${range.fromVersion},"toVersion":${range.toVersion}}`
  }
  // Flat, as JSON.stringify's text is: a store may keep it, and V8 would otherwise keep the
  // pieces it was built from, a dozen objects for the collector to copy.
  return flatObjectJson(`${out}]}`)
}

interface WrittenRangeLike {
  readonly stream: unknown
  readonly fromVersion: number
  readonly toVersion: number
}
