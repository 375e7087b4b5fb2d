import { randomBytes } from 'node:crypto'
import { Pool } from 'pg'
import { afterAll, describe, it } from 'vitest'
import { createPostgresStore } from './create-postgres-store.js'

/** The server the integration tests use, or why they cannot run. */
export type TestDatabase = { readonly url: string } | { readonly skip: string }

const VARIABLE = 'PLAFOND_TEST_DATABASE_URL'

/**
 * Reads `PLAFOND_TEST_DATABASE_URL` and checks that the server answers. When it is unset or the
 * server is down, the tests skip with the reason, except under `CI=true`, where either is a
 * failure: CI must not go green by skipping the database tests.
 */
export async function testDatabase(): Promise<TestDatabase> {
  const url = process.env[VARIABLE]
  const inCi = process.env.CI === 'true'
  if (url === undefined || url === '') {
    const reason = `${VARIABLE} is unset; set it to a PostgreSQL URL such as postgres://postgres@127.0.0.1:5432/test to run these tests`
    if (inCi) throw new Error(`CI=true but ${reason}.`)
    return { skip: reason }
  }
  const pool = new Pool({ connectionString: url, max: 1, connectionTimeoutMillis: 5_000 })
  try {
    await pool.query('SELECT 1')
    return { url }
  } catch (error) {
    const reason = `PostgreSQL at ${VARIABLE} does not answer (${error instanceof Error ? error.message : String(error)})`
    if (inCi) throw new Error(`CI=true but ${reason}.`, { cause: error })
    return { skip: reason }
  } finally {
    await pool.end()
  }
}

/**
 * Declares a suite that needs PostgreSQL: with a server, `body` gets its URL; without one, the
 * suite holds a single skipped test whose note says why.
 */
export function describePostgres(
  database: TestDatabase,
  title: string,
  body: (url: string) => void,
): void {
  if ('skip' in database) {
    describe(title, () => {
      it('needs PostgreSQL', (context) => context.skip(database.skip))
    })
    return
  }
  describe(title, () => body(database.url))
}

/** Schemas for the tests of one file. */
export interface TestSchemas {
  /** A fresh schema name, not created yet. */
  readonly next: () => string
  /**
   * A fresh schema, already created and migrated. A few are prepared ahead, while the current
   * test runs: creating the tables is most of the cost of a short test.
   */
  readonly migrated: () => Promise<string>
}

/**
 * Fresh schemas for one test file, all dropped after its last test. The random suffix keeps
 * concurrent runs (two developers, parallel CI jobs) on the same database apart.
 */
export function useTestSchemas(url: string, ahead = 2): TestSchemas {
  const run = `plafond_test_${randomBytes(4).toString('hex')}`
  const made: string[] = []
  const warming: Promise<string>[] = []
  let pool: Pool | undefined

  const next = (): string => {
    const schema = `${run}_${made.length + 1}`
    made.push(schema)
    return schema
  }

  const prepare = async (): Promise<string> => {
    pool ??= new Pool({ connectionString: url, max: ahead + 1 })
    const schema = next()
    const store = createPostgresStore({ pool }, { schema })
    await store.ready()
    await store.close()
    return schema
  }

  afterAll(async () => {
    await Promise.allSettled(warming)
    pool ??= new Pool({ connectionString: url, max: 1 })
    try {
      for (const schema of made) await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`)
    } finally {
      await pool.end()
    }
  })

  return {
    next,
    migrated: async () => {
      while (warming.length < ahead + 1) warming.push(prepare())
      return warming.shift()!
    },
  }
}
