/**
 * The number SQLite keeps in the file header (`PRAGMA application_id`, bytes 68–71) to say "this
 * is a Plafond ledger": the ASCII of "Plaf". A file with another number belongs to another program.
 */
export const PLAFOND_APPLICATION_ID = 0x506c6166

/** One step of the schema, applied once, in order, inside the transaction that opens the file. */
export interface SchemaMigration {
  /** The `user_version` the file has after this step. */
  readonly version: number
  readonly description: string
  readonly sql: string
}

/**
 * Every schema step since the first. Append new steps; never edit one that has shipped, because
 * files in the wild were built by it.
 */
export const SCHEMA_MIGRATIONS: readonly SchemaMigration[] = [
  {
    version: 1,
    description: 'events, log head, command outcomes, projection checkpoints',
    sql: `
      -- data and meta hold the canonical JSON the hash covers, byte for byte.
      CREATE TABLE events (
        position INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        stream TEXT NOT NULL,
        version INTEGER NOT NULL CHECK (version >= 1),
        type TEXT NOT NULL,
        schema_version INTEGER NOT NULL,
        data TEXT NOT NULL,
        meta TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL,
        UNIQUE (stream, version)
      ) STRICT;

      -- The last event, written in the same transaction as every append: verify() compares it with
      -- the last row, so a deleted or replaced tail is seen. No row while the log is empty.
      CREATE TABLE log_head (
        singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
        position INTEGER NOT NULL REFERENCES events (position),
        hash TEXT NOT NULL
      ) STRICT;

      CREATE TABLE command_outcomes (
        command_id TEXT PRIMARY KEY,
        type TEXT NOT NULL,
        content TEXT NOT NULL,
        result TEXT NOT NULL,
        recorded_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE projection_checkpoints (
        name TEXT PRIMARY KEY,
        version INTEGER NOT NULL,
        position TEXT NOT NULL,
        state TEXT NOT NULL
      ) STRICT;
    `,
  },
]

/** The schema version this package writes and reads: the last migration's. */
export const SCHEMA_VERSION = SCHEMA_MIGRATIONS[SCHEMA_MIGRATIONS.length - 1]!.version

/** Tables a file of the current schema has; their absence means the file is not what it claims. */
export const LEDGER_TABLES = [
  'events',
  'log_head',
  'command_outcomes',
  'projection_checkpoints',
] as const
