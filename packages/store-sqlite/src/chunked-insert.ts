import type Database from 'better-sqlite3'

/**
 * Rows per INSERT statement, largest first: a full buffer is written by one statement of the
 * first size, what is left at a flush by statements of the next sizes. One statement of 64 rows
 * costs about a third fewer instructions than 64 statements of one row (argument binding and the
 * statement's own overhead, paid once), and chunks beyond 16 rows gain nothing more.
 */
export const CHUNK_ROWS: readonly number[] = [64, 8, 1]

/**
 * A multi-row `INSERT` into one table, prepared once per chunk size. The caller writes each row's
 * values in column order at the index `reserve()` returns, in the flat `values` array, and calls
 * `flush()` once all rows are there: no object is made per row. Rows go to the database in the
 * order they were reserved; a constraint failure throws the driver's error from `reserve()` (for a
 * full buffer) or `flush()`, and the caller's transaction rolls back what the earlier chunks wrote.
 */
export class ChunkedInsert {
  /** The buffered rows' values, `width` per row, in column order. Written by the caller only. */
  readonly values: unknown[]
  readonly #width: number
  readonly #capacity: number
  readonly #statements: readonly (readonly [rows: number, statement: Database.Statement])[]
  #rows = 0

  constructor(db: Database.Database, table: string, columns: readonly string[]) {
    this.#width = columns.length
    this.#capacity = CHUNK_ROWS[0]!
    const row = `(${columns.map(() => '?').join(', ')})`
    this.#statements = CHUNK_ROWS.map((rows) => [
      rows,
      db.prepare(
        `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${Array(rows).fill(row).join(', ')}`,
      ),
    ])
    // Filled, so that V8 keeps it a packed array: spreading it into `run` is then a plain copy.
    this.values = new Array<unknown>(this.#capacity * this.#width).fill(null)
  }

  /** Forgets buffered rows, as after a failed append. */
  clear(): void {
    this.#rows = 0
  }

  /** The index in `values` of the next row's first column; writes a full buffer first. */
  reserve(): number {
    if (this.#rows === this.#capacity) {
      this.#rows = 0
      this.#statements[0]![1].run(...this.values)
    }
    return this.#rows++ * this.#width
  }

  /** Writes the buffered rows, in as few statements as the chunk sizes allow. */
  flush(): void {
    const rows = this.#rows
    this.#rows = 0
    let done = 0
    for (const [size, statement] of this.#statements) {
      for (; rows - done >= size; done += size) {
        statement.run(
          ...(size === this.#capacity
            ? this.values
            : this.values.slice(done * this.#width, (done + size) * this.#width)),
        )
      }
    }
  }
}
