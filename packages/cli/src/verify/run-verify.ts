import { resolve } from 'node:path'
import { createLedger, type LogHead, type VerifyResult } from '@plafond/core'
import { CliError } from '../cli-error.js'
import type { CliIo } from '../cli-io.js'
import { EXIT_CODES } from '../exit-codes.js'
import { createProgressReporter } from '../progress-reporter.js'
import { openStore } from '../store/open-store.js'
import type { StoreSpec } from '../store/store-spec.js'
import { readCheckpoint, writeCheckpoint } from './checkpoint-file.js'

/** What `plafond verify` was asked to do, its flags checked. */
export interface VerifyRequest {
  readonly spec: StoreSpec
  /** `--checkpoint`: a checkpoint file to check the log against. */
  readonly checkpoint: string | undefined
  /** `--write-checkpoint`: where to write the head once the log verified. */
  readonly writeCheckpoint: string | undefined
  /** `--outcomes`: also check each event's command outcome. */
  readonly outcomes: boolean
  /** The result as JSON. */
  readonly json: boolean
  /** No progress. */
  readonly quiet: boolean
}

function headText(head: LogHead | undefined): string {
  return head === undefined
    ? 'none (the log is empty)'
    : `position ${head.position}, hash ${head.hash}`
}

/**
 * Verifies the whole log read-only, against a checkpoint if given, prints the result and, when
 * the log verifies, writes its head as a checkpoint if asked. Resolves to 0, or 1 when the log
 * does not verify.
 */
export async function runVerify(options: VerifyRequest, io: CliIo): Promise<number> {
  const { spec, checkpoint: checkpointName, writeCheckpoint: toWrite } = options
  const checkpoint =
    checkpointName === undefined
      ? undefined
      : await readCheckpoint(resolve(io.cwd, checkpointName), checkpointName)

  const ledger = createLedger({ store: await openStore(spec, 'read') })
  let result: VerifyResult
  try {
    // Positions run 1..head without gaps, so the head's position is the number of events to walk.
    const total = Number((await ledger.head())?.position ?? '0')
    const progress = createProgressReporter(io, {
      label: 'verify',
      unit: 'events',
      total,
      quiet: options.quiet,
    })
    result = await ledger.verify({
      ...(checkpoint === undefined ? {} : { checkpoint }),
      outcomes: options.outcomes,
      onProgress: (events) => progress.update(events),
      progressEvery: 1000,
    })
    progress.finish()
  } finally {
    await ledger.close()
  }

  if (!result.ok) {
    io.stdout(
      options.json
        ? `${JSON.stringify({ ok: false, store: spec.display, position: result.position, reason: result.reason }, null, 2)}\n`
        : `Verification FAILED for ${spec.display} at position ${result.position}: ${result.reason}\n` +
            'The log was changed outside Plafond. Keep this copy as evidence, restore the latest backup that verifies, and replay the commands recorded since (plafond replay is idempotent).\n',
    )
    return EXIT_CODES.failed.code
  }

  if (toWrite !== undefined) {
    if (result.head === undefined) {
      throw new CliError(
        'usage',
        `Expected a log with at least one event to write a checkpoint of, found an empty log in ${spec.display}; ${toWrite} was not written. Replay commands first, or check --store.`,
      )
    }
    await writeCheckpoint(resolve(io.cwd, toWrite), toWrite, {
      position: result.head.position,
      hash: result.head.hash,
      events: result.events,
      verifiedAt: new Date().toISOString(),
    })
  }

  if (options.json) {
    io.stdout(
      `${JSON.stringify(
        {
          ok: true,
          store: spec.display,
          events: result.events,
          head: result.head ?? null,
          checkpoint: checkpoint === undefined ? null : { file: checkpointName, ...checkpoint },
          wroteCheckpoint: toWrite ?? null,
        },
        null,
        2,
      )}\n`,
    )
    return EXIT_CODES.ok.code
  }
  const lines = [
    `Verified ${spec.display}: ${result.events} events, hash chain intact.`,
    `Head: ${headText(result.head)}`,
  ]
  if (checkpoint !== undefined) {
    lines.push(
      `Checkpoint ${checkpointName} (position ${checkpoint.position}): still in the log, unchanged.`,
    )
  }
  if (toWrite !== undefined && result.head !== undefined) {
    lines.push(`Wrote checkpoint ${toWrite} (position ${result.head.position}).`)
  }
  io.stdout(`${lines.join('\n')}\n`)
  return EXIT_CODES.ok.code
}
