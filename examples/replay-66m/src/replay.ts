import { performance } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { TOTAL_PAID_CENTS } from './framework-terms.js'
import { HISTORY_FILE, readHistory } from './history-file.js'
import { summarizeLedger } from './ledger-summary.js'
import { replayHistory } from './replay-history.js'
import { formatReplayReport } from './replay-report.js'

// `pnpm replay [file] [--chunk-size N]`: replays the history into an in-memory ledger, then
// prints what the ledger itself says. Exits non-zero when verify() fails, an invariant broke, or
// the total paid is not the calibrated 66 000 000.00 €.
const { values, positionals } = parseArgs({
  options: { 'chunk-size': { type: 'string', default: '500' } },
  allowPositionals: true,
})
const chunkSize = Number(values['chunk-size'])
const file = positionals[0] ?? fileURLToPath(HISTORY_FILE)

const started = performance.now()
const lines = await readHistory(file)
let reported = 0
const run = await replayHistory(lines, {
  chunkSize,
  onProgress: (done, total) => {
    // One line per tenth of the file, so that a log stays short.
    const tenth = Math.floor((done * 10) / total)
    if (tenth === reported) return
    reported = tenth
    process.stderr.write(`replay: ${done}/${total} commands (${tenth * 10} %)\n`)
  },
})
const wallSeconds = (performance.now() - started) / 1000
const summary = await summarizeLedger(run.ledger.readAll())
const verify = await run.ledger.verify()
await run.ledger.close()

process.stdout.write(
  formatReplayReport({
    source: file,
    summary,
    results: run.results,
    batches: run.batches,
    seconds: run.seconds,
    cpuSeconds: run.cpuSeconds,
    wallSeconds,
    verify,
    expectedPaid: TOTAL_PAID_CENTS,
  }),
)

const failures = [
  ...(verify.ok ? [] : [`verify() failed at position ${verify.position}: ${verify.reason}`]),
  ...(summary.totals.paid === TOTAL_PAID_CENTS
    ? []
    : [
        'the total paid is not 66 000 000.00 €: the file is not the calibrated history; run `pnpm generate`',
      ]),
  ...(summary.breaches.length === 0 ? [] : [`${summary.breaches.length} invariant breaches`]),
]
if (failures.length > 0) {
  process.stderr.write(`replay failed: ${failures.join('; ')}\n`)
  process.exitCode = 1
}
