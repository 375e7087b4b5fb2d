import { resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import { createLedger, type Ledger } from '@plafond/core'
import { CliError } from '../cli-error.js'
import type { CliIo } from '../cli-io.js'
import { EXIT_CODES } from '../exit-codes.js'
import { createProgressReporter } from '../progress-reporter.js'
import { openStore } from '../store/open-store.js'
import type { StoreSpec } from '../store/store-spec.js'
import { checkCommandFile, readCommandFile, type FileCommand } from './command-file.js'
import { readDefaultActor } from './default-actor.js'
import { formatReplaySummary } from './format-replay-summary.js'
import { ReplayTally } from './replay-tally.js'

/** What `plafond replay` was asked to do, its flags checked. */
export interface ReplayRequest {
  /** The command file, as the user named it. */
  readonly file: string
  readonly spec: StoreSpec
  /** Commands per `executeBatch`: one transaction each. */
  readonly batchSize: number
  /** `--actor`: JSON of the default actor. */
  readonly actor: string | undefined
  /** `--actor-file`: a file holding it. */
  readonly actorFile: string | undefined
  /** Exit 1 when a command of the file is refused. */
  readonly strict: boolean
  /** The summary as JSON. */
  readonly json: boolean
  /** No progress. */
  readonly quiet: boolean
}

/** Sends the batch to the ledger and counts each outcome. */
async function replayBatch(
  ledger: Ledger,
  batch: readonly FileCommand[],
  tally: ReplayTally,
): Promise<void> {
  const results = await ledger.executeBatch(
    batch.map((entry) => entry.command),
    { actors: batch.map((entry) => entry.actor) },
  )
  for (const [index, result] of results.entries()) {
    const entry = batch[index]!
    tally.record(entry.line, entry.command, result)
  }
}

/**
 * Replays a JSONL command file: checks every line first and writes nothing if one is bad, then
 * sends the commands to the ledger in batches (one transaction each), with progress, counting
 * each outcome; stops cleanly after the current batch on Ctrl-C.
 */
export async function runReplay(options: ReplayRequest, io: CliIo): Promise<number> {
  const { file, spec, batchSize, quiet } = options
  const defaultActor = await readDefaultActor(options, io.cwd)
  const path = resolve(io.cwd, file)

  const showChecking = io.stderrIsTTY && !quiet
  const checked = await checkCommandFile(path, defaultActor, (lines) => {
    if (showChecking && lines % 10_000 === 0)
      io.stderr(`\r\x1b[Kreplay: checking ${file}: ${lines} lines`)
  })
  if (showChecking) io.stderr('\r\x1b[K')
  if (checked.invalid.length > 0) {
    for (const bad of checked.invalid) io.stderr(`${file}:${bad.line}: ${bad.problem}\n`)
    if (options.json) {
      io.stdout(`${JSON.stringify({ file, invalidLines: checked.invalid }, null, 2)}\n`)
    }
    throw new CliError(
      'invalidInput',
      `${file} has ${checked.invalid.length} invalid line${checked.invalid.length > 1 ? 's' : ''} (listed above); nothing was written. Fix ${checked.invalid.length > 1 ? 'them' : 'it'} and run the same command again.`,
    )
  }
  if (checked.commands === 0) {
    io.stderr(`replay: ${file} holds no command: nothing to do; the store was not opened.\n`)
    return EXIT_CODES.ok.code
  }

  const ledger = createLedger({ store: await openStore(spec, 'write') })
  const tally = new ReplayTally()
  let interrupted = false
  const stopListening = io.onInterrupt(() => {
    interrupted = true
    io.stderr(
      '\nreplay: stopping after the current batch (Ctrl-C again stops at once, which is safe too)\n',
    )
  })
  const started = performance.now()
  const progress = createProgressReporter(io, {
    label: 'replay',
    unit: 'commands',
    total: checked.commands,
    quiet,
  })
  try {
    if (!quiet && !io.stderrIsTTY) {
      io.stderr(
        `replay: ${file}: ${checked.commands} commands checked; replaying into ${spec.display} in batches of ${batchSize}\n`,
      )
    }
    const batch: FileCommand[] = []
    try {
      for await (const entry of readCommandFile(path, defaultActor)) {
        batch.push(entry)
        if (batch.length < batchSize) continue
        await replayBatch(ledger, batch, tally)
        batch.length = 0
        progress.update(tally.processed)
        if (interrupted) break
      }
      if (!interrupted && batch.length > 0) {
        await replayBatch(ledger, batch, tally)
        progress.update(tally.processed)
      }
    } catch (error) {
      progress.finish()
      io.stderr(
        `replay: stopped after ${tally.processed} of ${checked.commands} commands; those are recorded, and running the same command again resumes after them.\n`,
      )
      throw error
    }
    progress.finish()
    // A signal during the last batch stopped nothing.
    const stopped = interrupted && tally.processed < checked.commands
    const summary = tally.summary({
      file,
      store: spec.display,
      commands: checked.commands,
      head: await ledger.head(),
      seconds: (performance.now() - started) / 1000,
      interrupted: stopped,
    })
    io.stdout(options.json ? `${JSON.stringify(summary, null, 2)}\n` : formatReplaySummary(summary))
    if (stopped) return EXIT_CODES.interrupted.code
    if (options.strict && summary.refusals.length > 0) return EXIT_CODES.failed.code
    return EXIT_CODES.ok.code
  } finally {
    stopListening()
    await ledger.close()
  }
}
