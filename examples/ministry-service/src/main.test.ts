import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { fileURLToPath } from 'node:url'
import { createLedger } from '@plafond/core'
import { createSqliteStore } from '@plafond/store-sqlite'
import { afterAll, describe, expect, it } from 'vitest'
import { encodeActor } from './encode-actor.js'
import { coordinator, openingCommands } from './test-support/ministry-fixture.js'
import { temporaryDirectory } from './test-support/temporary-directory.js'

const packageDirectory = fileURLToPath(new URL('..', import.meta.url))
const directory = temporaryDirectory('main')
afterAll(() => directory.remove())

/** Runs `src/main.ts` as `pnpm start` does, with `env` added, and collects its log lines. */
function startMain(env: Readonly<Record<string, string>>): {
  readonly child: ChildProcess
  readonly lines: () => Record<string, unknown>[]
  readonly exited: Promise<number | null>
} {
  const child = spawn(
    process.execPath,
    ['--conditions=@plafond/source', '--import', 'tsx', 'src/main.ts'],
    { cwd: packageDirectory, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] },
  )
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')))
  const exited = once(child, 'exit').then(([code]) => code as number | null)
  const lines = (): Record<string, unknown>[] =>
    stderr
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>)
  return { child, lines, exited }
}

async function waitFor<T>(
  what: string,
  find: () => T | undefined,
  exited: Promise<unknown>,
): Promise<T> {
  let done = false
  void exited.then(() => (done = true))
  for (let waited = 0; waited < 30_000; waited += 50) {
    const found = find()
    if (found !== undefined) return found
    if (done) throw new Error(`The service exited before ${what}.`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  throw new Error(`Waited 30 s for ${what}.`)
}

describe('main', () => {
  it('serves the configured SQLite file, and on SIGTERM stops, closes the ledger and exits 0', async () => {
    const file = directory.file('ministry.db')
    const main = startMain({ PLAFOND_STORE: `sqlite:${file}`, PORT: '0', HOST: '127.0.0.1' })
    const listening = await waitFor(
      'it listens',
      () => main.lines().find((line) => typeof line.url === 'string'),
      main.exited,
    )
    expect(listening).toMatchObject({ level: 'info', store: `sqlite:${file}` })

    const answer = await fetch(`${String(listening.url)}/commands`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'X-Plafond-Actor': encodeActor(coordinator),
      },
      body: JSON.stringify(openingCommands('100000')[0]),
    })
    expect(answer.status).toBe(201)

    // fetch keeps the connection alive: the stop must close it rather than wait for it.
    const signalled = Date.now()
    main.child.kill('SIGTERM')
    expect(await main.exited).toBe(0)
    expect(Date.now() - signalled).toBeLessThan(4_000)
    expect(main.lines().map((line) => line.message)).toContain('Stopped; the ledger is closed.')

    const ledger = createLedger({ store: createSqliteStore({ path: file, readonly: true }) })
    expect(await ledger.verify()).toMatchObject({ ok: true, events: 1 })
    await ledger.close()
  })

  it('exits 1 with a message naming the variable when the configuration is wrong', async () => {
    const main = startMain({ PLAFOND_STORE: 'mysql://db/ledger' })
    expect(await main.exited).toBe(1)
    expect(main.lines()).toEqual([
      expect.objectContaining({
        level: 'error',
        message: expect.stringMatching(
          /^The configuration is invalid: PLAFOND_STORE expected/,
        ) as unknown,
      }),
    ])
  })
})
