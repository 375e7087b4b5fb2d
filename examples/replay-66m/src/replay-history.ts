import { performance } from 'node:perf_hooks'
import { createLedger, type EventStore, type ExecuteResult, type Ledger } from '@plafond/core'
import type { HistoryLine } from './history-line.js'

/** Options of `replayHistory`. */
export interface ReplayOptions {
  /** Where the events go; a fresh in-memory store when omitted. */
  readonly store?: EventStore
  /** The most commands sent in one `executeBatch`; 500 by default. */
  readonly chunkSize?: number
  /** Called after each batch with the number of commands replayed so far. */
  readonly onProgress?: (done: number, total: number) => void
}

/** What a replay did: the ledger it filled, each command's outcome, and how long it took. */
export interface ReplayRun {
  /** The ledger over the store, still open: read it, verify it, then close it. */
  readonly ledger: Ledger
  /** One outcome per line, in the order of the lines. */
  readonly results: readonly ExecuteResult[]
  /** How many `executeBatch` calls the replay made. */
  readonly batches: number
  /** Seconds spent inside `executeBatch`: the figure commands per second is measured on. */
  readonly seconds: number
  /**
   * CPU seconds the process used during those calls (user + system): steadier than wall time
   * on a shared machine, where other processes take turns on the cores.
   */
  readonly cpuSeconds: number
}

/**
 * Replays history lines through a ledger, in order. `executeBatch` takes one actor, so a batch is
 * a run of consecutive lines issued by the same actor, cut at `chunkSize`; each batch is one
 * append (one transaction on a durable store).
 */
export async function replayHistory(
  lines: readonly HistoryLine[],
  options: ReplayOptions = {},
): Promise<ReplayRun> {
  const chunkSize = options.chunkSize ?? 500
  if (!Number.isInteger(chunkSize) || chunkSize < 1) {
    throw new RangeError(`Expected a chunk size of at least 1, found ${chunkSize}.`)
  }
  const ledger = createLedger(options.store === undefined ? {} : { store: options.store })
  const results: ExecuteResult[] = []
  let batches = 0
  let seconds = 0
  let cpuMicros = 0
  // Two lines go in one batch only if their actors are identical, roles included.
  const actorKeys = lines.map((line) => JSON.stringify(line.actor))
  let start = 0
  while (start < lines.length) {
    const actor = lines[start]!.actor
    let end = start + 1
    while (end < lines.length && end - start < chunkSize && actorKeys[end] === actorKeys[start])
      end++
    const commands = lines.slice(start, end).map((line) => line.command)
    const began = performance.now()
    const cpu = process.cpuUsage()
    const outcomes = await ledger.executeBatch(commands, { actor })
    const used = process.cpuUsage(cpu)
    seconds += (performance.now() - began) / 1000
    cpuMicros += used.user + used.system
    results.push(...outcomes)
    batches += 1
    start = end
    options.onProgress?.(start, lines.length)
  }
  return { ledger, results, batches, seconds, cpuSeconds: cpuMicros / 1e6 }
}
