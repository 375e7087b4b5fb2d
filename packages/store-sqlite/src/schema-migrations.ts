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
  /** The tables a file of this version has: their absence means it is not what it claims. */
  readonly tables: readonly string[]
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
    tables: ['events', 'log_head', 'command_outcomes', 'projection_checkpoints'],
  },
  {
    version: 2,
    description: 'projection checkpoints in parts',
    sql: `
      -- A checkpoint's state is kept in parts (rows of bounded size) so that neither the
      -- projection runner nor SQLite holds a large state's text whole. A checkpoint saved whole
      -- by schema 1 becomes its only part; the runner still reads that text.
      CREATE TABLE projection_checkpoint_parts (
        name TEXT NOT NULL REFERENCES projection_checkpoints (name) ON DELETE CASCADE,
        part INTEGER NOT NULL CHECK (part >= 0),
        body TEXT NOT NULL,
        PRIMARY KEY (name, part)
      ) STRICT;
      INSERT INTO projection_checkpoint_parts (name, part, body)
        SELECT name, 0, state FROM projection_checkpoints;
      ALTER TABLE projection_checkpoints ADD COLUMN parts INTEGER NOT NULL DEFAULT 1 CHECK (parts >= 0);
      ALTER TABLE projection_checkpoints DROP COLUMN state;
    `,
    tables: [
      'events',
      'log_head',
      'command_outcomes',
      'projection_checkpoints',
      'projection_checkpoint_parts',
    ],
  },
]

/** The schema version this package writes and reads: the last migration's. */
export const SCHEMA_VERSION = SCHEMA_MIGRATIONS[SCHEMA_MIGRATIONS.length - 1]!.version

/** The tables a ledger file of schema `version` has (a version this package knows). */
export function ledgerTables(version: number): readonly string[] {
  return SCHEMA_MIGRATIONS.find((migration) => migration.version === version)?.tables ?? []
}
