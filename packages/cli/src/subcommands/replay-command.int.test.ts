import { randomBytes } from 'node:crypto'
import { createRequire } from 'node:module'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ReplaySummary } from '../replay/replay-tally.js'
import { writeFixture } from '../test-support/command-fixture.js'
import { assertBuilt, runPlafond } from '../test-support/plafond-binary.js'
import { temporaryDirectory } from '../test-support/temporary-directory.js'

const VARIABLE = 'PLAFOND_TEST_DATABASE_URL'
const url = process.env[VARIABLE] ?? ''
const inCi = process.env.CI === 'true'

/** The slice of pg this file needs: one query, to drop its schema at the end. */
interface PgClient {
  connect(): Promise<void>
  query(sql: string): Promise<unknown>
  end(): Promise<void>
}

/**
 * pg, as @plafond/store-postgres resolves it: the CLI does not depend on pg itself, and this
 * test only needs it to clean up.
 */
function pgClient(connectionString: string): PgClient {
  const fromStore = createRequire(import.meta.resolve('@plafond/store-postgres'))
  const pg = fromStore('pg') as { Client: new (config: { connectionString: string }) => PgClient }
  return new pg.Client({ connectionString })
}

if (url === '' && inCi) throw new Error(`CI=true but ${VARIABLE} is unset.`)

describe.skipIf(url === '')('plafond replay and verify on PostgreSQL', () => {
  const directory = temporaryDirectory('postgres')
  const schema = `plafond_cli_test_${randomBytes(4).toString('hex')}`
  const store = `${url}${url.includes('?') ? '&' : '?'}schema=${schema}`

  beforeAll(() => {
    assertBuilt()
    writeFixture(directory.file('fixture.jsonl'), 48)
  })
  afterAll(async () => {
    directory.remove()
    const client = pgClient(url)
    await client.connect()
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`)
    await client.end()
  })

  it('replays into the schema named by ?schema=, resumes with `replayed`, and verifies', () => {
    const cwd = directory.path
    // Read-only commands never create a ledger, on PostgreSQL either.
    const before = runPlafond(['verify'], { cwd, env: { PLAFOND_STORE: store } })
    expect(before.status).toBe(4)
    expect(before.stderr).toContain('opens the store read-only and never creates')

    const first = runPlafond(['replay', 'fixture.jsonl', '--json', '--quiet'], {
      cwd,
      env: { PLAFOND_STORE: store },
    })
    expect(first.status, first.stderr).toBe(0)
    const summary = JSON.parse(first.stdout) as ReplaySummary
    expect(summary).toMatchObject({ commands: 199, replayed: 0, refused: 2 })
    expect(summary.store).toContain(`schema=${schema}`)

    const again = runPlafond(['replay', 'fixture.jsonl', '--store', store, '--json', '--quiet'], {
      cwd,
    })
    expect(JSON.parse(again.stdout)).toMatchObject({ applied: 0, replayed: 198, eventsWritten: 0 })

    const verified = runPlafond(['verify', '--store', store, '--json'], { cwd })
    expect(verified.status, verified.stderr).toBe(0)
    expect(JSON.parse(verified.stdout)).toMatchObject({ ok: true, events: summary.eventsWritten })
  })
})

describe.skipIf(url !== '')('plafond on PostgreSQL', () => {
  it('needs PostgreSQL', (context) => {
    context.skip(
      `${VARIABLE} is unset; set it to a PostgreSQL URL such as postgres://postgres@127.0.0.1:5432/test to run this test`,
    )
  })
})
