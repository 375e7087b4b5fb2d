import { readFileSync } from 'node:fs'
import { performance } from 'node:perf_hooks'
import { createLedger, type LedgerEvent } from '@plafond/core'
import { readEvents, steppingClock, type FixtureLine } from './small-ledger.js'

/** The synthetic history of the 66 M€ framework, committed with its example. */
export const HISTORY_66M = new URL(
  '../../../../../examples/replay-66m/data/history.jsonl',
  import.meta.url,
)

/** The lines of the 66 M€ history: one command and its actor per line. */
export function readHistory66m(): FixtureLine[] {
  return readFileSync(HISTORY_66M, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as FixtureLine)
}

/** A ledger's events after a replay, and how long the replay took. */
export interface ReplayedHistory {
  readonly events: LedgerEvent[]
  /** Commands the ledger applied (the history also sends some it must refuse). */
  readonly applied: number
  readonly refused: number
  readonly seconds: number
}

/**
 * Replays history lines into a fresh in-memory ledger, one command at a time (so that the log's
 * order is the commands' order), on a `steppingClock` from `clockStart`.
 */
export async function replayLines(
  lines: readonly FixtureLine[],
  clockStart = '2025-12-31T08:00:00.000Z',
): Promise<ReplayedHistory> {
  const ledger = createLedger({ clock: steppingClock(clockStart) })
  const began = performance.now()
  let applied = 0
  let refused = 0
  for (const { actor, command } of lines) {
    const result = await ledger.execute(command, { actor })
    if (result.ok) applied += 1
    else refused += 1
  }
  const seconds = (performance.now() - began) / 1000
  const events = await readEvents(ledger)
  await ledger.close()
  return { events, applied, refused, seconds }
}
