import { existsSync } from 'node:fs'
import { LedgerError, isLedgerError } from '@plafond/core'
import Database from 'better-sqlite3'
import {
  PLAFOND_APPLICATION_ID,
  SCHEMA_MIGRATIONS,
  SCHEMA_VERSION,
  ledgerTables,
} from './schema-migrations.js'
import { translateSqliteError } from './sqlite-error.js'
import type { ResolvedSqliteStoreOptions } from './sqlite-store-options.js'

/** What `openLedgerDatabase` needs: the store's options, resolved. */
export type OpenLedgerOptions = Omit<ResolvedSqliteStoreOptions, 'batchSize'>

/** What the file holds, read from its header and catalogue before anything is written. */
type FileKind =
  | { readonly kind: 'empty' }
  | { readonly kind: 'ledger'; readonly version: number }
  | { readonly kind: 'foreign'; readonly why: string }

const hex = (id: number): string => `0x${(id >>> 0).toString(16).padStart(8, '0')}`

function inspect(db: Database.Database): FileKind {
  const applicationId = db.pragma('application_id', { simple: true }) as number
  const version = db.pragma('user_version', { simple: true }) as number
  const tables = (
    db
      .prepare("SELECT name FROM sqlite_master WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\'")
      .all() as { name: string }[]
  ).map((row) => row.name)
  if (applicationId === PLAFOND_APPLICATION_ID) return { kind: 'ledger', version }
  if (applicationId === 0 && tables.length === 0 && version === 0) return { kind: 'empty' }
  const listed = tables.length === 0 ? 'no table' : `tables ${tables.slice(0, 5).join(', ')}`
  return {
    kind: 'foreign',
    why: `it is a SQLite database of another program (application_id ${hex(applicationId)}, user_version ${version}, ${listed}), not a Plafond ledger (application_id ${hex(PLAFOND_APPLICATION_ID)})`,
  }
}

function incompatible(path: string, why: string, remedy: string, cause?: unknown): LedgerError {
  return new LedgerError(
    'INCOMPATIBLE_STORE',
    `Cannot open ${path} as a Plafond ledger: ${why}. The file was not changed. ${remedy}`,
    { cause, details: { path } },
  )
}

const pointElsewhere =
  'Pass the path of a Plafond ledger file, or a path where a new ledger should be created.'

/** Refuses what this version cannot use: other programs' files and newer schemas. */
function checkKind(kind: FileKind, options: OpenLedgerOptions): void {
  switch (kind.kind) {
    case 'foreign':
      throw incompatible(options.path, kind.why, pointElsewhere)
    case 'ledger':
      if (kind.version > SCHEMA_VERSION) {
        throw incompatible(
          options.path,
          `it was written by a newer Plafond (schema version ${kind.version}; this @plafond/store-sqlite knows up to ${SCHEMA_VERSION})`,
          'Upgrade @plafond/store-sqlite to open it.',
        )
      }
      // A read-only store reads an older schema as it is (see `LedgerFile`), if it has tables.
      if (options.readonly && kind.version < 1) {
        throw incompatible(
          options.path,
          `its schema (version ${kind.version}) was never created and a read-only store cannot create it`,
          'Open it once without `readonly` to create it.',
        )
      }
      return
    case 'empty':
      if (options.readonly) {
        throw incompatible(
          options.path,
          'the file is empty, and a read-only store cannot create a ledger in it',
          'Open it without `readonly` to create the ledger, or pass the path of an existing one.',
        )
      }
      return
  }
}

/** Applies the missing schema steps in one `BEGIN IMMEDIATE` transaction, checking again inside it. */
function migrate(db: Database.Database, options: OpenLedgerOptions): void {
  db.transaction(() => {
    // Another process may have created or migrated the file since the first look.
    const kind = inspect(db)
    checkKind(kind, options)
    const from = kind.kind === 'ledger' ? kind.version : 0
    if (from === 0) db.pragma(`application_id = ${PLAFOND_APPLICATION_ID}`)
    for (const migration of SCHEMA_MIGRATIONS) {
      if (migration.version <= from) continue
      db.exec(migration.sql)
      db.pragma(`user_version = ${migration.version}`)
    }
  }).immediate()
}

function checkTables(db: Database.Database, path: string, version: number): void {
  const present = new Set(
    (
      db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]
    ).map((row) => row.name),
  )
  const missing = ledgerTables(version).filter((table) => !present.has(table))
  if (missing.length > 0) {
    throw new LedgerError(
      'INCOMPATIBLE_STORE',
      `${path} says it is a Plafond ledger of schema version ${version}, but table ${missing.join(', ')} is missing: the file was damaged or edited by hand. Restore it from a backup.`,
      { details: { path, missing } },
    )
  }
}

function configure(db: Database.Database, options: OpenLedgerOptions): void {
  if (!options.readonly) {
    const mode = db.pragma('journal_mode = WAL', { simple: true }) as string
    // An in-memory database answers 'memory'; a file system without shared memory keeps 'delete'.
    if (mode !== 'wal' && !db.memory) {
      throw new LedgerError(
        'STORE_UNAVAILABLE',
        `Cannot put ${options.path} in WAL mode (SQLite kept journal mode '${mode}'): the file system does not support it, as network file systems often do not. Keep the ledger on a local disk.`,
        { details: { path: options.path, journalMode: mode } },
      )
    }
  }
  db.pragma(`synchronous = ${options.synchronous}`)
  db.pragma('foreign_keys = ON')
}

/** An open ledger file and the schema version its tables have. */
export interface LedgerFile {
  readonly db: Database.Database
  /**
   * `SCHEMA_VERSION`, except for a read-only store on a file of an older schema, which it reads as
   * it is (a read-only connection cannot migrate).
   */
  readonly version: number
}

/**
 * Opens (or creates) a ledger file: first reads its header and catalogue without writing, refusing a
 * file of another program or of a newer schema with `INCOMPATIBLE_STORE`; only then switches to WAL,
 * sets the connection's pragmas and applies missing migrations.
 */
export function openLedgerDatabase(options: OpenLedgerOptions): LedgerFile {
  if (options.readonly && !existsSync(options.path)) {
    throw new LedgerError(
      'STORE_UNAVAILABLE',
      `No ledger file at ${options.path}: a read-only store does not create one. Check the path, or open it without \`readonly\` to create a ledger there.`,
      { details: { path: options.path } },
    )
  }
  let db: Database.Database
  try {
    db = new Database(options.path, {
      readonly: options.readonly,
      fileMustExist: options.readonly,
      timeout: options.busyTimeoutMs,
    })
  } catch (error) {
    const translated = translateSqliteError(error, { ...options, doing: 'opening it' })
    if (isLedgerError(translated)) throw translated
    // better-sqlite3 checks the directory itself and throws a TypeError.
    throw new LedgerError(
      'STORE_UNAVAILABLE',
      `Cannot open ${options.path}: ${(error as Error).message}. Check that the directory exists and is writable.`,
      { cause: error, details: { path: options.path } },
    )
  }
  try {
    let kind: FileKind
    try {
      kind = inspect(db)
    } catch (error) {
      if (error instanceof Database.SqliteError && error.code === 'SQLITE_NOTADB') {
        throw incompatible(options.path, 'it is not a SQLite database', pointElsewhere, error)
      }
      throw error
    }
    checkKind(kind, options)
    configure(db, options)
    if (!options.readonly && !(kind.kind === 'ledger' && kind.version === SCHEMA_VERSION)) {
      migrate(db, options)
    }
    const version = options.readonly && kind.kind === 'ledger' ? kind.version : SCHEMA_VERSION
    checkTables(db, options.path, version)
    return { db, version }
  } catch (error) {
    db.close()
    if (isLedgerError(error)) throw error
    throw translateSqliteError(error, { ...options, doing: 'opening it' })
  }
}
