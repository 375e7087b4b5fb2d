import { randomBytes } from 'node:crypto'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { isLedgerError, type LedgerErrorCode } from '@plafond/core'
import Database from 'better-sqlite3'
import { afterAll, describe, expect, it } from 'vitest'
import { createSqliteStore } from './create-sqlite-store.js'
import { PLAFOND_APPLICATION_ID, SCHEMA_VERSION } from './schema-migrations.js'
import { temporaryDirectory } from './test-support/temporary-directory.js'

const directory = temporaryDirectory('open')
afterAll(() => directory.remove())
let files = 0

function fresh(name: string): string {
  return directory.file(`${++files}-${name}`)
}

/** A SQLite file made by "another program", closed before the test opens it. */
function otherDatabase(setup: (db: Database.Database) => void): string {
  const path = fresh('other.db')
  const db = new Database(path)
  setup(db)
  db.close()
  return path
}

function openFails(path: string, code: LedgerErrorCode, readonly = false): Error {
  try {
    createSqliteStore({ path, readonly })
  } catch (error) {
    expect(isLedgerError(error, code), String(error)).toBe(true)
    return error as Error
  }
  throw new Error(`Expected opening ${path} to fail with ${code}; it opened.`)
}

describe('opening a file', () => {
  it('creates a ledger: Plafond application id, current schema version, WAL', async () => {
    const path = fresh('new.db')
    await createSqliteStore({ path }).close()
    const header = readFileSync(path).subarray(0, 100)
    // SQLite file format: bytes 18-19 are 2 in WAL mode, 60 is user_version, 68 application_id.
    expect([header[18], header[19]]).toEqual([2, 2])
    expect(header.readUInt32BE(60)).toBe(SCHEMA_VERSION)
    expect(header.readUInt32BE(68)).toBe(PLAFOND_APPLICATION_ID)
    expect(header.subarray(68, 72).toString('ascii')).toBe('Plaf')
  })

  it('an empty file is taken as a new database, as SQLite does', async () => {
    const path = fresh('empty.db')
    writeFileSync(path, '')
    const store = createSqliteStore({ path })
    expect(await store.head()).toBeUndefined()
    await store.close()
    expect(readFileSync(path).readUInt32BE(68)).toBe(PLAFOND_APPLICATION_ID)
  })

  it('opens its own ledger again, several connections at once', async () => {
    const path = fresh('twice.db')
    const first = createSqliteStore({ path })
    const second = createSqliteStore({ path })
    const third = createSqliteStore({ path, readonly: true })
    expect(await second.head()).toBeUndefined()
    await Promise.all([first.close(), second.close(), third.close()])
  })

  const foreign: readonly [string, () => string][] = [
    [
      'a text file',
      () => {
        const path = fresh('notes.txt')
        writeFileSync(path, 'Not a database, just notes.\n')
        return path
      },
    ],
    [
      'random bytes',
      () => {
        const path = fresh('noise.bin')
        writeFileSync(path, randomBytes(64 * 1024))
        return path
      },
    ],
    [
      "another program's SQLite database",
      () =>
        otherDatabase((db) => {
          db.exec("CREATE TABLE events (id TEXT); INSERT INTO events VALUES ('x')")
        }),
    ],
    [
      "another program's SQLite database in WAL mode",
      () =>
        otherDatabase((db) => {
          db.pragma('journal_mode = WAL')
          db.exec('CREATE TABLE accounts (id INTEGER PRIMARY KEY, balance INTEGER)')
        }),
    ],
    [
      'a SQLite database with another application id and no table',
      () => otherDatabase((db) => db.pragma('application_id = 1234')),
    ],
    [
      'a SQLite database with no application id but a user_version',
      () => otherDatabase((db) => db.pragma('user_version = 3')),
    ],
  ]
  for (const [what, make] of foreign) {
    it(`refuses ${what} with INCOMPATIBLE_STORE and leaves it byte for byte unchanged`, () => {
      const path = make()
      const before = readFileSync(path)
      const error = openFails(path, 'INCOMPATIBLE_STORE')
      expect(error.message).toContain(path)
      expect(error.message).toMatch(/not (a SQLite database|a Plafond ledger)/)
      expect(readFileSync(path).equals(before)).toBe(true)
      expect(existsSync(`${path}-wal`)).toBe(false)
      // Read-only, the answer is the same.
      openFails(path, 'INCOMPATIBLE_STORE', true)
      expect(readFileSync(path).equals(before)).toBe(true)
    })
  }

  it('refuses a ledger written by a newer schema, unchanged, and says to upgrade', async () => {
    const path = fresh('newer.db')
    await createSqliteStore({ path }).close()
    const db = new Database(path)
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`)
    db.close()
    const before = readFileSync(path)
    const error = openFails(path, 'INCOMPATIBLE_STORE')
    expect(error.message).toMatch(/newer Plafond.*Upgrade @plafond\/store-sqlite/s)
    expect(readFileSync(path).equals(before)).toBe(true)
  })

  it('refuses a ledger whose tables were dropped by hand', async () => {
    const path = fresh('damaged.db')
    await createSqliteStore({ path }).close()
    const db = new Database(path)
    db.exec('DROP TABLE projection_checkpoints')
    db.close()
    expect(openFails(path, 'INCOMPATIBLE_STORE').message).toContain('projection_checkpoints')
  })

  it('read-only: refuses a missing file without creating it, and an empty one', () => {
    const missing = fresh('missing.db')
    expect(openFails(missing, 'STORE_UNAVAILABLE', true).message).toContain('No ledger file')
    expect(existsSync(missing)).toBe(false)
    const empty = fresh('empty-readonly.db')
    writeFileSync(empty, '')
    openFails(empty, 'INCOMPATIBLE_STORE', true)
    expect(readFileSync(empty).length).toBe(0)
  })

  it('a path in a directory that does not exist is STORE_UNAVAILABLE', () => {
    const error = openFails(directory.file('no-such-dir/ledger.db'), 'STORE_UNAVAILABLE')
    expect(error.message).toContain('directory')
    expect(error.cause).toBeInstanceOf(Error)
  })

  it('refuses options it does not know', () => {
    const path = fresh('options.db')
    for (const options of [
      { synchronous: 'OFF' as 'FULL' },
      { busyTimeoutMs: -1 },
      { busyTimeoutMs: 1.5 },
      { batchSize: 0 },
    ]) {
      expect(() => createSqliteStore({ path, ...options }), JSON.stringify(options)).toThrow(
        expect.objectContaining({ code: 'INVALID_ARGUMENT' }) as Error,
      )
    }
    expect(existsSync(path)).toBe(false)
  })
})
