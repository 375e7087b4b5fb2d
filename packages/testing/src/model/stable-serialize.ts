/**
 * Serializes a state to a string that two equal states always share, byte for byte: object keys
 * sorted, bigints as `123n`, `undefined` members kept (as `undefined`), Maps and Sets as sorted
 * entries. JSON cannot do this: it throws on bigint and drops `undefined`.
 */
export function stableSerialize(value: unknown): string {
  switch (typeof value) {
    case 'bigint':
      return `${value.toString()}n`
    case 'undefined':
      return 'undefined'
    case 'string':
      return JSON.stringify(value)
    case 'number':
    case 'boolean':
      return String(value)
    case 'object': {
      if (value === null) return 'null'
      if (Array.isArray(value)) return `[${value.map(stableSerialize).join(',')}]`
      if (value instanceof Set) {
        return `Set[${[...value].map(stableSerialize).sort().join(',')}]`
      }
      const entries =
        value instanceof Map
          ? [...value].map(([k, v]) => [String(k), v] as const)
          : Object.entries(value as Record<string, unknown>)
      const body = entries
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, v]) => `${JSON.stringify(k)}:${stableSerialize(v)}`)
        .join(',')
      return `${value instanceof Map ? 'Map' : ''}{${body}}`
    }
    default:
      throw new TypeError(`Cannot serialize a ${typeof value} in a ledger state.`)
  }
}
