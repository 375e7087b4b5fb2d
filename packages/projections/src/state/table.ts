/**
 * A dictionary keyed by data (contract ids, dates, months) inside a projection state. Tables are
 * objects without a prototype: an id such as `__proto__` is an ordinary key, lookups skip the
 * prototype chain, and the state codec tells them from rows (which are plain objects).
 */
export type Table<T> = { readonly [key: string]: T }

/** A new empty table. */
export function emptyTable<T>(): Table<T> {
  return Object.create(null) as Table<T>
}

/** Whether `value` is a table (an object without a prototype). */
export function isTable(value: object): boolean {
  return !Array.isArray(value) && Object.getPrototypeOf(value) === null
}

/** The keys of a table, sorted in code-unit order: views list rows in a stable order. */
export function sortedKeys(table: Table<unknown>): string[] {
  return Object.keys(table).sort()
}
