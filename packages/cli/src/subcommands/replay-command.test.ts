import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ReplaySummary } from '../replay/replay-tally.js'
import {
  FIXTURE_REFUSALS,
  HISTORY_FILE,
  fixtureLines,
  historyLines,
  writeFixture,
} from '../test-support/command-fixture.js'
import { assertBuilt, runPlafond, startPlafond } from '../test-support/plafond-binary.js'
import { temporaryDirectory } from '../test-support/temporary-directory.js'

const directory = temporaryDirectory('replay')
/** Seven lines of set-up, then 98 contracts of four lines. */
const LINES = 399
let fixture: string

beforeAll(() => {
  assertBuilt()
  fixture = writeFixture(directory.file('fixture.jsonl'), 98)
})
afterAll(() => directory.remove())

/** A fresh working directory, so that the default store (sqlite:plafond.db) lands in it. */
function workspace(name: string): string {
  const path = directory.file(name)
  mkdirSync(path)
  return path
}

function replayJson(args: readonly string[], cwd: string): ReplaySummary {
  const result = runPlafond(['replay', ...args, '--json'], { cwd })
  expect(result.status, result.stderr).toBe(0)
  return JSON.parse(result.stdout) as ReplaySummary
}

function readLedger<T>(path: string, read: (db: Database.Database) => T): T {
  const db = new Database(path, { readonly: true })
  try {
    return read(db)
  } finally {
    db.close()
  }
}

/** Events per command id, as stored: what exactly-once is checked on. */
function eventsPerCommand(path: string): Map<string, number> {
  const rows = readLedger(path, (db) =>
    db
      .prepare(
        "SELECT json_extract(meta, '$.commandId') AS id, count(*) AS n FROM events GROUP BY id",
      )
      .all(),
  ) as { id: string; n: number }[]
  return new Map(rows.map((row) => [row.id, row.n]))
}

/** The head row and the number of recorded outcomes: what any write would change. */
function ledgerState(path: string): { head: unknown; outcomes: number } {
  return readLedger(path, (db) => ({
    head: db.prepare('SELECT position, hash FROM log_head').get(),
    outcomes: (db.prepare('SELECT count(*) AS n FROM command_outcomes').get() as { n: number }).n,
  }))
}

describe('plafond replay', () => {
  it('replays into sqlite:plafond.db in the working directory by default, lists refusals by code, and the log verifies', () => {
    const cwd = workspace('default-store')
    const result = runPlafond(['replay', fixture], { cwd })
    expect(result.status, result.stderr).toBe(0)
    expect(existsSync(`${cwd}/plafond.db`)).toBe(true)
    expect(result.stdout).toMatch(
      new RegExp(`^Replayed ${LINES} commands from .*fixture\\.jsonl into sqlite:plafond\\.db`),
    )
    expect(result.stdout).toMatch(/^ {2}applied +397 {2}wrote \d+ events$/m)
    expect(result.stdout).toMatch(/^ {2}refused +2 {2}/m)
    expect(result.stdout).toContain(
      `Refused commands (2), by code:\n  forbidden ×1\n    line ${FIXTURE_REFUSALS.forbidden}  t00007  AwardContract: `,
    )
    expect(result.stdout).toContain(
      `  holder_limit_reached ×1\n    line ${FIXTURE_REFUSALS.holderLimit}  t00004  AddHolder: `,
    )
    // Not a terminal: plain progress lines.
    expect(result.stderr).toContain(`replay: ${LINES}/${LINES} commands (100 %)`)

    const verified = runPlafond(['verify'], { cwd })
    expect(verified.status, verified.stderr).toBe(0)
    expect(verified.stdout).toMatch(
      /^Verified sqlite:plafond\.db: \d+ events, hash chain intact\.$/m,
    )
  })

  it('is resumable: a second run of the same file returns `replayed` for what was recorded and writes nothing', () => {
    const cwd = workspace('twice')
    const first = replayJson([fixture, '--batch-size', '37', '--quiet'], cwd)
    expect(first).toMatchObject({ commands: LINES, processed: LINES, replayed: 0, refused: 2 })
    expect(first.applied).toBe(LINES - 2)
    expect(first.head?.position).toBe(String(first.eventsWritten))
    expect(first.refusalsByCode).toEqual({ holder_limit_reached: 1, forbidden: 1 })

    const second = replayJson([fixture, '--quiet'], cwd)
    // A forbidden command is never recorded (nothing about it is stored): it is refused again.
    expect(second).toMatchObject({
      processed: LINES,
      applied: 0,
      replayed: LINES - 1,
      refused: 1,
      eventsWritten: 0,
      head: first.head,
      refusalsByCode: { holder_limit_reached: 1, forbidden: 1 },
    })
    expect(second.refusals).toEqual([
      expect.objectContaining({ line: 4, code: 'holder_limit_reached', replayed: true }),
      expect.objectContaining({ line: 7, code: 'forbidden', replayed: false }),
    ])

    // --strict counts a refusal recorded by an earlier run too: the same file, the same verdict.
    const strict = runPlafond(['replay', fixture, '--strict', '--quiet'], { cwd })
    expect(strict.status).toBe(1)
    expect(strict.stderr).toBe('')
  })

  it('refuses a file with bad lines whole: every bad line by number, exit 3, and nothing written', () => {
    const lines = fixtureLines(1)
    const holder = JSON.parse(lines[1]!) as { actor: unknown; command: Record<string, unknown> }
    lines[2] = '{"actor": {"id": "dinum", "roles": [{"role": "coordinator"}]}, "command": '
    lines[4] = JSON.stringify({ actor: holder.actor })
    lines[6] = JSON.stringify({ actor: holder.actor, command: { ...holder.command, type: 'Hire' } })
    lines[7] = JSON.stringify({
      actor: holder.actor,
      command: { ...holder.command, addedOn: 20240101 },
    })
    lines[8] = JSON.stringify({ ...holder, note: 'extra' })
    const bad = directory.file('bad.jsonl')
    writeFileSync(bad, `${lines.join('\n')}\n`)

    const cwd = workspace('bad-file')
    const result = runPlafond(['replay', bad], { cwd })
    expect(result.status).toBe(3)
    expect(result.stdout).toBe('')
    const reported = result.stderr
      .match(/^\S*bad\.jsonl:(\d+): /gm)
      ?.map((line) => Number(line.split(':')[1]))
    expect(reported).toEqual([3, 5, 7, 8, 9])
    for (const message of [
      'bad.jsonl:3: expected one JSON object per line, found text that does not parse',
      'bad.jsonl:5: expected a "command" object on the line, found none',
      'bad.jsonl:7: expected command.type to be one of OpenFramework',
      'bad.jsonl:8: invalid command at command.addedOn',
      'bad.jsonl:9: expected only "actor" and "command" on a line, found "note"',
      'has 5 invalid lines (listed above); nothing was written',
    ]) {
      expect(result.stderr).toContain(message)
    }
    expect(existsSync(`${cwd}/plafond.db`)).toBe(false)

    // Against an existing ledger, the bad file leaves it as it was.
    replayJson([fixture, '--quiet'], cwd)
    const before = ledgerState(`${cwd}/plafond.db`)
    expect(before.outcomes).toBe(LINES - 1)
    expect(runPlafond(['replay', bad, '--json'], { cwd }).status).toBe(3)
    expect(ledgerState(`${cwd}/plafond.db`)).toEqual(before)
  })

  it('takes the actor of lines without one from --actor or --actor-file, and refuses such lines otherwise', () => {
    // The first six lines are the coordinator's: the framework, its holders, the allocation.
    const lines = fixtureLines(0)
      .slice(0, 6)
      .map((line) =>
        JSON.stringify({ command: (JSON.parse(line) as { command: unknown }).command }),
      )
    const anonymous = directory.file('anonymous.jsonl')
    writeFileSync(anonymous, `${lines.join('\n')}\n`)
    const coordinator = '{"id":"dinum","roles":[{"role":"coordinator"}]}'

    const cwd = workspace('actors')
    const refused = runPlafond(['replay', anonymous], { cwd })
    expect(refused.status).toBe(3)
    expect(refused.stderr).toContain('anonymous.jsonl:1: expected an "actor"')
    expect(refused.stderr).toContain("--actor '{")
    expect(refused.stderr).toContain('has 6 invalid lines')

    const withActor = replayJson([anonymous, '--actor', coordinator, '--store', 'sqlite:a.db'], cwd)
    expect(withActor).toMatchObject({ applied: 5, refused: 1 })

    writeFileSync(directory.file('coordinator.json'), coordinator)
    const fromFile = replayJson(
      [anonymous, '--actor-file', directory.file('coordinator.json'), '--store', 'sqlite:b.db'],
      cwd,
    )
    expect(fromFile).toMatchObject({ applied: 5, refused: 1 })
  })

  it('says what is wrong with a file it cannot read, exit 3', () => {
    const cwd = workspace('missing-file')
    const missing = runPlafond(['replay', 'nowhere.jsonl'], { cwd })
    expect(missing.status).toBe(3)
    expect(missing.stderr).toContain('Expected a JSONL file of commands at')
    expect(missing.stderr).toContain('(ENOENT). Check the path.')
    const folder = runPlafond(['replay', '.'], { cwd })
    expect(folder.status).toBe(3)
    expect(folder.stderr).toContain('found a directory')
    expect(existsSync(`${cwd}/plafond.db`)).toBe(false)
  })

  it('resumes after a SIGKILL mid-run: every command has its events exactly once', async () => {
    const cwd = workspace('killed')
    const large = writeFixture(directory.file('large.jsonl'), 300)
    const count = 7 + 4 * 300
    replayJson([large, '--store', 'sqlite:reference.db', '--quiet'], cwd)

    // Small batches make many commits, so the kill lands in the middle of the run.
    const child = startPlafond(
      ['replay', large, '--store', 'sqlite:killed.db', '--batch-size', '4'],
      {
        cwd,
      },
    )
    await new Promise<void>((resolve, reject) => {
      child.stderr!.on('data', (chunk: Buffer) => {
        if (/\(\d+ %\)/.test(chunk.toString())) child.kill('SIGKILL')
      })
      child.once('close', () => resolve())
      child.once('error', reject)
    })
    expect(child.signalCode).toBe('SIGKILL')
    const recorded = ledgerState(`${cwd}/killed.db`).outcomes
    expect(recorded).toBeGreaterThan(0)
    expect(recorded).toBeLessThan(count - 1)

    const resumed = replayJson([large, '--store', 'sqlite:killed.db', '--quiet'], cwd)
    expect(resumed.processed).toBe(count)
    expect(resumed.replayed).toBe(recorded)
    expect(resumed.applied + resumed.replayed + resumed.refused).toBe(count)
    expect(eventsPerCommand(`${cwd}/killed.db`)).toEqual(eventsPerCommand(`${cwd}/reference.db`))
    expect(runPlafond(['verify', '--store', 'sqlite:killed.db'], { cwd }).status).toBe(0)
  })
})

describe('plafond replay of the committed 66 M€ history', () => {
  it('replays every line, refusing some by design, and the log verifies', () => {
    const cwd = workspace('history')
    const full = replayJson([HISTORY_FILE, '--quiet'], cwd)
    const total = historyLines().length
    expect(full.commands).toBe(total)
    expect(full.applied + full.replayed + full.refused).toBe(total)
    // The history sends commands the ledger must refuse, to show each rule at work.
    expect(full.refusals.length).toBeGreaterThan(0)
    const verified = runPlafond(['verify', '--json'], { cwd })
    expect(verified.status, verified.stderr).toBe(0)
    expect(JSON.parse(verified.stdout)).toMatchObject({
      ok: true,
      events: full.eventsWritten,
      head: full.head,
    })
  })
})
