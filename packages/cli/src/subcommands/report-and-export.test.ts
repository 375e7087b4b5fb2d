import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createLedger, type LedgerEvent } from '@plafond/core'
import {
  buildReport,
  exportCsv,
  exportDecp,
  exportOcds,
  PLACEHOLDER_OCID_PREFIX,
  reportJson,
} from '@plafond/reporting'
import { createSqliteStore } from '@plafond/store-sqlite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { writeFixture } from '../test-support/command-fixture.js'
import { assertBuilt, runPlafond } from '../test-support/plafond-binary.js'
import { temporaryDirectory } from '../test-support/temporary-directory.js'

const directory = temporaryDirectory('report')
const cwd = directory.path
const run = (...args: string[]) => runPlafond(args, { cwd })
const TODAY = '2025-06-30'

async function eventsOf(file: string): Promise<LedgerEvent[]> {
  const ledger = createLedger({ store: createSqliteStore({ path: directory.file(file) }) })
  const events: LedgerEvent[] = []
  for await (const event of ledger.readAll()) events.push(event)
  await ledger.close()
  return events
}

/** The JSON report without the instant it was made at, which differs between any two runs. */
function withoutGeneratedAt(json: unknown): unknown {
  const copy = structuredClone(json) as { report: { generatedAt?: unknown } }
  delete copy.report.generatedAt
  return copy
}

let events: LedgerEvent[]

beforeAll(async () => {
  assertBuilt()
  writeFixture(directory.file('fixture.jsonl'), 6)
  const replay = run('replay', 'fixture.jsonl', '--store', 'sqlite:ledger.db', '--quiet')
  expect(replay.status, replay.stderr).toBe(0)
  events = await eventsOf('ledger.db')
})
afterAll(() => directory.remove())

describe('plafond report', () => {
  it('prints the JSON report that @plafond/reporting builds from the same events', () => {
    const result = run('report', '--store', 'sqlite:ledger.db', '--today', TODAY)
    expect(result.status, result.stderr).toBe(0)
    const printed = JSON.parse(result.stdout) as ReturnType<typeof reportJson>
    const expected = reportJson(buildReport(events, { today: TODAY }))
    expect(withoutGeneratedAt(printed)).toEqual(withoutGeneratedAt(expected))
    // The figures DESIGN.md promises, as decimal strings, and consistent with each other.
    expect(printed.overview.maximum).toBe('20000000.00')
    const committed = printed.beneficiaries.reduce(
      (cents, b) => cents + BigInt(b.committed.replace('.', '')),
      0n,
    )
    expect(BigInt(printed.overview.committed.replace('.', ''))).toBe(committed)
    expect(committed).toBeGreaterThan(0n)
  })

  it('counts only what took effect by --as-of', () => {
    const result = run(
      'report',
      '--store',
      'sqlite:ledger.db',
      '--today',
      TODAY,
      '--as-of',
      '2024-02-15',
    )
    expect(result.status, result.stderr).toBe(0)
    const printed = JSON.parse(result.stdout) as ReturnType<typeof reportJson>
    const expected = reportJson(buildReport(events, { today: TODAY, asOf: '2024-02-15' }))
    expect(withoutGeneratedAt(printed)).toEqual(withoutGeneratedAt(expected))
    // Awarded on 2024-02-01, paid on 2024-03-10: committed by then, not yet paid.
    expect(printed.overview.paid).toBe('0.00')
    expect(printed.overview.committed).not.toBe('0.00')
  })

  it('writes HTML and Markdown, the format taken from the extension of --out', () => {
    expect(run('report', '--store', 'sqlite:ledger.db', '--out', 'out/report.html').status).toBe(0)
    const html = readFileSync(directory.file('out/report.html'), 'utf8')
    expect(html).toMatch(/^<!doctype html>/i)
    expect(html).toContain('lang="fr"')
    expect(html).toContain('<svg')
    // Self-contained: nothing is fetched from anywhere.
    expect(html).not.toMatch(/\s(src|href)="https?:/)
    expect(run('report', '--store', 'sqlite:ledger.db', '--out', 'out/report.md').status).toBe(0)
    expect(readFileSync(directory.file('out/report.md'), 'utf8')).toMatch(/^# /)
  })

  it('writes one CSV file per view, in French with --locale fr', () => {
    const result = run(
      'report',
      '--store',
      'sqlite:ledger.db',
      '--format',
      'csv',
      '--locale',
      'fr',
      '--out',
      'csv-fr',
    )
    expect(result.status, result.stderr).toBe(0)
    const files = readdirSync(directory.file('csv-fr'))
    expect(files).toEqual(
      expect.arrayContaining(['overview.csv', 'beneficiaries.csv', 'holders.csv']),
    )
    const overview = readFileSync(directory.file('csv-fr/overview.csv'), 'utf8')
    expect(overview.split('\r\n')[0]).toContain(';')
    expect(overview).toMatch(/20000000,00/)
  })

  it.each([
    [['--format', 'csv'], 'Expected --out DIRECTORY with --format csv'],
    [['--format', 'pdf'], 'Expected --format to be one of html, md, csv, json, found "pdf"'],
    [['--as-of', '2025-02-30'], 'Expected --as-of to be a real date'],
    [['--as-known-at', 'yesterday'], 'Expected --as-known-at to be an instant'],
    [
      ['--framework', 'AC-NOPE'],
      'Expected frameworkId to name a framework of the ledger (AC-TEST-2024)',
    ],
    [['--locale', 'de'], 'Expected --locale to be one of en, fr'],
    [['--as-of', '2023-12-31'], 'found none in the time window'],
  ])('exits 2 on %j: %s', (args, message) => {
    const result = run('report', '--store', 'sqlite:ledger.db', ...args)
    expect(result.status).toBe(2)
    expect(result.stderr).toContain(message)
    expect(result.stdout).toBe('')
  })

  it('exits 4 on a ledger that is not there, and creates nothing', () => {
    const result = run('report', '--store', 'sqlite:missing.db')
    expect(result.status).toBe(4)
    expect(result.stderr).toContain('found no file there')
    expect(existsSync(directory.file('missing.db'))).toBe(false)
  })
})

describe('plafond export', () => {
  it('writes the DECP document that exportDecp gives for the same events', () => {
    const result = run(
      'export',
      'decp',
      '--store',
      'sqlite:ledger.db',
      '--published-on',
      TODAY,
      '--out',
      'decp.json',
    )
    expect(result.status, result.stderr).toBe(0)
    const written = readFileSync(directory.file('decp.json'), 'utf8')
    expect(written).toBe(exportDecp(events, { publishedOn: TODAY }).json)
    // The framework and its 6 call-offs.
    expect((JSON.parse(written) as { marches: { marche: unknown[] } }).marches.marche).toHaveLength(
      7,
    )
  })

  it('writes the OCDS release package, with a placeholder prefix and a warning when none is given', () => {
    const result = run('export', 'ocds', '--store', 'sqlite:ledger.db')
    expect(result.status, result.stderr).toBe(0)
    expect(result.stderr).toContain('registered to no one')
    expect(result.stdout).toBe(exportOcds(events, { ocidPrefix: PLACEHOLDER_OCID_PREFIX }).json)
    const own = run(
      'export',
      'ocds',
      '--store',
      'sqlite:ledger.db',
      '--ocid-prefix',
      'ocds-a1b2c3-',
    )
    expect(own.stderr).not.toContain('registered to no one')
    expect(own.stdout).toMatch(/"ocid": ?"ocds-a1b2c3-/)
  })

  it.each([
    [
      ['decp', '--published-on', '2020-01-01'],
      'Expected publishedOn on or after every notification date',
    ],
    [['ocds', '--ocid-prefix', 'ocds-xyz'], 'Expected --ocid-prefix to be "ocds-"'],
    [['xml'], 'Expected one standard, decp or ocds, found xml'],
  ])('exits 2 on %j: %s', (args, message) => {
    const result = run('export', ...args, '--store', 'sqlite:ledger.db')
    expect(result.status).toBe(2)
    expect(result.stderr).toContain(message)
  })
})

describe('plafond replay FILE.csv', () => {
  it('imports a CSV history into an empty ledger: the same report, and a second run replays', async () => {
    writeFileSync(directory.file('history.csv'), exportCsv(events))
    const first = run('replay', 'history.csv', '--store', 'sqlite:copy.db', '--json', '--quiet')
    expect(first.status, first.stderr).toBe(0)
    const copy = await eventsOf('copy.db')
    const report = (list: LedgerEvent[]) =>
      withoutGeneratedAt(reportJson(buildReport(list, { today: TODAY })))
    expect(report(copy)).toEqual(report(events))
    const again = run('replay', 'history.csv', '--store', 'sqlite:copy.db', '--json', '--quiet')
    expect(again.status, again.stderr).toBe(0)
    expect(JSON.parse(again.stdout)).toMatchObject({
      applied: 0,
      replayed:
        first.stdout.match(/"applied": (\d+)/)?.[1] === undefined
          ? -1
          : Number(first.stdout.match(/"applied": (\d+)/)![1]),
    })
    expect((await eventsOf('copy.db')).length).toBe(copy.length)
  })

  it('refuses a CSV with bad rows whole: every bad line listed, nothing written', () => {
    const lines = exportCsv(events).split('\r\n')
    // The first row with an amount gets a third decimal; the row after it loses its cells.
    const amount = /,(\d+\.\d\d),/
    const index = lines.findIndex((line, i) => i > 0 && amount.test(line))
    expect(index).toBeGreaterThan(0)
    lines[index] = lines[index]!.replace(amount, (_, cents: string) => `,${cents}5,`)
    lines[index + 1] = 'call-off'
    writeFileSync(directory.file('bad.csv'), lines.join('\r\n'))
    const result = run('replay', 'bad.csv', '--store', 'sqlite:bad.db')
    expect(result.status).toBe(3)
    expect(result.stderr).toContain(`bad.csv:${index + 1}: `)
    expect(result.stderr).toContain(`bad.csv:${index + 2}: `)
    expect(result.stderr).toContain('bad.csv has 2 invalid rows')
    expect(result.stderr).toContain('nothing was written')
    expect(existsSync(directory.file('bad.db'))).toBe(false)
  })
})
