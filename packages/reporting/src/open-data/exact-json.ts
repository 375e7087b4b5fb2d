const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/

/**
 * A JSON number written digit for digit from a decimal string. Open-data formats want amounts
 * as JSON numbers; writing the token from the ledger's decimal string means money never passes
 * through a float on the way out.
 */
export class JsonDecimal {
  /** The number token as it appears in the JSON text: `1234.5`, `120000000`. */
  readonly token: string

  /** Throws a `RangeError` when `decimal` is not a plain decimal such as `"1234.50"`. */
  constructor(decimal: string) {
    const match = DECIMAL.exec(decimal)
    if (!match) {
      throw new RangeError(
        `Expected a decimal such as "1234.56" to write as a JSON number, found ${JSON.stringify(decimal)}.`,
      )
    }
    const units = match[2]!.replace(/^0+(?=\d)/, '')
    const fraction = (match[3] ?? '').replace(/0+$/, '')
    const sign = match[1] === '-' && /[1-9]/.test(units + fraction) ? '-' : ''
    this.token = fraction === '' ? `${sign}${units}` : `${sign}${units}.${fraction}`
  }
}

/** The JSON number of a decimal string, e.g. an amount of the ledger (`"1234.50"` → `1234.5`). */
export function jsonDecimal(decimal: string): JsonDecimal {
  return new JsonDecimal(decimal)
}

function write(value: unknown, indent: string, depth: number): string | undefined {
  if (value instanceof JsonDecimal) return value.token
  if (value === null) return 'null'
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value)
    case 'number':
      if (!Number.isFinite(value)) {
        throw new RangeError(`Expected a finite number in a JSON document, found ${value}.`)
      }
      return JSON.stringify(value)
    case 'undefined':
    case 'function':
    case 'symbol':
      return undefined
    case 'bigint':
      return value.toString()
    case 'object':
      break
  }
  const inner = indent.repeat(depth + 1)
  const outer = indent.repeat(depth)
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]'
    const items = value.map((item) => `${inner}${write(item, indent, depth + 1) ?? 'null'}`)
    return `[\n${items.join(',\n')}\n${outer}]`
  }
  const members: string[] = []
  for (const [key, member] of Object.entries(value as Record<string, unknown>)) {
    const written = write(member, indent, depth + 1)
    if (written !== undefined) members.push(`${inner}${JSON.stringify(key)}: ${written}`)
  }
  if (members.length === 0) return '{}'
  return `{\n${members.join(',\n')}\n${outer}}`
}

/**
 * Serializes a document as `JSON.stringify(value, null, 2)` would, except that each `JsonDecimal`
 * is written as its exact number token. Properties whose value is `undefined` are left out.
 */
export function stringifyExactJson(value: unknown): string {
  return write(value, '  ', 0) ?? 'null'
}
