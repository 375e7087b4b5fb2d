import type { CommandInput, ExecuteResult, LogHead, RejectionCode } from '@plafond/core'

/** A command of the file that the ledger refused, with where it is in the file. */
export interface Refusal {
  /** 1-based line number in the file. */
  readonly line: number
  readonly commandId: string
  readonly type: string
  /** The rejection code (`allocation_exceeded`, `forbidden`, …). */
  readonly code: RejectionCode
  /** The ledger's message: what was expected, what was found, what to do. */
  readonly message: string
  /** Refused before (by an earlier run, or earlier in the file) and returned again now. */
  readonly replayed: boolean
}

/** What a replay did, as `--json` prints it. */
export interface ReplaySummary {
  /** The command file. */
  readonly file: string
  /** The store, its password masked. */
  readonly store: string
  /** Commands in the file. */
  readonly commands: number
  /** Commands sent to the ledger by this run: all of them unless it was stopped. */
  readonly processed: number
  /** Commands that wrote their events now. */
  readonly applied: number
  /** Commands whose id already had an outcome (an earlier run, or earlier in the file): nothing written. */
  readonly replayed: number
  /** Commands the ledger refused now. Refusals are outcomes, recorded once like any other. */
  readonly refused: number
  /** Events written by this run. */
  readonly eventsWritten: number
  /** Every line of the file whose outcome is a refusal, this run's or an earlier one's. */
  readonly refusals: readonly Refusal[]
  /** How many of `refusals` carry each code. */
  readonly refusalsByCode: Readonly<Record<string, number>>
  /** The log's last position and hash after the run. */
  readonly head: LogHead | null
  /** Wall-clock seconds spent replaying (the check of the file aside). */
  readonly seconds: number
  /** Whether Ctrl-C or SIGTERM stopped the run before the end of the file. */
  readonly interrupted: boolean
}

/** Counts the outcomes of a replay as they come. */
export class ReplayTally {
  #processed = 0
  #applied = 0
  #replayed = 0
  #refused = 0
  #events = 0
  readonly #refusals: Refusal[] = []

  /** Counts one command's outcome. */
  record(line: number, command: CommandInput, result: ExecuteResult): void {
    this.#processed += 1
    if (result.replayed) this.#replayed += 1
    if (result.ok) {
      if (!result.replayed) {
        this.#applied += 1
        this.#events += result.events.length
      }
      return
    }
    if (!result.replayed) this.#refused += 1
    this.#refusals.push({
      line,
      commandId: command.commandId,
      type: command.type,
      code: result.rejection.code,
      message: result.rejection.message,
      replayed: result.replayed,
    })
  }

  /** How many commands were counted so far. */
  get processed(): number {
    return this.#processed
  }

  /** The summary, once the run is over. */
  summary(run: {
    readonly file: string
    readonly store: string
    readonly commands: number
    readonly head: LogHead | undefined
    readonly seconds: number
    readonly interrupted: boolean
  }): ReplaySummary {
    const refusalsByCode: Record<string, number> = {}
    for (const refusal of this.#refusals) {
      refusalsByCode[refusal.code] = (refusalsByCode[refusal.code] ?? 0) + 1
    }
    return {
      file: run.file,
      store: run.store,
      commands: run.commands,
      processed: this.#processed,
      applied: this.#applied,
      replayed: this.#replayed,
      refused: this.#refused,
      eventsWritten: this.#events,
      refusals: [...this.#refusals],
      refusalsByCode,
      head: run.head ?? null,
      seconds: run.seconds,
      interrupted: run.interrupted,
    }
  }
}
