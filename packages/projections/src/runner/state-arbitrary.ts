import fc from 'fast-check'
import { emptyTable, isTable } from '../state/table.js'

/**
 * Projection-state-like values, for codec tests: rows (plain objects whose field names never start
 * with `$`), tables (objects without a prototype), arrays, strings, safe integers, booleans, null
 * and bigint cents, nested.
 */
export const stateValue = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.string(),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(
      fc.string({ minLength: 1 }).filter((k) => !k.startsWith('$') && k !== '__proto__'),
      tie('value'),
      { maxKeys: 4 },
    ),
    fc
      .dictionary(fc.string(), tie('value'), { maxKeys: 4 })
      .map((entries) => Object.assign(emptyTable<unknown>() as Record<string, unknown>, entries)),
  ),
})).value

/** Whether every table in `a` is a table at the same place in `b`, and every row a row. */
export function sameTables(a: unknown, b: unknown): boolean {
  if (a === null || typeof a !== 'object') return true
  if (isTable(a) !== isTable(b as object)) return false
  return Object.keys(a).every((key) => sameTables((a as never)[key], (b as never)[key]))
}
