import { createHash } from 'node:crypto'
import { LedgerError } from '@plafond/core'
import type { PoolClient } from 'pg'
import { LEDGER_TABLES, SCHEMA_MIGRATIONS, SCHEMA_VERSION } from './schema-migrations.js'
import type { StoreTables } from './store-tables.js'

/** What the schema holds, read from the catalogue before anything is written. */
type SchemaKind =
  | { readonly kind: 'absent' }
  | { readonly kind: 'empty' }
  | { readonly kind: 'ledger'; readonly version: number }
  | { readonly kind: 'foreign'; readonly why: string }

async function inspect(client: PoolClient, tables: StoreTables): Promise<SchemaKind> {
  const { rows } = await client.query<{ name: string | null }>(
    `SELECT c.relname AS name
       FROM pg_catalog.pg_namespace n
       LEFT JOIN pg_catalog.pg_class c
         ON c.relnamespace = n.oid AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
      WHERE n.nspname = $1
      ORDER BY c.relname`,
    [tables.schema],
  )
  if (rows.length === 0) return { kind: 'absent' }
  const names = rows.flatMap((row) => (row.name === null ? [] : [row.name]))
  if (names.length === 0) return { kind: 'empty' }
  if (!names.includes('plafond_migrations')) {
    const listed = names.slice(0, 5).join(', ') + (names.length > 5 ? ', …' : '')
    return {
      kind: 'foreign',
      why: `it holds tables (${listed}) but no plafond_migrations table, so another program made it`,
    }
  }
  const { rows: versions } = await client.query<{ version: number }>(
    `SELECT coalesce(max(version), 0)::integer AS version FROM ${tables.migrations}`,
  )
  return { kind: 'ledger', version: versions[0]?.version ?? 0 }
}

function incompatible(schema: string, why: string, remedy: string): LedgerError {
  return new LedgerError(
    'INCOMPATIBLE_STORE',
    `Cannot use PostgreSQL schema ${schema} as a Plafond ledger: ${why}. Nothing was changed. ${remedy}`,
    { details: { schema } },
  )
}

/** Refuses what this version cannot use: other programs' schemas, newer or unmigrated ones. */
function checkKind(kind: SchemaKind, schema: string, migrate: boolean): void {
  switch (kind.kind) {
    case 'foreign':
      throw incompatible(
        schema,
        kind.why,
        'Pass another schema (option `schema`), or drop this one if it is yours to drop.',
      )
    case 'ledger':
      if (kind.version > SCHEMA_VERSION) {
        throw incompatible(
          schema,
          `it was written by a newer @plafond/store-postgres (schema version ${kind.version}; this one knows up to ${SCHEMA_VERSION})`,
          'Upgrade @plafond/store-postgres in every process that opens it.',
        )
      }
      if (!migrate && kind.version < SCHEMA_VERSION) {
        throw incompatible(
          schema,
          `its schema version is ${kind.version}, this @plafond/store-postgres needs ${SCHEMA_VERSION}, and the store was opened with migrate: false`,
          'Open it once with migrate: true, as a role that may create tables, to migrate it.',
        )
      }
      return
    case 'absent':
    case 'empty':
      if (!migrate) {
        throw incompatible(
          schema,
          kind.kind === 'absent' ? 'the schema does not exist' : 'the schema has no table',
          'Open it once with migrate: true, as a role that may create tables, to create the ledger.',
        )
      }
      return
  }
}

/** A 64-bit advisory lock key of its own for each schema's migrations. */
function migrationLockKey(schema: string): string {
  return createHash('sha256')
    .update(`plafond:migrate:${schema}`)
    .digest()
    .readBigInt64BE(0)
    .toString()
}

/**
 * Applies the missing migrations in one transaction, under a transaction-level advisory lock so
 * that processes opening the schema at the same moment migrate it once: the others wait, then
 * find it up to date. DDL is transactional in PostgreSQL: a failed step leaves nothing behind.
 */
async function migrateSchema(client: PoolClient, tables: StoreTables): Promise<void> {
  await client.query('BEGIN')
  try {
    await client.query('SELECT pg_advisory_xact_lock($1::bigint)', [
      migrationLockKey(tables.schema),
    ])
    // Another process may have created or migrated the schema since the first look.
    const kind = await inspect(client, tables)
    checkKind(kind, tables.schema, true)
    if (kind.kind === 'absent') await client.query(`CREATE SCHEMA "${tables.schema}"`)
    const from = kind.kind === 'ledger' ? kind.version : 0
    if (from === 0) {
      await client.query(`CREATE TABLE ${tables.migrations} (
        version integer NOT NULL,
        description text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT plafond_migrations_pkey PRIMARY KEY (version)
      )`)
    }
    for (const migration of SCHEMA_MIGRATIONS) {
      if (migration.version <= from) continue
      await client.query(migration.sql(tables))
      await client.query(
        `INSERT INTO ${tables.migrations} (version, description) VALUES ($1, $2)`,
        [migration.version, migration.description],
      )
    }
    await client.query('COMMIT')
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined)
    throw error
  }
}

async function checkTables(client: PoolClient, tables: StoreTables): Promise<void> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT c.relname AS name
       FROM pg_catalog.pg_class c
       JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $1 AND c.relkind IN ('r', 'p')`,
    [tables.schema],
  )
  const present = new Set(rows.map((row) => row.name))
  const missing = LEDGER_TABLES.filter((table) => !present.has(table))
  if (missing.length > 0) {
    throw new LedgerError(
      'INCOMPATIBLE_STORE',
      `PostgreSQL schema ${tables.schema} says it is a Plafond ledger of schema version ${SCHEMA_VERSION}, but table ${missing.join(', ')} is missing: it was damaged or edited by hand. Restore it from a backup.`,
      { details: { schema: tables.schema, missing } },
    )
  }
}

/**
 * Makes sure the schema is a Plafond ledger of the current version: reads the catalogue first
 * (no lock, nothing written), refuses other programs' and newer schemas with `INCOMPATIBLE_STORE`,
 * and creates or migrates the tables only when they are missing or old (if `migrate`).
 */
export async function openSchema(
  client: PoolClient,
  tables: StoreTables,
  migrate: boolean,
): Promise<void> {
  const kind = await inspect(client, tables)
  checkKind(kind, tables.schema, migrate)
  if (!(kind.kind === 'ledger' && kind.version === SCHEMA_VERSION)) {
    await migrateSchema(client, tables)
  }
  await checkTables(client, tables)
}
