import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { CHUNK_ROWS, ChunkedInsert } from './chunked-insert.js'

let db: Database.Database | undefined
afterEach(() => db?.close())

function table(): Database.Database {
  db = new Database(':memory:')
  db.exec('CREATE TABLE t (n INTEGER PRIMARY KEY, label TEXT NOT NULL UNIQUE) STRICT')
  return db
}

/** Buffers rows 1..count (label `row-n`) and flushes them. */
function insertRows(insert: ChunkedInsert, count: number, from = 1): void {
  insert.clear()
  for (let n = from; n < from + count; n++) {
    const at = insert.reserve()
    insert.values[at] = n
    insert.values[at + 1] = `row-${n}`
  }
  insert.flush()
}

function rows(database: Database.Database): unknown[] {
  return database.prepare('SELECT n, label FROM t ORDER BY rowid').raw().all()
}

const expected = (count: number, from = 1): unknown[] =>
  Array.from({ length: count }, (_, i) => [from + i, `row-${from + i}`])

describe('ChunkedInsert', () => {
  const [full, middle] = CHUNK_ROWS as [number, number, number]
  // Every way a count falls on or beside a chunk boundary: none, one, below, on and above each size.
  const counts = [
    0,
    1,
    middle - 1,
    middle,
    middle + 1,
    full - 1,
    full,
    full + 1,
    2 * full + middle + 3,
  ]

  it.each(counts)('writes %i rows, every value in its column, in the order reserved', (count) => {
    const database = table()
    insertRows(new ChunkedInsert(database, 't', ['n', 'label']), count)
    expect(rows(database)).toEqual(expected(count))
  })

  it('starts afresh after each flush, and after clear() forgets rows buffered by a failed caller', () => {
    const database = table()
    const insert = new ChunkedInsert(database, 't', ['n', 'label'])
    insertRows(insert, full + 3)
    insertRows(insert, 5, full + 4)
    // A caller that fails between reserve and flush leaves rows behind; clear() drops them.
    insert.reserve()
    insert.clear()
    insert.flush()
    expect(rows(database)).toEqual(expected(full + 8))
  })

  it.each([
    ['a full chunk, from reserve()', full + 1, 5],
    ['a smaller chunk, from flush()', full + middle + 1, full + 2],
    ['the last single row, from flush()', full + middle + 1, full + middle + 1],
  ])(
    "a row the table's constraint refuses in %s throws the driver's error",
    (_, count, repeated) => {
      const database = table()
      const insert = new ChunkedInsert(database, 't', ['n', 'label'])
      insert.clear()
      let error: unknown
      try {
        for (let n = 1; n <= count; n++) {
          const at = insert.reserve()
          insert.values[at] = n
          insert.values[at + 1] = n === repeated ? 'row-1' : `row-${n}`
        }
        insert.flush()
      } catch (caught) {
        error = caught
      }
      expect(error).toBeInstanceOf(Database.SqliteError)
      expect(error).toMatchObject({ code: 'SQLITE_CONSTRAINT_UNIQUE' })
    },
  )
})
