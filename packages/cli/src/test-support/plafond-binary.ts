import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The built executable the tests run, as a user would. */
export const PLAFOND_BIN = fileURLToPath(new URL('../../dist/cli.js', import.meta.url))

const SOURCES = fileURLToPath(new URL('..', import.meta.url))

function newestSource(directory: string): number {
  let newest = 0
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name)
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path))
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts'))
      newest = Math.max(newest, statSync(path).mtimeMs)
  }
  return newest
}

/**
 * Throws, saying what to run, when `dist/cli.js` is missing or older than the sources: the tests
 * exercise the built binary, and the gate builds before it tests.
 */
export function assertBuilt(): void {
  let built: number
  try {
    built = statSync(PLAFOND_BIN).mtimeMs
  } catch {
    throw new Error(
      `Expected the built CLI at ${PLAFOND_BIN}, found nothing. Run \`pnpm build\` (or \`pnpm --filter @plafond/cli build\`) before these tests.`,
    )
  }
  if (built < newestSource(SOURCES)) {
    throw new Error(
      `Expected ${PLAFOND_BIN} to be built from the current sources, found it older than packages/cli/src. Run \`pnpm --filter @plafond/cli build\` before these tests.`,
    )
  }
}

/** What a finished run printed, and how it ended. */
export interface PlafondRun {
  readonly status: number | null
  readonly stdout: string
  readonly stderr: string
}

/** Options of a run: its working directory and extra environment. */
export interface RunOptions {
  readonly cwd: string
  readonly env?: Readonly<Record<string, string>>
}

function environment(extra: Readonly<Record<string, string>> = {}): NodeJS.ProcessEnv {
  // The developer's own PLAFOND_STORE must not leak into the tests.
  const { PLAFOND_STORE: _ignored, ...inherited } = process.env
  return { ...inherited, ...extra }
}

/** Runs `plafond ARGS` to completion. */
export function runPlafond(args: readonly string[], options: RunOptions): PlafondRun {
  const result = spawnSync(process.execPath, [PLAFOND_BIN, ...args], {
    cwd: options.cwd,
    env: environment(options.env),
    encoding: 'utf8',
    timeout: 120_000,
  })
  if (result.error) throw result.error
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}

/** Starts `plafond ARGS` without waiting for it, for tests that interrupt it. */
export function startPlafond(args: readonly string[], options: RunOptions): ChildProcess {
  return spawn(process.execPath, [PLAFOND_BIN, ...args], {
    cwd: options.cwd,
    env: environment(options.env),
    stdio: ['ignore', 'pipe', 'pipe'],
  })
}
