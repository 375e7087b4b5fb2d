import { fork, type ChildProcess } from 'node:child_process'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Actor, CommandInput } from '@plafond/core'
import { build } from 'tsup'

/** Commands a child process executes together: one `execute`, or one `executeBatch` when `batch`. */
export interface CommandUnit {
  readonly commands: readonly CommandInput[]
  readonly actor: Actor
  readonly batch: boolean
}

/** What the parent sends: the ledger file and the units to execute, in order. */
export interface CommandPlan {
  readonly kind: 'plan'
  readonly path: string
  readonly units: readonly CommandUnit[]
  /** Wait for a `go` message after opening, so that several processes start together. */
  readonly waitForGo: boolean
}

/** One command's outcome, as the child saw it. */
export interface ReportedResult {
  readonly commandId: string
  readonly ok: boolean
  /** The rejection code of a refused command. */
  readonly code?: string
  readonly replayed: boolean
  /** Positions of the events it wrote. */
  readonly positions: readonly string[]
}

/** What the child sends back. */
export type ChildMessage =
  | { readonly kind: 'ready' }
  | { readonly kind: 'unit'; readonly index: number; readonly results: readonly ReportedResult[] }
  | { readonly kind: 'done' }
  | { readonly kind: 'failed'; readonly message: string }

/** A child process running `command-runner.ts` on a ledger file. */
export interface CommandProcess {
  readonly child: ChildProcess
  /** Resolves once the child opened its ledger. */
  readonly ready: Promise<void>
  /** Resolves when the child exits, with its results by unit. */
  readonly exited: Promise<{ readonly code: number | null; readonly signal: string | null }>
  /** Results received so far, by unit index. */
  readonly results: Map<number, readonly ReportedResult[]>
  /** Tells a child that waits for it to start executing. */
  go(): void
  /** Resolves once the child reported `units` units done (at once for 0), or exited. */
  reached(units: number): Promise<void>
}

const RUNNER = fileURLToPath(new URL('./command-runner.ts', import.meta.url))

/**
 * Bundles `command-runner.ts` with the sources of `@plafond/*` into one file in `directory`, and
 * returns its path. A child then starts in a few hundred milliseconds instead of the seconds tsx
 * takes to transform every source file, which is what lets the crash test kill dozens of them.
 * better-sqlite3 stays outside the bundle (a native module), imported from its absolute path.
 */
export async function bundleCommandRunner(directory: string): Promise<string> {
  const sqlite = createRequire(import.meta.url).resolve('better-sqlite3')
  await build({
    entry: { 'command-runner': RUNNER },
    outDir: directory,
    format: ['esm'],
    platform: 'node',
    target: 'node20',
    noExternal: [/.*/],
    dts: false,
    sourcemap: false,
    splitting: false,
    clean: false,
    silent: true,
    config: false,
    esbuildOptions(options) {
      options.conditions = ['@plafond/source']
    },
    esbuildPlugins: [
      {
        name: 'native-better-sqlite3',
        setup(bundler) {
          bundler.onResolve({ filter: /^better-sqlite3$/ }, () => ({
            path: sqlite,
            external: true,
          }))
        },
      },
    ],
  })
  return join(directory, 'command-runner.js')
}

/**
 * Forks the bundled runner (see `bundleCommandRunner`) and sends it the plan. A child that reports
 * `failed` or exits without `done` (unless killed) rejects `exited`.
 */
export function startCommandProcess(
  runner: string,
  plan: Omit<CommandPlan, 'kind'>,
): CommandProcess {
  const child = fork(runner, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
  const results = new Map<number, readonly ReportedResult[]>()
  const waiting: { readonly units: number; readonly resolve: () => void }[] = []
  let failure: string | undefined
  let done = false
  const ready = new Promise<void>((resolve, reject) => {
    child.on('message', (message: ChildMessage) => {
      switch (message.kind) {
        case 'ready':
          resolve()
          break
        case 'unit':
          results.set(message.index, message.results)
          for (const waiter of waiting.filter((w) => results.size >= w.units)) waiter.resolve()
          break
        case 'done':
          done = true
          break
        case 'failed':
          failure = message.message
          reject(new Error(`The command process failed: ${message.message}`))
          break
      }
    })
    child.on('close', () => reject(new Error('The command process exited before it was ready.')))
  })
  // A killed child never becomes ready; its `ready` rejection is expected then.
  ready.catch(() => undefined)
  const exited = new Promise<{ code: number | null; signal: string | null }>((resolve, reject) => {
    // 'close' comes after the last IPC message, unlike 'exit'.
    child.on('close', (code, signal) => {
      for (const waiter of waiting) waiter.resolve()
      if (failure !== undefined) reject(new Error(`The command process failed: ${failure}`))
      else if (signal === null && (!done || code !== 0)) {
        reject(new Error(`The command process exited with code ${code} before reporting done.`))
      } else resolve({ code, signal })
    })
  })
  child.send({ kind: 'plan', ...plan } satisfies CommandPlan)
  return {
    child,
    ready,
    exited,
    results,
    go: () => child.send({ kind: 'go' }),
    reached: (units) =>
      results.size >= units
        ? Promise.resolve()
        : new Promise((resolve) => waiting.push({ units, resolve })),
  }
}
