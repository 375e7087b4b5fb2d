import { randomBytes } from 'node:crypto'
import pg from 'pg'

const VARIABLE = 'PLAFOND_TEST_DATABASE_URL'

/** The PostgreSQL server of the tests, or why they cannot run. */
export type TestDatabase = { readonly url: string } | { readonly skip: string }

/**
 * Reads `PLAFOND_TEST_DATABASE_URL` and checks that the server answers. Unset or down, the
 * PostgreSQL tests skip with the reason, except under `CI=true`, where it is a failure: CI must
 * not go green by skipping them.
 */
export async function testDatabase(): Promise<TestDatabase> {
  const url = process.env[VARIABLE]
  const inCi = process.env.CI === 'true'
  if (url === undefined || url === '') {
    const reason = `${VARIABLE} is unset; set it to a URL such as postgres://postgres@127.0.0.1:5432/test to run the PostgreSQL test`
    if (inCi) throw new Error(`CI=true but ${reason}.`)
    return { skip: reason }
  }
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 })
  try {
    await client.connect()
    await client.query('SELECT 1')
    return { url }
  } catch (error) {
    const reason = `PostgreSQL at ${VARIABLE} does not answer (${(error as Error).message})`
    if (inCi) throw new Error(`CI=true but ${reason}.`, { cause: error })
    return { skip: reason }
  } finally {
    await client.end().catch(() => undefined)
  }
}

/** A schema name no other run uses: `plafond_ministry_<random>`. */
export function uniqueSchema(): string {
  return `plafond_ministry_${randomBytes(6).toString('hex')}`
}

/** Drops a schema the test created, with everything in it. */
export async function dropSchema(url: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`)
  } finally {
    await client.end()
  }
}
