import { emptyTable, isTable } from '../state/table.js'
import { deserializeState, unencodableError } from './state-codec.js'

/**
 * The first line of a checkpoint written in parts. JSON text never starts with `#`, so a checkpoint
 * saved whole by `serializeState` (before the store kept parts) is told apart by its first character.
 */
const HEADER = '#plafond-state-parts 1\n'

// Tags for what JSON cannot carry, as in `serializeState`: row field names never start with `$`.
// `$c` holds an amount as its whole number of cents; `$t` stands for a table, by number, whose
// entries come in later runs.
const CENTS = '$c'
const TABLE = '$t'

/**
 * About how many characters a part holds, by default; a part never splits one table entry. Below
 * V8's large-object size (128 KB), a part dies young, and the driver's copies of it stay small:
 * a save of a million events' books raised the peak by 5 to 10 MB, against 12 to 31 MB with parts
 * of 256 KB or 1 MB.
 */
const PART_CHARACTERS = 1 << 16

/** Thrown by the replacer at a value that JSON cannot carry exactly. */
class Unencodable extends Error {}

/**
 * Writes a projection state as parts of about `options.partCharacters` (64 KB by default) of JSON
 * each, for a checkpoint: no string holds a large state's text whole (a store converts and copies
 * each part it writes, two or three times over), and each part is read without the others.
 *
 * A part is a JSON array of runs `[table, key, value, key, value, …]`. Table 0 holds the state under
 * the key `""`; every table met inside a value gets the next number, is written as `{"$t": n}`, and
 * its entries follow in later runs, so that a run never starts before its table was announced.
 * Amounts (bigint cents) are written `{"$c": "12345"}`. Keys are written in the order the objects
 * hold them: the text is not canonical (`serializeState` is), but reads back to an equal state.
 *
 * Throws a `TypeError` naming the path of a value it cannot carry exactly, as `serializeState` does.
 */
export function stateToParts(state: unknown, options: StatePartsOptions = {}): string[] {
  return [...stateParts(state, options)]
}

/** Options of `stateToParts` and `stateParts`. */
export interface StatePartsOptions {
  /** About how many characters a part holds; 64 KB by default. */
  readonly partCharacters?: number
  /**
   * Deep-freezes the state on the way (`Object.freeze` on every row, array and table, as immer's
   * deep `freeze` would): the runner's last save before it hands states out walks them once, not
   * twice (ADR 11).
   */
  readonly freeze?: boolean
}

/** `stateToParts`, one part at a time: the text of a part is written when it is asked for. */
export function* stateParts(state: unknown, options: StatePartsOptions = {}): Generator<string> {
  const partCharacters = options.partCharacters ?? PART_CHARACTERS
  const freeze = options.freeze ?? false
  // About how many characters one `JSON.stringify` call writes: a run of entries of one table.
  const runCharacters = Math.max(1, partCharacters >> 4)
  const tables: (object | undefined)[] = []
  const replacer = (_key: string, value: unknown): unknown => {
    switch (typeof value) {
      case 'string':
      case 'boolean':
        return value
      case 'number':
        if (Number.isSafeInteger(value)) return value
        throw new Unencodable()
      case 'bigint':
        return { [CENTS]: value.toString() }
      case 'object':
        if (value === null) return value
        if (freeze) Object.freeze(value)
        if (!isTable(value)) return value
        tables.push(value)
        return { [TABLE]: tables.length }
      default:
        throw new Unencodable()
    }
  }
  // The part being written, in pieces: `[`, a run, `,`, a run, …; one join makes it one flat string.
  let pieces: string[] = [`${HEADER}[`]
  let size = 0
  /** Writes one run; returns its length. */
  const write = (run: unknown[]): number => {
    const text = JSON.stringify(run, replacer)
    if (size > 0) pieces.push(',')
    pieces.push(text)
    size += text.length
    return text.length
  }
  const part = (): string => {
    pieces.push(']')
    const text = pieces.join('')
    pieces = ['[']
    size = 0
    return text
  }
  try {
    write([0, '', state])
    if (size >= partCharacters) yield part()
    // `tables` grows while its tables are written: entries may hold tables of their own.
    for (let index = 0; index < tables.length; index++) {
      const table = tables[index] as Record<string, unknown>
      // Written tables are released as the walk goes, not at the end.
      tables[index] = undefined
      const keys = Object.keys(table)
      let perRun = 64
      for (let start = 0; start < keys.length;) {
        const end = Math.min(start + perRun, keys.length)
        const run: unknown[] = [index + 1]
        for (let k = start; k < end; k++) run.push(keys[k], table[keys[k]!])
        const written = write(run)
        if (size >= partCharacters) yield part()
        // Aim the next run at `runCharacters` from what this one's entries weighed.
        perRun = Math.max(1, Math.min(4096, Math.round((runCharacters * (end - start)) / written)))
        start = end
      }
    }
  } catch (error) {
    if (error instanceof Unencodable) throw unencodableError(state)
    throw error
  }
  if (size > 0) yield part()
}

/** Turns the tags of a parsed value into amounts and tables, in place. */
function revive(value: unknown, tables: Record<string, unknown>[]): unknown {
  if (value === null || typeof value !== 'object') return value
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = revive(value[i], tables)
    return value
  }
  const record = value as Record<string, unknown>
  const cents = record[CENTS]
  if (typeof cents === 'string') return BigInt(cents)
  const table = record[TABLE]
  if (typeof table === 'number') {
    const fresh = emptyTable<unknown>() as Record<string, unknown>
    tables[table] = fresh
    return fresh
  }
  for (const key in record) record[key] = revive(record[key], tables)
  return record
}

function corrupt(why: string): SyntaxError {
  return new SyntaxError(
    `Expected a projection checkpoint written by the runner, but ${why}; delete the checkpoint to rebuild the projection.`,
  )
}

/**
 * Reads a state written by `stateToParts`, one part at a time. Also reads a checkpoint saved whole
 * by an earlier version (one part, `serializeState`'s text). Throws a `SyntaxError` on parts that
 * were not written so.
 */
export function stateFromParts<TState>(parts: readonly string[]): TState {
  const first = parts[0]
  if (first === undefined) throw corrupt('it has no part')
  if (!first.startsWith(HEADER)) {
    if (parts.length === 1) return deserializeState<TState>(first)
    throw corrupt(`its first part does not start with ${JSON.stringify(HEADER.trim())}`)
  }
  const root = emptyTable<unknown>() as Record<string, unknown>
  const tables: Record<string, unknown>[] = [root]
  for (let p = 0; p < parts.length; p++) {
    const text = p === 0 ? first.slice(HEADER.length) : parts[p]!
    const runs = JSON.parse(text) as unknown
    if (!Array.isArray(runs)) throw corrupt(`part ${p} is not a list of runs`)
    for (const run of runs as unknown[]) {
      if (!Array.isArray(run) || run.length % 2 !== 1) throw corrupt(`part ${p} holds a bad run`)
      const table = tables[run[0] as number]
      if (table === undefined)
        throw corrupt(`part ${p} fills table ${String(run[0])} before it is announced`)
      for (let i = 1; i < run.length; i += 2) table[run[i] as string] = revive(run[i + 1], tables)
    }
  }
  if (!('' in root)) throw corrupt('the state itself is missing')
  return root[''] as TState
}
