import { isLedgerError } from '@plafond/core'
import { Pool } from 'pg'
import { afterAll, expect, it } from 'vitest'
import { createPostgresStore } from './create-postgres-store.js'
import { SCHEMA_MIGRATIONS, SCHEMA_VERSION } from './schema-migrations.js'
import { storeTables } from './store-tables.js'
import { describePostgres, testDatabase, useTestSchemas } from './test-database.js'

const database = await testDatabase()

describePostgres(database, 'PostgreSQL store: checkpoints in parts', (url) => {
  const schemas = useTestSchemas(url, 0)
  const pool = new Pool({ connectionString: url, max: 4 })
  afterAll(() => pool.end())

  it('schema 1 is the shipped one; this package writes schema 2', () => {
    expect(SCHEMA_MIGRATIONS.map((m) => m.version)).toEqual([1, 2])
    expect(SCHEMA_VERSION).toBe(2)
  })

  it('opening a schema-1 ledger migrates it: a checkpoint saved whole becomes its only part', async () => {
    const schema = schemas.next()
    const tables = storeTables(schema)
    // The schema as @plafond/store-postgres made it at version 1, with one checkpoint.
    await pool.query(`CREATE SCHEMA "${schema}"`)
    await pool.query(`CREATE TABLE ${tables.migrations} (
      version integer NOT NULL,
      description text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT plafond_migrations_pkey PRIMARY KEY (version)
    )`)
    await pool.query(SCHEMA_MIGRATIONS[0]!.sql(tables))
    await pool.query(`INSERT INTO ${tables.migrations} (version, description) VALUES (1, 'v1')`)
    const state = '{"rows":[{"committed":{"$cents":"12.50"}}]}'
    await pool.query(
      `INSERT INTO ${tables.projectionCheckpoints} (name, version, position, state) VALUES ($1, 3, '9', $2)`,
      ['overview', state],
    )
    const store = createPostgresStore({ pool }, { schema })
    expect(await store.loadCheckpoint('overview')).toEqual({
      name: 'overview',
      version: 3,
      position: '9',
      parts: [state],
    })
    const { rows } = await pool.query<{ version: number }>(
      `SELECT version FROM ${tables.migrations} ORDER BY version`,
    )
    expect(rows.map((row) => row.version)).toEqual([1, 2])
    await store.saveCheckpoint({ name: 'overview', version: 4, position: '10', parts: ['a', 'b'] })
    expect((await store.loadCheckpoint('overview'))?.parts).toEqual(['a', 'b'])
    await store.close()
  })

  it('a checkpoint whose parts were deleted by hand is CORRUPT_LOG, not a shorter state', async () => {
    const schema = await schemas.migrated()
    const store = createPostgresStore({ pool }, { schema })
    await store.saveCheckpoint({ name: 'contracts', version: 1, position: '10', parts: ['a', 'b'] })
    await pool.query(`DELETE FROM "${schema}".projection_checkpoint_parts WHERE part = 1`)
    const error: unknown = await store.loadCheckpoint('contracts').catch((e: unknown) => e)
    expect(isLedgerError(error, 'CORRUPT_LOG'), String(error)).toBe(true)
    expect((error as Error).message).toMatch(/contracts has 1 of its 2 parts/)
    await store.close()
  })

  it('two processes saving the same checkpoint at once both succeed, and one of them wins whole', async () => {
    const schema = await schemas.migrated()
    const a = createPostgresStore({ connectionString: url, maxConnections: 1 }, { schema })
    const b = createPostgresStore({ connectionString: url, maxConnections: 1 }, { schema })
    try {
      const parts = (tag: string, n: number): string[] =>
        Array.from({ length: n }, (_, i) => `${tag}${i}`.repeat(50_000))
      await Promise.all([
        a.saveCheckpointParts!({ name: 'contracts', version: 1, position: '5' }, parts('a', 9)),
        b.saveCheckpointParts!({ name: 'contracts', version: 1, position: '6' }, parts('b', 4)),
      ])
      const loaded = await a.loadCheckpoint('contracts')
      expect([parts('a', 9), parts('b', 4)]).toContainEqual(loaded?.parts)
      expect(loaded?.position).toBe(loaded?.parts.length === 9 ? '5' : '6')
    } finally {
      await a.close()
      await b.close()
    }
  })
})
