import { randomBytes } from 'node:crypto'
import { isLedgerError, type LedgerErrorCode } from '@plafond/core'
import { newTestEvent, newTestEvents } from '@plafond/testing'
import { Pool } from 'pg'
import { afterAll, expect, it } from 'vitest'
import { createPostgresStore, type PostgresStore } from './create-postgres-store.js'
import { SCHEMA_VERSION } from './schema-migrations.js'
import { describePostgres, testDatabase, useTestSchemas } from './test-database.js'

const database = await testDatabase()

async function rejection(work: () => Promise<unknown>, code: LedgerErrorCode): Promise<Error> {
  const error = await work().then(
    () => undefined,
    (caught: unknown) => caught,
  )
  if (!isLedgerError(error, code)) {
    throw new Error(`Expected a LedgerError ${code}, found ${String(error)}`, { cause: error })
  }
  return error
}

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

describePostgres(database, 'PostgreSQL store: opening, migrating, closing, failing', (url) => {
  const schemas = useTestSchemas(url, 0)
  const pool = new Pool({ connectionString: url, max: 4 })
  afterAll(() => pool.end())

  const tablesOf = async (schema: string): Promise<string[]> => {
    const { rows } = await pool.query<{ name: string }>(
      `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = $1 AND c.relkind = 'r' ORDER BY 1`,
      [schema],
    )
    return rows.map((row) => row.name)
  }

  /** Backends of one application name, as pg_stat_activity lists them. */
  const backends = async (applicationName: string): Promise<number> => {
    const { rows } = await pool.query<{ count: number }>(
      'SELECT count(*)::integer AS count FROM pg_stat_activity WHERE application_name = $1',
      [applicationName],
    )
    return rows[0]!.count
  }

  it('eight processes opening a new schema at the same moment create it once, then all append', async () => {
    const schema = schemas.next()
    const stores = Array.from({ length: 8 }, () =>
      createPostgresStore({ connectionString: url, maxConnections: 1 }, { schema }),
    )
    try {
      await Promise.all(stores.map((store) => store.ready()))
      const { rows } = await pool.query<{ version: number }>(
        `SELECT version FROM "${schema}".plafond_migrations ORDER BY version`,
      )
      expect(rows.map((row) => row.version)).toEqual(
        Array.from({ length: SCHEMA_VERSION }, (_, i) => i + 1),
      )
      await Promise.all(
        stores.map((store, i) =>
          store.append([
            { stream: `stream-${i}`, expectedVersion: 'no_stream', events: [newTestEvent()] },
          ]),
        ),
      )
      expect(await stores[0]!.head()).toMatchObject({ position: '8' })
    } finally {
      await Promise.all(stores.map((store) => store.close()))
    }
  })

  it("a schema that holds another program's tables is INCOMPATIBLE_STORE, and is left untouched", async () => {
    const schema = schemas.next()
    await pool.query(`CREATE SCHEMA "${schema}"`)
    await pool.query(`CREATE TABLE "${schema}".orders (id integer PRIMARY KEY)`)
    const store = createPostgresStore({ pool }, { schema })
    const error = await rejection(() => store.ready(), 'INCOMPATIBLE_STORE')
    expect(error.message).toMatch(/orders/)
    await rejection(() => store.head(), 'INCOMPATIBLE_STORE')
    expect(await tablesOf(schema)).toEqual(['orders'])
  })

  it('a schema written by a newer @plafond/store-postgres is INCOMPATIBLE_STORE', async () => {
    const schema = await schemas.migrated()
    await pool.query(
      `INSERT INTO "${schema}".plafond_migrations (version, description) VALUES ($1, 'from the future')`,
      [SCHEMA_VERSION + 1],
    )
    const store = createPostgresStore({ pool }, { schema })
    const error = await rejection(
      () => store.append([{ stream: 'a', expectedVersion: 'any', events: [newTestEvent()] }]),
      'INCOMPATIBLE_STORE',
    )
    expect(error.message).toMatch(new RegExp(`schema version ${SCHEMA_VERSION + 1}`))
  })

  it('with migrate: false, a missing schema is INCOMPATIBLE_STORE and nothing is created; a current one opens', async () => {
    const missing = schemas.next()
    await rejection(
      () => createPostgresStore({ pool }, { schema: missing, migrate: false }).ready(),
      'INCOMPATIBLE_STORE',
    )
    expect(await tablesOf(missing)).toEqual([])
    const current = await schemas.migrated()
    const store = createPostgresStore({ pool }, { schema: current, migrate: false })
    await store.append([{ stream: 'a', expectedVersion: 'no_stream', events: [newTestEvent()] }])
    expect(await store.head()).toMatchObject({ position: '1' })
  })

  it('a table dropped under an open store makes its calls INCOMPATIBLE_STORE, with the driver error as cause', async () => {
    const schema = await schemas.migrated()
    const store = createPostgresStore({ pool }, { schema })
    await store.append([{ stream: 'a', expectedVersion: 'no_stream', events: [newTestEvent()] }])
    await pool.query(`DROP TABLE "${schema}".command_outcomes`)
    const error = await rejection(() => store.findOutcome('c-1'), 'INCOMPATIBLE_STORE')
    expect((error.cause as { code?: string }).code).toBe('42P01')
    // A store opened afterwards refuses the damaged schema up front.
    await rejection(() => createPostgresStore({ pool }, { schema }).ready(), 'INCOMPATIBLE_STORE')
  })

  it("close() ends the pool the store made, and leaves a caller's pool open", async () => {
    const schema = await schemas.migrated()
    const applicationName = `plafond-test-${randomBytes(4).toString('hex')}`
    const owned = createPostgresStore({ connectionString: url, applicationName }, { schema })
    await owned.head()
    expect(await backends(applicationName)).toBeGreaterThan(0)
    await owned.close()
    for (let waited = 0; (await backends(applicationName)) > 0 && waited < 5_000; waited += 50) {
      await pause(50)
    }
    expect(await backends(applicationName)).toBe(0)
    await rejection(() => owned.head(), 'STORE_CLOSED')

    const borrowing = createPostgresStore({ pool }, { schema })
    await borrowing.head()
    await borrowing.close()
    await rejection(() => borrowing.head(), 'STORE_CLOSED')
    const { rows } = await pool.query<{ one: number }>('SELECT 1 AS one')
    expect(rows).toEqual([{ one: 1 }])
  })

  it('a connection lost in the middle of an append is STORE_UNAVAILABLE with the driver error as cause; nothing is written and the store recovers', async () => {
    const schema = await schemas.migrated()
    const applicationName = `plafond-test-${randomBytes(4).toString('hex')}`
    const store: PostgresStore = createPostgresStore(
      { connectionString: url, applicationName, maxConnections: 1 },
      { schema },
    )
    const blocker = await pool.connect()
    try {
      await store.ready()
      // Hold the head row, so that the append waits on it inside its transaction.
      await blocker.query('BEGIN')
      await blocker.query(`SELECT * FROM "${schema}".log_head FOR UPDATE`)
      const appending = store.append([
        { stream: 'a', expectedVersion: 'no_stream', events: newTestEvents(2) },
      ])
      let pid: number | undefined
      for (let waited = 0; pid === undefined && waited < 5_000; waited += 20) {
        const { rows } = await pool.query<{ pid: number }>(
          `SELECT pid FROM pg_stat_activity WHERE application_name = $1 AND wait_event_type = 'Lock'`,
          [applicationName],
        )
        pid = rows[0]?.pid
        if (pid === undefined) await pause(20)
      }
      expect(pid, 'the append never waited on the head row').toBeDefined()
      await pool.query('SELECT pg_terminate_backend($1)', [pid])
      const error = await rejection(() => appending, 'STORE_UNAVAILABLE')
      expect(error.cause).toBeInstanceOf(Error)
      await blocker.query('ROLLBACK')

      expect(await store.head()).toBeUndefined()
      await store.append([{ stream: 'a', expectedVersion: 'no_stream', events: [newTestEvent()] }])
      expect(await store.head()).toMatchObject({ position: '1' })
    } finally {
      await blocker.query('ROLLBACK').catch(() => undefined)
      blocker.release()
      await store.close()
    }
  })

  it('an append kept waiting on the head row past lockTimeoutMs is STORE_UNAVAILABLE, and writes nothing', async () => {
    const schema = await schemas.migrated()
    const store = createPostgresStore({ pool }, { schema, lockTimeoutMs: 200 })
    const blocker = await pool.connect()
    try {
      // A session that forgot to end its transaction on the head row (an operator's psql, say).
      await blocker.query('BEGIN')
      await blocker.query(`SELECT * FROM "${schema}".log_head FOR UPDATE`)
      const error = await rejection(
        () =>
          store.append([{ stream: 'a', expectedVersion: 'no_stream', events: [newTestEvent()] }]),
        'STORE_UNAVAILABLE',
      )
      expect((error.cause as { code?: string }).code).toBe('55P03')
      await blocker.query('ROLLBACK')
      expect(await store.head()).toBeUndefined()
    } finally {
      await blocker.query('ROLLBACK').catch(() => undefined)
      blocker.release()
    }
  })

  it('an event id already in the log is INVALID_ARGUMENT with the driver error as cause, and nothing is written', async () => {
    const store = createPostgresStore({ pool }, { schema: await schemas.migrated() })
    const event = newTestEvent()
    await store.append([{ stream: 'a', expectedVersion: 'no_stream', events: [event] }])
    const error = await rejection(
      () =>
        store.append([
          { stream: 'b', expectedVersion: 'no_stream', events: [newTestEvent(), event] },
        ]),
      'INVALID_ARGUMENT',
    )
    expect((error.cause as { code?: string }).code).toBe('23505')
    expect(await store.head()).toMatchObject({ position: '1' })
  })
})
