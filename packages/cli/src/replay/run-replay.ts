import { resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import { createLedger, type Ledger } from '@plafond/core'
import { CliError } from '../cli-error.js'
import type { CliIo } from '../cli-io.js'
import { EXIT_CODES } from '../exit-codes.js'
import { createProgressReporter } from '../progress-reporter.js'
import { openStore } from '../store/open-store.js'
import type { StoreSpec } from '../store/store-spec.js'
import {
  checkCommandFile,
  readCommandFile,
  type FileCommand,
  type InvalidLine,
} from './command-file.js'
import { checkCsvFile } from './csv-command-file.js'
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
  /** The file is a CSV of historical events (`importCsv`), not JSONL commands. */
  readonly csv: boolean
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

/** The commands of a checked file: how many, and how to read them in order. */
interface CommandSource {
  readonly commands: number
  readonly entries: () => AsyncIterable<FileCommand>
}

/** Prints every bad line and refuses the file: nothing was written. */
function refuseFile(
  file: string,
  invalid: readonly InvalidLine[],
  options: ReplayRequest,
  io: CliIo,
): never {
  for (const bad of invalid) io.stderr(`${file}:${bad.line}: ${bad.problem}\n`)
  if (options.json) io.stdout(`${JSON.stringify({ file, invalidLines: invalid }, null, 2)}\n`)
  const many = invalid.length > 1
  throw new CliError(
    'invalidInput',
    `${file} has ${invalid.length} invalid ${options.csv ? 'row' : 'line'}${many ? 's' : ''} (listed above); nothing was written. Fix ${many ? 'them' : 'it'} and run the same command again.`,
  )
}

/** Checks a JSONL file line by line (streamed), or refuses it. */
async function jsonlSource(
  path: string,
  options: ReplayRequest,
  io: CliIo,
): Promise<CommandSource> {
  const defaultActor = await readDefaultActor(options, io.cwd)
  const showChecking = io.stderrIsTTY && !options.quiet
  const checked = await checkCommandFile(path, defaultActor, (lines) => {
    if (showChecking && lines % 10_000 === 0)
      io.stderr(`\r\x1b[Kreplay: checking ${options.file}: ${lines} lines`)
  })
  if (showChecking) io.stderr('\r\x1b[K')
  if (checked.invalid.length > 0) refuseFile(options.file, checked.invalid, options, io)
  return { commands: checked.commands, entries: () => readCommandFile(path, defaultActor) }
}

/** Turns a CSV file into commands with `importCsv` (held in memory), or refuses it. */
async function csvSource(path: string, options: ReplayRequest, io: CliIo): Promise<CommandSource> {
  if (options.actor !== undefined || options.actorFile !== undefined) {
    throw new CliError(
      'usage',
      `Expected no --actor or --actor-file with a CSV file: each row's actor follows from its kind (a buyer of the call-off's beneficiary, the coordinator, …) and its actor column. Remove the option.`,
    )
  }
  const checked = await checkCsvFile(path, options.spec)
  if (!checked.ok) refuseFile(options.file, checked.invalid, options, io)
  const { commands } = checked
  return {
    commands: commands.length,
    entries: async function* () {
      yield* commands
    },
  }
}

/**
 * Replays a command file, JSONL or CSV: checks all of it first and writes nothing if any line or
 * row is bad, then sends the commands to the ledger in batches (one transaction each), with
 * progress, counting each outcome; stops cleanly after the current batch on Ctrl-C.
 */
export async function runReplay(options: ReplayRequest, io: CliIo): Promise<number> {
  const { file, spec, batchSize, quiet } = options
  const path = resolve(io.cwd, file)
  const source = options.csv
    ? await csvSource(path, options, io)
    : await jsonlSource(path, options, io)
  if (source.commands === 0) {
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
    total: source.commands,
    quiet,
  })
  try {
    if (!quiet && !io.stderrIsTTY) {
      io.stderr(
        `replay: ${file}: ${source.commands} commands checked; replaying into ${spec.display} in batches of ${batchSize}\n`,
      )
    }
    const batch: FileCommand[] = []
    try {
      for await (const entry of source.entries()) {
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
        `replay: stopped after ${tally.processed} of ${source.commands} commands; those are recorded, and running the same command again resumes after them.\n`,
      )
      throw error
    }
    progress.finish()
    // A signal during the last batch stopped nothing.
    const stopped = interrupted && tally.processed < source.commands
    const summary = tally.summary({
      file,
      store: spec.display,
      commands: source.commands,
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
