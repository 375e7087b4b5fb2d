import { writeFile } from 'node:fs/promises'
import { join, relative, resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import type { LedgerEvent } from '@plafond/core'
import { firstYearFigures } from './first-year-figures.js'
import { formatFirstYear } from './first-year-report.js'
import { forecastReport } from './forecast-report.js'
import { formatForecastTable } from './forecast-table.js'
import { DEFAULT_SEED } from './framework-terms.js'
import { ledgerFileBytes, openFreshLedgerFile } from './fresh-ledger-file.js'
import { simulateFirstYear } from './simulate-first-year.js'
import { writeFirstYear } from './write-first-year.js'

// `pnpm --filter @plafond/example-framework-495m start [options]`: simulates the first year into
// out/framework-495m.db (fresh each run), prints what the projections say and the forecast
// table, and writes the same forecast to out/forecast.json. Exits non-zero when the ledger
// refused a command or the hash chain does not verify.
const USAGE = `Usage: pnpm --filter @plafond/example-framework-495m start [--seed TEXT] [--months N] [--out DIR]
  --seed TEXT   the simulation's seed (default "${DEFAULT_SEED}"): same seed, same year
  --months N    months of commitments the burn is measured over, 1 to 12 (default 6)
  --out DIR     where framework-495m.db and forecast.json go (default: this example's out/)`

function fail(message: string): never {
  process.stderr.write(`framework-495m: ${message}\n\n${USAGE}\n`)
  process.exit(2)
}

let values: { seed?: string; months?: string; out?: string }
try {
  values = parseArgs({
    options: { seed: { type: 'string' }, months: { type: 'string' }, out: { type: 'string' } },
  }).values
} catch (error) {
  fail((error as Error).message)
}
// pnpm runs the script in this package's directory; a path the user types is relative to where
// they typed it, which pnpm passes as INIT_CWD.
const here = process.env.INIT_CWD ?? process.cwd()
const outDirectory =
  values.out === undefined
    ? fileURLToPath(new URL('../out', import.meta.url))
    : resolve(here, values.out)
const DB_FILE = join(outDirectory, 'framework-495m.db')
const FORECAST_FILE = join(outDirectory, 'forecast.json')
const seed = values.seed ?? DEFAULT_SEED
const months = Number(values.months ?? '6')
if (!Number.isInteger(months) || months < 1 || months > 12) {
  fail(
    `expected --months to be a whole number from 1 to 12, found ${JSON.stringify(values.months)}.`,
  )
}

const started = performance.now()
const year = simulateFirstYear(seed)
const simulated = performance.now()

const written = await writeFirstYear(year.commands, await openFreshLedgerFile(DB_FILE))
const wrote = performance.now()

const events: LedgerEvent[] = []
for await (const event of written.ledger.readAll()) events.push(event)
const figures = firstYearFigures(events)
const report = forecastReport(figures, { seed, months })
const projected = performance.now()

const verify = await written.ledger.verify()
await written.ledger.close()
await writeFile(FORECAST_FILE, `${JSON.stringify(report, null, 2)}\n`)
const finished = performance.now()

const shown = (path: string): string => relative(here, path)
const seconds = (from: number, to: number): string => ((to - from) / 1000).toFixed(2)
process.stdout.write(
  [
    formatFirstYear({ seed, allocations: year.allocations, written, verify, figures }),
    formatForecastTable(report),
    `Ledger ${shown(DB_FILE)} (${((await ledgerFileBytes(DB_FILE)) / 2 ** 20).toFixed(1)} MiB); forecast ${shown(FORECAST_FILE)}.`,
    `Time: simulate ${seconds(started, simulated)} s, write ${seconds(simulated, wrote)} s (${written.batches} daily transactions, ${Math.round(written.commands / written.seconds)} commands/s), project and forecast ${seconds(wrote, projected)} s, verify ${seconds(projected, finished)} s; total ${seconds(started, finished)} s.`,
    '',
  ].join('\n'),
)

for (const refusal of written.refusals) {
  const { command, rejection } = refusal
  process.stderr.write(
    `refused ${command.command.commandId} (${command.command.type}, ${command.date}): ${rejection.code}: ${rejection.message}\n`,
  )
}
if (written.refusals.length > 0 || !verify.ok) {
  process.stderr.write(
    'framework-495m failed: the simulated year must be accepted whole and its chain must verify.\n',
  )
  process.exitCode = 1
}
