import { performance } from 'node:perf_hooks'
import {
  createLedger,
  type EcbHalfYearRate,
  type EventStore,
  type Ledger,
  type Rejection,
} from '@plafond/core'
import { ECB_RATES_WITH_ASSUMPTION } from './assumed-ecb-rates.js'
import type { SimulatedCommand } from './simulated-command.js'
import { simulatedClock } from './simulated-clock.js'

/** A command the ledger refused, with its reason. */
export interface Refusal {
  readonly command: SimulatedCommand
  readonly rejection: Rejection
}

/** Options of `writeFirstYear`. */
export interface WriteOptions {
  /** The ECB rates for late-payment interest; core's table with the assumed 2026-H2 by default. */
  readonly ecbRates?: readonly EcbHalfYearRate[]
}

/** The simulated year written into a ledger. */
export interface WrittenYear {
  /** Still open: the caller reads, verifies and closes it. */
  readonly ledger: Ledger
  readonly commands: number
  readonly eventsWritten: number
  /** Commands the ledger refused; the simulation means none. */
  readonly refusals: readonly Refusal[]
  /** One per business day: one transaction each. */
  readonly batches: number
  /** Wall-clock seconds spent in `executeBatch`. */
  readonly seconds: number
}

/**
 * Writes the simulated commands into a ledger over `store`, one business day at a time: the
 * simulated clock moves to that day, and the day's commands go in one `executeBatch` (one
 * transaction, each command with its own actor). The ledger is given the ECB rates with the
 * assumed 2026-H2 rate (unless `options.ecbRates` says otherwise), and deterministic event ids,
 * so the same commands give the same log, hash chain included.
 */
export async function writeFirstYear(
  commands: readonly SimulatedCommand[],
  store: EventStore,
  options: WriteOptions = {},
): Promise<WrittenYear> {
  const first = commands[0]
  if (first === undefined) throw new RangeError('Expected at least one command to write.')
  const clock = simulatedClock(first.date)
  const ledger = createLedger({
    store,
    clock: clock.now,
    newId: clock.newId,
    ecbRates: options.ecbRates ?? ECB_RATES_WITH_ASSUMPTION,
  })
  const refusals: Refusal[] = []
  let eventsWritten = 0
  let batches = 0
  let seconds = 0
  for (const day of byDay(commands)) {
    clock.setDay(day[0]!.date)
    const started = performance.now()
    const results = await ledger.executeBatch(
      day.map((c) => c.command),
      { actors: day.map((c) => c.actor) },
    )
    seconds += (performance.now() - started) / 1000
    batches++
    results.forEach((result, i) => {
      if (result.ok) eventsWritten += result.events.length
      else refusals.push({ command: day[i]!, rejection: result.rejection })
    })
  }
  return { ledger, commands: commands.length, eventsWritten, refusals, batches, seconds }
}

function* byDay(commands: readonly SimulatedCommand[]): Generator<SimulatedCommand[]> {
  let day: SimulatedCommand[] = []
  for (const command of commands) {
    if (day.length > 0 && day[0]!.date !== command.date) {
      yield day
      day = []
    }
    day.push(command)
  }
  if (day.length > 0) yield day
}
