import { GENESIS_HASH } from '@plafond/core'
import type { StoreTables } from './store-tables.js'

/** One step of the schema, applied once, in order, in the transaction that opens the schema. */
export interface SchemaMigration {
  /** The schema version after this step, recorded in `plafond_migrations`. */
  readonly version: number
  readonly description: string
  /** The DDL of the step for a given schema. */
  readonly sql: (tables: StoreTables) => string
}

/**
 * Every schema step since the first. Append new steps; never edit one that has shipped, because
 * databases in the wild were built by it. The tables mirror `@plafond/store-sqlite`'s, so that
 * the two stores hold the same logical log.
 */
export const SCHEMA_MIGRATIONS: readonly SchemaMigration[] = [
  {
    version: 1,
    description: 'events, log head, command outcomes, projection checkpoints',
    sql: (t) => `
      -- data and meta hold the canonical JSON the hash covers, as text: jsonb would reorder keys
      -- and refuse \\u0000, and the bytes read back must be the bytes that were hashed.
      -- Operators who want to query them cast: data::jsonb.
      CREATE TABLE ${t.events} (
        position bigint NOT NULL CHECK (position >= 1),
        id text NOT NULL,
        stream text NOT NULL,
        version integer NOT NULL CHECK (version >= 1),
        type text NOT NULL,
        schema_version integer NOT NULL,
        data text NOT NULL,
        meta text NOT NULL,
        prev_hash text NOT NULL,
        hash text NOT NULL,
        CONSTRAINT events_pkey PRIMARY KEY (position),
        CONSTRAINT events_id_key UNIQUE (id),
        CONSTRAINT events_stream_version_key UNIQUE (stream, version)
      );

      -- One row, always present: every append locks it (SELECT ... FOR UPDATE), takes its
      -- positions from it and moves it, so appends are serialised and positions become visible
      -- in order and without gaps (docs/adr/0002-postgres-positions.md). Position 0 and the
      -- genesis hash stand for an empty log.
      CREATE TABLE ${t.logHead} (
        singleton integer NOT NULL CHECK (singleton = 1),
        position bigint NOT NULL CHECK (position >= 0),
        hash text NOT NULL,
        CONSTRAINT log_head_pkey PRIMARY KEY (singleton)
      );
      INSERT INTO ${t.logHead} (singleton, position, hash) VALUES (1, 0, '${GENESIS_HASH}');

      CREATE TABLE ${t.commandOutcomes} (
        command_id text NOT NULL,
        type text NOT NULL,
        content text NOT NULL,
        result text NOT NULL,
        recorded_at text NOT NULL,
        CONSTRAINT command_outcomes_pkey PRIMARY KEY (command_id)
      );

      CREATE TABLE ${t.projectionCheckpoints} (
        name text NOT NULL,
        version integer NOT NULL,
        position text NOT NULL,
        state text NOT NULL,
        CONSTRAINT projection_checkpoints_pkey PRIMARY KEY (name)
      );
    `,
  },
  {
    version: 2,
    description: 'projection checkpoints in parts',
    sql: (t) => `
      -- A checkpoint's state is kept in parts (rows of bounded size) so that neither the
      -- projection runner nor the driver holds a large state's text whole. A checkpoint saved
      -- whole by schema 1 becomes its only part.
      CREATE TABLE ${t.projectionCheckpointParts} (
        name text NOT NULL,
        part integer NOT NULL CHECK (part >= 0),
        body text NOT NULL,
        CONSTRAINT projection_checkpoint_parts_pkey PRIMARY KEY (name, part),
        CONSTRAINT projection_checkpoint_parts_name_fkey FOREIGN KEY (name)
          REFERENCES ${t.projectionCheckpoints} (name) ON DELETE CASCADE
      );
      INSERT INTO ${t.projectionCheckpointParts} (name, part, body)
        SELECT name, 0, state FROM ${t.projectionCheckpoints};
      ALTER TABLE ${t.projectionCheckpoints}
        ADD COLUMN parts integer NOT NULL DEFAULT 1 CHECK (parts >= 0);
      ALTER TABLE ${t.projectionCheckpoints} DROP COLUMN state;
    `,
  },
]

/** The schema version this package writes and reads: the last migration's. */
export const SCHEMA_VERSION = SCHEMA_MIGRATIONS[SCHEMA_MIGRATIONS.length - 1]!.version

/** Tables a schema of the current version has; their absence means it is not what it claims. */
export const LEDGER_TABLES = [
  'events',
  'log_head',
  'command_outcomes',
  'projection_checkpoints',
  'projection_checkpoint_parts',
  'plafond_migrations',
] as const
