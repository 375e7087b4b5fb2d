/**
 * `JSON.parse(text)`, every object and array of it frozen: the in-memory store keeps what it
 * stored as text, and hands out such values, which no caller can change.
 */
export function parseFrozen<T>(text: string): T {
  return freezeParsed(JSON.parse(text)) as T
}

function freezeParsed(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) freezeParsed(value[i])
  } else {
    for (const key in value) freezeParsed((value as Record<string, unknown>)[key])
  }
  return Object.freeze(value)
}
