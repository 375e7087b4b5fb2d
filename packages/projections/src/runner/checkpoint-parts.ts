import { emptyTable } from '../state/table.js'
import { JsonBytes } from './json-bytes.js'
import { deserializeState, unencodableError } from './state-codec.js'

/**
 * The first line of a checkpoint written in parts. JSON text never starts with `#`, so a checkpoint
 * saved whole by `serializeState` (before the store kept parts) is told apart by its first character.
 * Format 2 writes rows by shape; format 1 (ADR 11) wrote each row as a JSON object, and is still read.
 */
const HEADER = '#plafond-state-parts 2\n'
const HEADER_1 = '#plafond-state-parts 1\n'

// Tags for what JSON cannot carry, as in `serializeState`: row field names never start with `$`.
// `$c` holds an amount as its whole number of cents; `$t` stands for a table, by number, whose
// entries come in later runs. `$r` holds a row as its shape's number and its values; `$k`, beside
// the first `$r` of a shape in a part, the shape's member names.
const CENTS = '$c'
const TABLE = '$t'
const ROW = '$r'
const KEYS = '$k'

/**
 * The member names of rows, in `for…in` order, as a trie: rows of one shape end at one node. A
 * shape is numbered, and its names written, once per part.
 */
interface ShapeNode {
  readonly next: Map<string, ShapeNode>
  /** The shape's member names, in order. */
  readonly keys: readonly string[]
  /** The part in which the shape was last numbered, and its number there. */
  part: number
  id: number
}

function shapeNode(keys: readonly string[]): ShapeNode {
  return { next: new Map(), keys, part: -1, id: 0 }
}

/**
 * About how many characters a part holds, by default; a part never splits one table entry. Below
 * V8's large-object size (128 KB), a part dies young, and the driver's copies of it stay small:
 * a save of a million events' books raised the peak by 5 to 10 MB, against 12 to 31 MB with parts
 * of 256 KB or 1 MB.
 */
const PART_CHARACTERS = 1 << 16

/** Thrown by the writer at a value that JSON cannot carry exactly. */
class Unencodable extends Error {}

/**
 * Writes a projection state as parts of about `options.partCharacters` (64 KB by default) of JSON
 * each, for a checkpoint: no string holds a large state's text whole (a store converts and copies
 * each part it writes, two or three times over), and each part is read without the others.
 *
 * A part is a JSON array of runs `[table, key, value, key, value, …]`. Table 0 holds the state under
 * the key `""`; every table met inside a value gets the next number, is written as `{"$t": n}`, and
 * its entries follow in later runs, so that a run never starts before its table was announced.
 * Amounts (bigint cents) are written `{"$c": "12345"}`. A row (a plain object with members) is
 * written `{"$r": [shape, value, …]}`: its shape, the list of its member names in the order the
 * object holds them, is numbered from 0 in each part and named once, beside its first row there,
 * `{"$k": [name, …], "$r": [shape, value, …]}` (format 2; format 1 wrote every row as an object
 * and is still read). A row without members, or with a `__proto__` member, stays an object. The
 * text is not canonical (`serializeState` is), but reads back to an equal state.
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
  const tables: (object | undefined)[] = []
  const out = new JsonBytes()
  const shapes = shapeNode([])
  let partNumber = 0
  let shapesInPart = 0
  /** The node of `row`'s shape; undefined for a row without members or with `__proto__`. */
  const shapeOf = (row: Record<string, unknown>): ShapeNode | undefined => {
    let node = shapes
    for (const key in row) {
      let next = node.next.get(key)
      if (next === undefined) {
        // `__proto__` assigned to a new row would set its prototype: such rows stay objects.
        if (key === '__proto__') return undefined
        next = shapeNode([...node.keys, key])
        node.next.set(key, next)
      }
      node = next
    }
    return node === shapes ? undefined : node
  }
  const write = (value: unknown): void => {
    switch (typeof value) {
      case 'string':
        out.string(value)
        return
      case 'boolean':
        out.ascii(value ? 'true' : 'false')
        return
      case 'number':
        if (!Number.isSafeInteger(value)) throw new Unencodable()
        out.ascii(String(value))
        return
      case 'bigint':
        out.ascii(`{"${CENTS}":"`)
        out.ascii(value.toString())
        out.ascii('"}')
        return
      case 'object': {
        if (value === null) {
          out.ascii('null')
          return
        }
        if (freeze) Object.freeze(value)
        const prototype: unknown = Object.getPrototypeOf(value)
        if (prototype === Object.prototype) {
          // A row. `for…in` reads each member through V8's enumeration cache, where a loop over
          // `Object.keys` would look every member up by name; a row's prototype has no members.
          const row = value as Record<string, unknown>
          const shape = shapeOf(row)
          if (shape === undefined) {
            let first = true
            out.byte(0x7b)
            for (const key in row) {
              if (first) first = false
              else out.byte(0x2c)
              out.string(key)
              out.byte(0x3a)
              write(row[key])
            }
            out.byte(0x7d)
            return
          }
          // `{"$r":[id,value,…]}`, the names written once per part: they were two fifths of the
          // contracts' text.
          if (shape.part === partNumber) out.ascii(`{"${ROW}":[`)
          else {
            shape.part = partNumber
            shape.id = shapesInPart++
            out.ascii(`{"${KEYS}":[`)
            const keys = shape.keys
            for (let i = 0; i < keys.length; i++) {
              if (i > 0) out.byte(0x2c)
              out.string(keys[i]!)
            }
            out.ascii(`],"${ROW}":[`)
          }
          out.ascii(String(shape.id))
          for (const key in row) {
            out.byte(0x2c)
            write(row[key])
          }
          out.ascii(']}')
        } else if (prototype === null) {
          tables.push(value)
          out.ascii(`{"${TABLE}":${tables.length}}`)
        } else if (Array.isArray(value)) {
          out.byte(0x5b)
          for (let i = 0; i < value.length; i++) {
            if (i > 0) out.byte(0x2c)
            write(value[i])
          }
          out.byte(0x5d)
        } else {
          // A class instance, a date, a map: JSON would carry it as something else.
          throw new Unencodable()
        }
        return
      }
      default:
        throw new Unencodable()
    }
  }
  // A part is `[run,run,…]`, a run `[table,key,value,key,value,…]`; `start` is where the part's
  // runs begin, after the header of the first part.
  out.ascii(`${HEADER}[`)
  let start = out.length
  /** The part written so far, closed, then a fresh one opened. */
  const part = (): string => {
    out.byte(0x5d)
    const text = out.take()
    out.byte(0x5b)
    start = out.length
    // Each part names its shapes anew, so that it reads without the others.
    partNumber++
    shapesInPart = 0
    return text
  }
  try {
    out.ascii('[0,""')
    out.byte(0x2c)
    write(state)
    out.byte(0x5d)
    if (out.length >= partCharacters) yield part()
    // `tables` grows while its tables are written: entries may hold tables of their own.
    for (let index = 0; index < tables.length; index++) {
      const table = tables[index] as Record<string, unknown>
      // Written tables are released as the walk goes, not at the end.
      tables[index] = undefined
      let open = false
      for (const key in table) {
        if (!open) {
          if (out.length > start) out.byte(0x2c)
          out.byte(0x5b)
          out.ascii(String(index + 1))
          open = true
        }
        out.byte(0x2c)
        out.string(key)
        out.byte(0x2c)
        write(table[key])
        // A part ends after the entry that fills it; the table's next entries open a new run.
        if (out.length >= partCharacters) {
          out.byte(0x5d)
          open = false
          yield part()
        }
      }
      if (open) out.byte(0x5d)
    }
  } catch (error) {
    if (error instanceof Unencodable) throw unencodableError(state)
    throw error
  }
  if (out.length > start) yield part()
}

/** Turns the tags of a parsed value into amounts, tables and rows, in place where it can. */
function revive(value: unknown, tables: Record<string, unknown>[], shapes: string[][]): unknown {
  if (value === null || typeof value !== 'object') return value
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = revive(value[i], tables, shapes)
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
  const values = record[ROW]
  if (Array.isArray(values)) return rowOf(values, record[KEYS], tables, shapes)
  for (const key in record) record[key] = revive(record[key], tables, shapes)
  return record
}

/** The row `{"$r":[id,…values]}` stands for; with `$k`, it also numbers the shape. */
function rowOf(
  values: unknown[],
  names: unknown,
  tables: Record<string, unknown>[],
  shapes: string[][],
): Record<string, unknown> {
  const id = values[0]
  if (typeof id !== 'number') throw corrupt('a row has no shape number')
  if (names !== undefined) {
    if (!Array.isArray(names) || !names.every((name) => typeof name === 'string')) {
      throw corrupt(`shape ${id} does not list member names`)
    }
    shapes[id] = names
  }
  const keys = shapes[id]
  if (keys === undefined) throw corrupt(`a row uses shape ${id} before the part names it`)
  if (keys.length !== values.length - 1) {
    throw corrupt(`a row of shape ${id} has ${values.length - 1} values for ${keys.length} names`)
  }
  const row: Record<string, unknown> = {}
  for (let i = 0; i < keys.length; i++) row[keys[i]!] = revive(values[i + 1], tables, shapes)
  return row
}

function corrupt(why: string): SyntaxError {
  return new SyntaxError(
    `Expected a projection checkpoint written by the runner, but ${why}; delete the checkpoint to rebuild the projection.`,
  )
}

/**
 * Reads a state written by `stateToParts`, one part at a time. Also reads what earlier versions
 * wrote: parts of format 1 (rows as objects) and a checkpoint saved whole (one part,
 * `serializeState`'s text). Throws a `SyntaxError` on parts that were not written so.
 */
export function stateFromParts<TState>(parts: readonly string[]): TState {
  const first = parts[0]
  if (first === undefined) throw corrupt('it has no part')
  const header = first.startsWith(HEADER) ? HEADER : first.startsWith(HEADER_1) ? HEADER_1 : ''
  if (header === '') {
    if (parts.length === 1) return deserializeState<TState>(first)
    throw corrupt(`its first part does not start with ${JSON.stringify(HEADER.trim())}`)
  }
  const root = emptyTable<unknown>() as Record<string, unknown>
  const tables: Record<string, unknown>[] = [root]
  for (let p = 0; p < parts.length; p++) {
    const text = p === 0 ? first.slice(header.length) : parts[p]!
    // Shapes are numbered per part.
    const shapes: string[][] = []
    const runs = JSON.parse(text) as unknown
    if (!Array.isArray(runs)) throw corrupt(`part ${p} is not a list of runs`)
    for (const run of runs as unknown[]) {
      if (!Array.isArray(run) || run.length % 2 !== 1) throw corrupt(`part ${p} holds a bad run`)
      const table = tables[run[0] as number]
      if (table === undefined)
        throw corrupt(`part ${p} fills table ${String(run[0])} before it is announced`)
      for (let i = 1; i < run.length; i += 2) {
        table[run[i] as string] = revive(run[i + 1], tables, shapes)
      }
    }
  }
  if (!('' in root)) throw corrupt('the state itself is missing')
  return root[''] as TState
}
