import { readFileSync, writeFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from './run-cli.js'
import { assertBuilt, runPlafond } from './test-support/plafond-binary.js'
import { recordingIo } from './test-support/recording-io.js'
import { temporaryDirectory } from './test-support/temporary-directory.js'

const directory = temporaryDirectory('usage')
const run = (...args: string[]) => runPlafond(args, { cwd: directory.path })

afterAll(() => directory.remove())

describe('the built binary', () => {
  beforeAll(() => assertBuilt())

  it('lists every command and documents the exit codes in --help', () => {
    const help = run('--help')
    expect(help.status).toBe(0)
    for (const command of ['replay FILE', 'verify', 'head', 'report', 'export decp|ocds']) {
      expect(help.stdout).toContain(command)
    }
    for (const code of ['0', '1', '2', '3', '4', '5', '130']) {
      expect(help.stdout).toMatch(new RegExp(`^ +${code}  \\S`, 'm'))
    }
    expect(help.stdout).toContain('sqlite:plafond.db')
  })

  it('prints the version of the package', () => {
    const { version } = JSON.parse(
      readFileSync(new URL('../package.json', import.meta.url), 'utf8'),
    ) as { version: string }
    expect(run('--version')).toMatchObject({ status: 0, stdout: `${version}\n` })
  })

  it.each([
    ['replay', 'Usage: plafond replay FILE'],
    ['verify', 'Usage: plafond verify'],
    ['head', 'Usage: plafond head'],
    ['report', 'Usage: plafond report'],
    ['export', 'Usage: plafond export decp|ocds'],
  ])('prints the usage of plafond %s with --help', (command, usage) => {
    const result = run(command, '--help')
    expect(result.status).toBe(0)
    expect(result.stdout).toContain(usage)
    expect(result.stdout).toContain('Exit codes')
  })

  it('exits 2 on a usage error, with the message on stderr and nothing on stdout', () => {
    const unknown = run('frob')
    expect(unknown).toMatchObject({ status: 2, stdout: '' })
    expect(unknown.stderr).toBe(
      'plafond: Expected a command, one of replay, verify, head, report, export; found "frob". Run `plafond --help`.\n',
    )
    const noStandard = run('export')
    expect(noStandard).toMatchObject({ status: 2, stdout: '' })
    expect(noStandard.stderr).toContain('plafond export: Expected one standard, decp or ocds')
    const nothing = run()
    expect(nothing.status).toBe(2)
    expect(nothing.stderr).toContain('Usage: plafond <command>')
  })
})

describe('runCli', () => {
  const cli = async (args: readonly string[], env: Record<string, string> = {}) => {
    const io = recordingIo(directory.path, env)
    const status = await runCli(args, io)
    return { status, stdout: io.out(), stderr: io.err() }
  }

  it.each([
    [['-h']],
    [['help', 'replay']],
    [['replay', 'x.jsonl', '--store', 'nowhere', '--help']],
  ])('treats %j as a request for help', async (args) => {
    const result = await cli(args)
    expect(result.status).toBe(0)
    expect(result.stdout).toMatch(/^(plafond \S+: the books|Usage: plafond replay)/)
  })

  it.each([
    [['--store', 'sqlite:x.db', 'verify'], 'Options go after the command'],
    [['help', 'frob'], 'found "frob"'],
    [['verify', '--bogus'], "Unknown option '--bogus'"],
    [['verify', 'extra'], 'Expected no argument after verify, found extra'],
    [['verify', '--store', 'ledger.db'], 'write sqlite:ledger.db'],
    [['verify', '--store', 'mysql://x'], 'Expected --store to be sqlite:PATH'],
    [['verify', '--store', 'sqlite:'], 'to name a file after "sqlite:"'],
    [['head', '--store', 'postgres://x/db?schema='], '?schema= in --store'],
    [['replay'], 'Expected one FILE of commands, found none'],
    [['replay', 'a.jsonl', 'b.jsonl'], 'found 2 (a.jsonl b.jsonl)'],
    [['replay', 'a.jsonl', '--batch-size', '0'], 'Expected --batch-size to be a whole number'],
    [['replay', 'a.jsonl', '--batch-size', 'ten'], 'found "ten"'],
    [['replay', 'a.jsonl', '--actor', '{oops'], 'Expected --actor to be JSON'],
    [['replay', 'a.jsonl', '--actor', '{"id":"x"}'], 'Expected --actor to be an actor'],
    [['replay', 'a.jsonl', '--actor', '{}', '--actor-file', 'a.json'], 'found both'],
    [['replay', 'calls.csv', '--actor', '{}'], 'Expected no --actor or --actor-file with a CSV'],
    [['report', 'extra'], 'Expected no argument after report, found extra'],
    [['report', '--format', 'xls'], 'Expected --format to be one of html, md, csv, json'],
    [
      ['export', 'decp', '--published-on', '30/06/2025'],
      'Expected --published-on to be a real date',
    ],
    [['export', 'xml'], 'Expected one standard, decp or ocds, found xml'],
    [['verify', '--store', 'memory', '--write-checkpoint', 'e.json'], 'found an empty log'],
  ])('plafond %j exits 2: %s', async (args, message) => {
    const result = await cli(args)
    expect(result.status).toBe(2)
    expect(result.stderr).toContain(message)
    expect(result.stdout).toBe('')
  })

  it('reads PLAFOND_STORE when --store is absent, and names it when it is wrong', async () => {
    const result = await cli(['verify'], { PLAFOND_STORE: 'ledger.db' })
    expect(result.status).toBe(2)
    expect(result.stderr).toContain('Expected PLAFOND_STORE to be sqlite:PATH')
    expect((await cli(['verify'], { PLAFOND_STORE: 'memory' })).stdout).toContain(
      'Verified memory: 0 events',
    )
  })

  it.each([
    ['missing.json', 'cannot read it (ENOENT)', undefined],
    ['not-json.json', 'found text that does not parse', 'position 12'],
    ['no-hash.json', 'its "hash" is missing', '{"position":"12"}'],
    ['number.json', 'its "position" is 12, not a positive whole number', '{"position":12}'],
  ])('refuses the checkpoint file %s, exit 3', async (file, message, content) => {
    if (content !== undefined) writeFileSync(directory.file(file), content)
    const result = await cli(['verify', '--store', 'memory', '--checkpoint', file])
    expect(result.status).toBe(3)
    expect(result.stderr).toContain(message)
  })

  it('refuses an --actor-file it cannot read, exit 3', async () => {
    const result = await cli(['replay', 'a.jsonl', '--actor-file', 'nowhere.json'])
    expect(result.status).toBe(3)
    expect(result.stderr).toContain('cannot read nowhere.json (ENOENT). Check the path.')
  })

  it('reports an error it does not know as a bug, exit 5', async () => {
    const io = {
      ...recordingIo(directory.path),
      stdout: () => {
        throw new TypeError('stdout is gone')
      },
    }
    expect(await runCli(['verify', '--store', 'memory'], io)).toBe(5)
    expect(io.err()).toContain('unexpected error: TypeError: stdout is gone')
    expect(io.err()).toContain('This is a bug in plafond')
  })
})
