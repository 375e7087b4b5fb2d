import { performance } from 'node:perf_hooks'
import { createLedger, type EventStore, type ExecuteResult, type Ledger } from '@plafond/core'
import type { HistoryLine } from './history-line.js'

/** Where a replay stands, after each batch. */
export interface ReplayProgress {
  /** Lines replayed so far. */
  readonly done: number
  readonly total: number
  /** Of those, commands whose first outcome was already in the ledger. */
  readonly replayed: number
  /** Events written so far by this run. */
  readonly eventsWritten: number
  /** Seconds spent inside `executeBatch` so far. */
  readonly seconds: number
}

/** Options of `replayHistory`. */
export interface ReplayOptions {
  /** Where the events go; a fresh in-memory store when omitted. */
  readonly store?: EventStore
  /** The most commands sent in one `executeBatch`; 500 by default. */
  readonly chunkSize?: number
  /** Called after each batch. */
  readonly onProgress?: (progress: ReplayProgress) => void
}

/** What a replay did: the ledger it filled, each command's outcome, and how long it took. */
export interface ReplayRun {
  /** The ledger over the store, still open: read it, verify it, then close it. */
  readonly ledger: Ledger
  /** One outcome per line, in the order of the lines. */
  readonly results: readonly ExecuteResult[]
  /**
   * Commands answered with their first outcome, already recorded: every command of a resumed
   * run that an earlier run applied, and a client's retry of an earlier line.
   */
  readonly replayed: number
  /** Events this run wrote (those of replayed commands were written before). */
  readonly eventsWritten: number
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
 * Replays history lines through a ledger, in order, `chunkSize` lines per `executeBatch`, each
 * command with the actor of its line. A batch is one append: one transaction and one disk sync
 * on a durable store, whoever issued its commands. Replaying into a store that already holds
 * some of the lines is safe: their command ids are known, so the ledger returns their first
 * outcome (`replayed`) and writes nothing for them.
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
  let replayed = 0
  let eventsWritten = 0
  for (let start = 0; start < lines.length; start += chunkSize) {
    const chunk = lines.slice(start, start + chunkSize)
    const commands = chunk.map((line) => line.command)
    const actors = chunk.map((line) => line.actor)
    const began = performance.now()
    const cpu = process.cpuUsage()
    const outcomes = await ledger.executeBatch(commands, { actors })
    const used = process.cpuUsage(cpu)
    seconds += (performance.now() - began) / 1000
    cpuMicros += used.user + used.system
    for (const outcome of outcomes) {
      if (outcome.replayed) replayed += 1
      else if (outcome.ok) eventsWritten += outcome.events.length
    }
    results.push(...outcomes)
    batches += 1
    options.onProgress?.({
      done: results.length,
      total: lines.length,
      replayed,
      eventsWritten,
      seconds,
    })
  }
  return {
    ledger,
    results,
    replayed,
    eventsWritten,
    batches,
    seconds,
    cpuSeconds: cpuMicros / 1e6,
  }
}
