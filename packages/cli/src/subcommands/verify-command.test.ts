import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CheckpointFile } from '../verify/checkpoint-file.js'
import { writeFixture } from '../test-support/command-fixture.js'
import { assertBuilt, runPlafond } from '../test-support/plafond-binary.js'
import { temporaryDirectory } from '../test-support/temporary-directory.js'

const directory = temporaryDirectory('verify')
const cwd = directory.path
const run = (...args: string[]) => runPlafond(args, { cwd })
let copies = 0

function replay(file: string, store: string): void {
  const result = run('replay', file, '--store', store, '--quiet')
  expect(result.status, result.stderr).toBe(0)
}

/** A copy of `ledger.db` changed by hand, as someone with access to the file could. */
function tampered(change: (db: Database.Database) => void): string {
  const name = `tampered-${++copies}.db`
  copyFileSync(directory.file('ledger.db'), directory.file(name))
  const db = new Database(directory.file(name))
  db.pragma('foreign_keys = OFF')
  change(db)
  db.close()
  return `sqlite:${name}`
}

beforeAll(() => {
  assertBuilt()
  writeFixture(directory.file('short.jsonl'), 35)
  writeFixture(directory.file('long.jsonl'), 75)
  replay('short.jsonl', 'sqlite:ledger.db')
})
afterAll(() => directory.remove())

describe('plafond verify', () => {
  it('passes on a ledger written by replay, and writes a checkpoint that head agrees with', () => {
    const result = run('verify', '--store', 'sqlite:ledger.db', '--write-checkpoint', 'cp.json')
    expect(result.status, result.stderr).toBe(0)
    const checkpoint = JSON.parse(readFileSync(directory.file('cp.json'), 'utf8')) as CheckpointFile
    expect(checkpoint.position).toMatch(/^[1-9]\d*$/)
    expect(checkpoint.hash).toMatch(/^[0-9a-f]{64}$/)
    expect(checkpoint.events).toBe(Number(checkpoint.position))
    expect(result.stdout).toContain(
      `Verified sqlite:ledger.db: ${checkpoint.events} events, hash chain intact.`,
    )
    expect(result.stdout).toContain(`Wrote checkpoint cp.json (position ${checkpoint.position}).`)

    const head = run('head', '--store', 'sqlite:ledger.db')
    expect(head.status).toBe(0)
    expect(JSON.parse(head.stdout)).toEqual({
      position: checkpoint.position,
      hash: checkpoint.hash,
    })
  })

  it('checks a checkpoint: kept after more commands, broken by a log rewritten from the start', () => {
    const checkpoint = JSON.parse(readFileSync(directory.file('cp.json'), 'utf8')) as CheckpointFile
    copyFileSync(directory.file('ledger.db'), directory.file('grown.db'))
    replay('long.jsonl', 'sqlite:grown.db')
    const kept = run('verify', '--store', 'sqlite:grown.db', '--checkpoint', 'cp.json')
    expect(kept.status, kept.stdout + kept.stderr).toBe(0)
    expect(kept.stdout).toContain(
      `Checkpoint cp.json (position ${checkpoint.position}): still in the log, unchanged.`,
    )

    // The same commands replayed into a new file: a consistent chain, other hashes (other instants).
    replay('short.jsonl', 'sqlite:rewritten.db')
    expect(run('verify', '--store', 'sqlite:rewritten.db').status).toBe(0)
    const rewritten = run(
      'verify',
      '--store',
      'sqlite:rewritten.db',
      '--checkpoint',
      'cp.json',
      '--json',
    )
    expect(rewritten.status).toBe(1)
    expect(JSON.parse(rewritten.stdout)).toMatchObject({
      ok: false,
      position: checkpoint.position,
      reason: expect.stringContaining('the checkpoint says hash') as unknown,
    })

    // A checkpoint past the end of the log: its tail was cut.
    expect(
      run('verify', '--store', 'sqlite:grown.db', '--write-checkpoint', 'grown.json').status,
    ).toBe(0)
    const cut = run('verify', '--store', 'sqlite:ledger.db', '--checkpoint', 'grown.json')
    expect(cut.status).toBe(1)
    expect(cut.stdout).toMatch(
      /^Verification FAILED for sqlite:ledger\.db at position \d+: the checkpoint names position/,
    )
  })

  it('names the first bad position of a ledger changed by hand, exit 1', () => {
    const changed = tampered((db) =>
      db
        .prepare(
          `UPDATE events SET meta = replace(meta, '"actorId":"', '"actorId":"x') WHERE position = 7`,
        )
        .run(),
    )
    const result = run('verify', '--store', changed)
    expect(result.status).toBe(1)
    expect(result.stdout).toContain(
      'Verification FAILED for sqlite:tampered-1.db at position 7: its content does not match its hash',
    )
    expect(result.stdout).toContain('restore the latest backup that verifies')

    const removed = tampered((db) => db.prepare('DELETE FROM events WHERE position = 3').run())
    const json = run('verify', '--store', removed, '--json')
    expect(json.status).toBe(1)
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, position: '4' })
  })

  it('with --outcomes, finds a deleted command outcome, which the chain does not cover (exit 1)', () => {
    const whole = run('verify', '--store', 'sqlite:ledger.db', '--outcomes')
    expect(whole.status, whole.stdout + whole.stderr).toBe(0)
    const db = new Database(directory.file('ledger.db'), { readonly: true })
    const { commandId, position } = db
      .prepare(
        "SELECT json_extract(meta, '$.commandId') AS commandId, position FROM events WHERE position = 5",
      )
      .get() as { commandId: string; position: number }
    const first = db
      .prepare(
        "SELECT min(position) AS first FROM events WHERE json_extract(meta, '$.commandId') = ?",
      )
      .get(commandId) as { first: number }
    db.close()
    expect(first.first).toBeLessThanOrEqual(position)
    const deleted = tampered((change) =>
      change.prepare('DELETE FROM command_outcomes WHERE command_id = ?').run(commandId),
    )
    expect(run('verify', '--store', deleted).status).toBe(0)
    const result = run('verify', '--store', deleted, '--outcomes', '--json')
    expect(result.status).toBe(1)
    expect(JSON.parse(result.stdout)).toEqual({
      ok: false,
      store: deleted,
      position: String(first.first),
      reason: expect.stringMatching(
        new RegExp(`command ${commandId} .*no recorded outcome`),
      ) as unknown,
    })
  })

  it('never creates or changes a ledger: a missing file or another program’s file is exit 4', () => {
    const missing = run('verify', '--store', 'sqlite:nowhere.db')
    expect(missing.status).toBe(4)
    expect(missing.stderr).toContain('found no file there')
    expect(missing.stderr).toContain('plafond replay FILE --store sqlite:nowhere.db')
    expect(existsSync(directory.file('nowhere.db'))).toBe(false)

    writeFileSync(directory.file('notes.db'), 'not a database')
    const foreign = run('verify', '--store', 'sqlite:notes.db')
    expect(foreign.status).toBe(4)
    expect(foreign.stderr).toContain('INCOMPATIBLE_STORE')
    expect(readFileSync(directory.file('notes.db'), 'utf8')).toBe('not a database')
  })

  it('verifies an empty log, and head prints null for it', () => {
    const empty = run('verify', '--store', 'memory')
    expect(empty.status).toBe(0)
    expect(empty.stdout).toContain(
      'Verified memory: 0 events, hash chain intact.\nHead: none (the log is empty)',
    )
    expect(run('head', '--store', 'memory').stdout).toBe('null\n')
  })
})
