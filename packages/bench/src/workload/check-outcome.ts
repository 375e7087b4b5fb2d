import type { ExecuteResult } from '@plafond/core'
import type { MixEntry } from './command-mix.js'

/** Counts of what a run of the mix got back. */
export interface MixTally {
  ok: number
  refused: number
  replayed: number
  events: number
}

/** A fresh tally. */
export function emptyTally(): MixTally {
  return { ok: 0, refused: 0, replayed: 0, events: 0 }
}

/**
 * Adds a result to the tally, and throws when it is not what the mix expects: a benchmark of a
 * ledger that refuses what it should accept measures nothing.
 */
export function checkOutcome(entry: MixEntry, result: ExecuteResult, tally: MixTally): void {
  const got = result.replayed ? 'replayed' : result.ok ? 'ok' : 'refused'
  if (got !== entry.expected) {
    const why = result.ok ? '' : `: ${result.rejection.code} ${result.rejection.message}`
    throw new Error(
      `Expected ${entry.command.type} ${entry.command.commandId} to be ${entry.expected}, found ${got}${why}. The workload and the ledger disagree; fix the workload.`,
    )
  }
  tally[got] += 1
  if (result.ok && !result.replayed) tally.events += result.events.length
}
