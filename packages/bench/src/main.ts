// `pnpm bench [--quick] [--only=workload,…] [--dist] [--keep-fixtures] [--fresh] [--profile]`:
// runs the workloads, each in a process of its own, prints a table and writes bench/results.json.
// Speed is measured here and never asserted in tests. See docs/performance.md.
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { benchPlan, TARGETS, type Step } from './bench-plan.js'
import { SAMPLE_MARK, SKIPPED_MARK, type Sample, type Skipped } from './measure/sample.js'
import { figuresOf } from './report/figure.js'
import { loadAverage, machineInfo } from './report/machine-info.js'
import { resultsTable } from './report/results-table.js'
import { FIXTURES_ENV, KEPT_FIXTURES, resultsPath, SCRATCH_ENV } from './workload/bench-paths.js'
import { isWorkloadName } from './workload-registry.js'

const SOURCE_CONDITION = '--conditions=@plafond/source'
const PROFILES = join(tmpdir(), 'plafond-bench-profiles')

interface Flags {
  readonly quick: boolean
  readonly dist: boolean
  readonly fresh: boolean
  readonly profile: boolean
  readonly keepFixtures: boolean
  readonly only: readonly string[]
}

function parseFlags(argv: readonly string[]): Flags {
  const flags = {
    quick: false,
    dist: false,
    fresh: false,
    profile: false,
    keepFixtures: false,
    only: [] as string[],
  }
  for (const arg of argv) {
    if (arg === '--') continue
    else if (arg === '--quick') flags.quick = true
    else if (arg === '--dist') flags.dist = true
    else if (arg === '--fresh') flags.fresh = true
    else if (arg === '--profile') flags.profile = true
    else if (arg === '--keep-fixtures') flags.keepFixtures = true
    else if (arg.startsWith('--only=')) flags.only.push(...arg.slice('--only='.length).split(','))
    else {
      throw new Error(
        `Unknown option ${arg}; expected --quick, --only=workload,…, --dist (measure the built packages), --keep-fixtures (keep the event logs in ${KEPT_FIXTURES} for the next run), --fresh (rebuild kept logs) or --profile (CPU profiles in ${PROFILES}).`,
      )
    }
  }
  for (const name of flags.only) {
    if (!isWorkloadName(name))
      throw new Error(`--only names ${JSON.stringify(name)}, which is not a workload.`)
  }
  return flags
}

/** The part of esbuild's API that `bundledWorkloadEntry` uses. */
interface Esbuild {
  buildSync(options: Record<string, unknown>): unknown
}

/**
 * With --dist, `run-workload.ts` and the bench's own modules bundled into one JavaScript file
 * (esbuild, which tsx brings), every package left external, so that `@plafond/*` resolve to their
 * builds. Workload processes then run on plain Node, as users run the packages: under tsx, its
 * loader thread added about 30 MB to every process's resident memory (ADR 15).
 */
function bundledWorkloadEntry(): string {
  const fromTsx = createRequire(createRequire(import.meta.url).resolve('tsx'))
  const esbuild = fromTsx('esbuild') as Esbuild
  const outfile = fileURLToPath(new URL('../dist/run-workload.js', import.meta.url))
  esbuild.buildSync({
    entryPoints: [fileURLToPath(new URL('./run-workload.ts', import.meta.url))],
    outfile,
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'error',
  })
  return outfile
}

/**
 * Node's flags and entry for a workload process: the TypeScript entry under tsx's loader, with
 * the source condition; with --dist, the bundled entry on plain Node.
 */
function childCommand(flags: Flags): string[] {
  // gc() lets `timed` promote a workload's prepared inputs before it starts the clock.
  const v8 = ['--expose-gc', ...(flags.profile ? ['--cpu-prof', `--cpu-prof-dir=${PROFILES}`] : [])]
  if (flags.dist) return [...v8, distEntry ?? (distEntry = bundledWorkloadEntry())]
  const inherited = process.execArgv.filter((arg) => arg !== SOURCE_CONDITION)
  const entry = fileURLToPath(new URL('./run-workload.ts', import.meta.url))
  return [...inherited, SOURCE_CONDITION, ...v8, entry]
}
let distEntry: string | undefined

/** What one workload process reported. */
interface Reported {
  readonly samples: Sample[]
  readonly skipped: Skipped[]
}

/** Runs one workload process; resolves with what it reported, rejects when it fails. */
function runProcess(step: Step, flags: Flags, env: NodeJS.ProcessEnv): Promise<Reported> {
  const child = spawn(
    process.execPath,
    [...childCommand(flags), step.workload, JSON.stringify(step.options)],
    { stdio: ['ignore', 'pipe', 'inherit'], env },
  )
  const samples: Sample[] = []
  const skipped: Skipped[] = []
  let pending = ''
  child.stdout.setEncoding('utf8')
  child.stdout.on('data', (chunk: string) => {
    pending += chunk
    const lines = pending.split('\n')
    pending = lines.pop() ?? ''
    for (const line of lines) {
      if (line.startsWith(SAMPLE_MARK)) {
        samples.push(JSON.parse(line.slice(SAMPLE_MARK.length)) as Sample)
      } else if (line.startsWith(SKIPPED_MARK)) {
        skipped.push(JSON.parse(line.slice(SKIPPED_MARK.length)) as Skipped)
      } else if (line !== '') process.stderr.write(`  ${line}\n`)
    }
  })
  return new Promise((resolve, reject) => {
    child.on('error', reject)
    child.on('close', (code) => {
      if (code === 0) resolve({ samples, skipped })
      else reject(new Error(`workload ${step.workload} exited with code ${String(code)}`))
    })
  })
}

const flags = parseFlags(process.argv.slice(2))
const started = Date.now()
const loadBefore = loadAverage()
const plan = benchPlan({
  quick: flags.quick,
  fresh: flags.fresh,
  postgresUrl:
    process.env.PLAFOND_BENCH_DATABASE_URL ??
    process.env.PLAFOND_TEST_DATABASE_URL ??
    'postgres://postgres@127.0.0.1:5432/test',
}).filter((step) => flags.only.length === 0 || flags.only.includes(step.workload))

// Scratch files (SQLite files, and the event logs unless kept) live under os.tmpdir() and are
// removed when the run ends, however it ends.
const scratch = mkdtempSync(join(tmpdir(), 'plafond-bench-'))
const removeScratch = (): void => rmSync(scratch, { recursive: true, force: true })
process.on('exit', removeScratch)
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => process.exit(130))
}
const env: NodeJS.ProcessEnv = {
  ...process.env,
  [SCRATCH_ENV]: scratch,
  [FIXTURES_ENV]: flags.keepFixtures ? KEPT_FIXTURES : join(scratch, 'fixtures'),
}

const samples: Sample[] = []
const skipped: Skipped[] = []
const failures: string[] = []
for (const step of plan) {
  const processes = step.processes ?? 1
  for (let p = 0; p < processes; p++) {
    const which = processes > 1 ? ` (process ${p + 1} of ${processes})` : ''
    const elapsed = ((Date.now() - started) / 1000).toFixed(0)
    process.stderr.write(`▸ ${step.workload}${which}, at ${elapsed} s\n`)
    try {
      const reported = await runProcess(step, flags, env)
      samples.push(...reported.samples)
      skipped.push(...reported.skipped)
    } catch (error) {
      failures.push((error as Error).message)
      process.stderr.write(`✗ ${(error as Error).message}\n`)
      break
    }
  }
}

const figures = figuresOf(samples, TARGETS)
const results = {
  date: new Date().toISOString(),
  mode: flags.quick ? 'quick' : 'full',
  packages: flags.dist ? 'built dist' : 'TypeScript sources (tsx)',
  machine: machineInfo(),
  loadAverage: { before: loadBefore, after: loadAverage() },
  seconds: Math.round((Date.now() - started) / 100) / 10,
  figures,
  skipped: skipped.map((s) => ({ ...s, target: TARGETS[s.id] })),
  failures,
}
const out = resultsPath()
writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`)
process.stdout.write(
  `\n${resultsTable(figures, skipped)}\n\n${results.machine.cpu}, ${results.machine.cores} cores, Node ${results.machine.node}, ${results.packages}; load ${loadBefore} → ${results.loadAverage.after}; ${results.seconds} s. Written to ${out}.\n`,
)
if (failures.length > 0) {
  process.stdout.write(`\n${failures.length} workload(s) failed: ${failures.join('; ')}\n`)
  process.exitCode = 1
}
