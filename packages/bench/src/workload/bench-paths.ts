import { mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The repository's root directory (this file is `packages/bench/src/workload/bench-paths.ts`). */
export const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url))

/** Where `pnpm bench` writes its figures: `bench/results.json` at the root, ignored by git. */
export function resultsPath(): string {
  const directory = join(REPO_ROOT, 'bench')
  mkdirSync(directory, { recursive: true })
  return join(directory, 'results.json')
}

/** The environment variables through which the runner tells its workloads where to write. */
export const SCRATCH_ENV = 'PLAFOND_BENCH_SCRATCH'
export const FIXTURES_ENV = 'PLAFOND_BENCH_FIXTURES'

/** Where fixtures are kept between runs with `--keep-fixtures`. */
export const KEPT_FIXTURES = join(tmpdir(), 'plafond-bench-fixtures')

function directoryFrom(variable: string, fallback: string, parts: readonly string[]): string {
  const path = join(process.env[variable] ?? fallback, ...parts)
  mkdirSync(path, { recursive: true })
  return path
}

/** A directory of this run's scratch space under `os.tmpdir()`, which the runner removes at the end. */
export function scratchDirectory(...parts: string[]): string {
  return directoryFrom(SCRATCH_ENV, join(tmpdir(), `plafond-bench-${process.pid}`), parts)
}

/** Where the event-log fixtures are built: the run's scratch space, or `KEPT_FIXTURES`. */
export function fixturesDirectory(): string {
  return directoryFrom(FIXTURES_ENV, scratchDirectory('fixtures'), [])
}
