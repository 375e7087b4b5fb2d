import { formatCents } from '@plafond/core'
import { emptyTable, isTable } from '../state/table.js'

// Tags for what JSON cannot carry: amounts (bigint cents, written as decimal strings) and tables
// (objects without a prototype). Row field names never start with `$`, and a table's keys are
// written inside its tag, so a tag never collides with data.
const CENTS = '$cents'
const TABLE = '$table'

function membersOf(record: Record<string, unknown>, path: string): string {
  const keys = Object.keys(record).sort()
  let out = '{'
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!
    out += `${i === 0 ? '' : ','}${JSON.stringify(key)}:${encode(record[key], `${path}.${key}`)}`
  }
  return `${out}}`
}

function encode(value: unknown, path: string): string {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value)
    case 'boolean':
      return value ? 'true' : 'false'
    case 'number':
      if (Number.isSafeInteger(value)) return String(value)
      throw new TypeError(
        `Expected only safe integers in a projection state, found ${value} at ${path}; keep amounts as bigint cents and ratios as strings.`,
      )
    case 'bigint':
      return `{"${CENTS}":"${formatCents(value)}"}`
    case 'object': {
      if (value === null) return 'null'
      if (Array.isArray(value)) {
        return `[${value.map((item, i) => encode(item, `${path}[${i}]`)).join(',')}]`
      }
      const record = value as Record<string, unknown>
      return isTable(record) ? `{"${TABLE}":${membersOf(record, path)}}` : membersOf(record, path)
    }
    default:
      throw new TypeError(
        `Expected a projection state made of strings, safe integers, booleans, null, bigint cents, arrays, rows and tables, found ${typeof value} at ${path}; use null for "no value".`,
      )
  }
}

/**
 * Serializes a projection state to canonical JSON: keys sorted, amounts (bigint cents) written as
 * decimal strings, tables tagged, so that equal states give equal text and `deserializeState`
 * gives back an equal state. Throws a `TypeError` naming the path of a value it cannot carry
 * exactly (`undefined`, a fraction, a function).
 */
export function serializeState(state: unknown): string {
  return encode(state, 'state')
}

function cents(text: string): bigint {
  const negative = text.startsWith('-')
  const [units = '', fraction = ''] = (negative ? text.slice(1) : text).split('.')
  const value = BigInt(units) * 100n + BigInt(fraction.padEnd(2, '0'))
  return negative ? -value : value
}

function decode(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value
  if (Array.isArray(value)) return value.map(decode)
  const record = value as Record<string, unknown>
  const keys = Object.keys(record)
  if (keys.length === 1 && keys[0] === CENTS && typeof record[CENTS] === 'string') {
    return cents(record[CENTS])
  }
  if (keys.length === 1 && keys[0] === TABLE && typeof record[TABLE] === 'object') {
    const table = emptyTable<unknown>() as Record<string, unknown>
    const body = record[TABLE] as Record<string, unknown>
    for (const key of Object.keys(body)) table[key] = decode(body[key])
    return table
  }
  const row: Record<string, unknown> = {}
  for (const key of keys) row[key] = decode(record[key])
  return row
}

/** Reads a state written by `serializeState`. Throws a `SyntaxError` on text that is not JSON. */
export function deserializeState<TState>(text: string): TState {
  return decode(JSON.parse(text)) as TState
}
