import { relative, resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'
import type { LedgerEvent } from '@plafond/core'
import { parseArgs } from 'node:util'
import { TOTAL_PAID_CENTS } from './framework-terms.js'
import { HISTORY_FILE, readHistory } from './history-file.js'
import { summarizeLedger } from './ledger-summary.js'
import { replayHistory } from './replay-history.js'
import { progressReporter } from './replay-progress.js'
import { formatReplayReport } from './replay-report.js'
import { openReplayStore, type ReplayStoreChoice } from './replay-store.js'
import { writeReports } from './write-reports.js'

// `pnpm replay [file] [options]`: replays the history into a SQLite ledger file (or memory),
// then prints what the ledger itself says. Exits non-zero when verify() fails, an invariant
// broke, or a whole history does not pay the calibrated 66 000 000.00 €.
const USAGE = `Usage: pnpm replay [history.jsonl] [options]
  --store sqlite|memory     where the events go (default sqlite)
  --db PATH                 the SQLite ledger file (default out/ledger.db in this example)
  --synchronous FULL|NORMAL SQLite's sync at each commit (default FULL: durable on power loss)
  --resume                  keep the ledger already in the file and replay the history into it
  --limit N                 replay only the first N lines (then --resume to finish)
  --chunk-size N            commands per executeBatch, one transaction each (default 500)
  --out DIR                 where report.html, report.md, decp.json and ocds.json go
                            (default out/ in this example)
  --no-reports              replay and verify only`

const DEFAULT_DB = fileURLToPath(new URL('../out/ledger.db', import.meta.url))
const DEFAULT_OUT = fileURLToPath(new URL('../out', import.meta.url))

// pnpm runs the script in this package's directory; paths the user types are relative to where
// they typed them, which pnpm passes as INIT_CWD.
const userPath = (path: string): string => resolve(process.env.INIT_CWD ?? process.cwd(), path)

function fail(message: string): never {
  process.stderr.write(`replay: ${message}\n\n${USAGE}\n`)
  process.exit(2)
}

function positiveInteger(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined
  const value = Number(text)
  if (!Number.isSafeInteger(value) || value < 1) {
    fail(`expected --${name} to be a whole number of at least 1, found ${JSON.stringify(text)}.`)
  }
  return value
}

function storeChoice(values: {
  store?: string
  db?: string
  synchronous?: string
  resume?: boolean
}): ReplayStoreChoice {
  const kind = values.store ?? 'sqlite'
  if (kind === 'memory') {
    if (values.resume === true || values.db !== undefined || values.synchronous !== undefined) {
      fail('--resume, --db and --synchronous apply to --store sqlite; a memory store starts empty.')
    }
    return { kind: 'memory' }
  }
  if (kind !== 'sqlite') fail(`expected --store sqlite or memory, found ${JSON.stringify(kind)}.`)
  const synchronous = values.synchronous ?? 'FULL'
  if (synchronous !== 'FULL' && synchronous !== 'NORMAL') {
    fail(`expected --synchronous FULL or NORMAL, found ${JSON.stringify(synchronous)}.`)
  }
  const path = values.db === undefined ? DEFAULT_DB : userPath(values.db)
  return { kind, path, synchronous, resume: values.resume === true }
}

let parsed
try {
  parsed = parseArgs({
    options: {
      store: { type: 'string' },
      db: { type: 'string' },
      synchronous: { type: 'string' },
      resume: { type: 'boolean' },
      limit: { type: 'string' },
      'chunk-size': { type: 'string' },
      out: { type: 'string' },
      'no-reports': { type: 'boolean' },
    },
    allowPositionals: true,
  })
} catch (error) {
  fail((error as Error).message)
}
const { values, positionals } = parsed
const chunkSize = positiveInteger('chunk-size', values['chunk-size']) ?? 500
const limit = positiveInteger('limit', values.limit)
const choice = storeChoice(values)
const file = positionals[0] === undefined ? fileURLToPath(HISTORY_FILE) : userPath(positionals[0])

const started = performance.now()
const history = await readHistory(file)
const lines = limit === undefined ? history : history.slice(0, limit)
const opened = await openReplayStore(choice)
const progress = progressReporter(process.stderr)
const run = await replayHistory(lines, {
  store: opened.store,
  chunkSize,
  onProgress: (p) => progress.update(p),
})
progress.finish()
const wallSeconds = (performance.now() - started) / 1000
const events: LedgerEvent[] = []
for await (const event of run.ledger.readAll()) events.push(event)
const summary = await summarizeLedger(events)
const verify = await run.ledger.verify()
await run.ledger.close()
const reportsStarted = performance.now()
const reports =
  values['no-reports'] === true
    ? undefined
    : await writeReports(events, values.out === undefined ? DEFAULT_OUT : userPath(values.out))
const reportSeconds = (performance.now() - reportsStarted) / 1000
const bytes = await opened.bytesOnDisk()

const whole = lines.length === history.length
process.stdout.write(
  formatReplayReport({
    source: whole ? file : `${file} (first ${lines.length} of ${history.length} lines)`,
    summary,
    results: run.results,
    replayed: run.replayed,
    eventsWritten: run.eventsWritten,
    store: { label: opened.label, bytes },
    batches: run.batches,
    seconds: run.seconds,
    cpuSeconds: run.cpuSeconds,
    wallSeconds,
    verify,
    expectedPaid: whole ? TOTAL_PAID_CENTS : undefined,
  }),
)
if (reports !== undefined) {
  const cwd = process.env.INIT_CWD ?? process.cwd()
  process.stdout.write(
    `\nReports and open data in ${relative(cwd, reports.directory) || '.'} (${reportSeconds.toFixed(2)} s):\n${reports.files
      .map((file) => `  ${file.name.padEnd(12)} ${(file.bytes / 1024).toFixed(0).padStart(6)} KiB`)
      .join('\n')}\n`,
  )
}

const failures = [
  ...(verify.ok ? [] : [`verify() failed at position ${verify.position}: ${verify.reason}`]),
  ...(!whole || summary.totals.paid === TOTAL_PAID_CENTS
    ? []
    : [
        'the total paid is not 66 000 000.00 €: the file is not the calibrated history; run `pnpm --filter @plafond/example-replay-66m generate`',
      ]),
  ...(summary.breaches.length === 0 ? [] : [`${summary.breaches.length} invariant breaches`]),
]
if (failures.length > 0) {
  process.stderr.write(`replay failed: ${failures.join('; ')}\n`)
  process.exitCode = 1
}
