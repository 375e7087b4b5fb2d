import type { ReplayProgress } from './replay-history.js'

/** Where progress goes: `process.stderr`, or anything with `write` (tests). */
export interface ProgressOutput {
  /** True on a terminal: progress is one line, rewritten in place. */
  readonly isTTY?: boolean
  write(text: string): unknown
}

/** Shows a replay's progress, then ends its line. */
export interface ProgressReporter {
  update(progress: ReplayProgress): void
  finish(): void
}

/** At most this many redraws per second on a terminal: redrawing costs more than a batch. */
const REDRAWS_PER_SECOND = 10

/**
 * Reports progress on a terminal as a single line updated in place (carriage return, then
 * erase to the end of the line), and elsewhere (a log, a CI job) as one plain line per tenth
 * of the file, so that logs stay short and free of control characters.
 */
export function progressReporter(
  output: ProgressOutput,
  now: () => number = () => performance.now(),
): ProgressReporter {
  let lastDraw = -Infinity
  let drawn = false
  let tenths = 0
  return {
    update(progress) {
      if (output.isTTY === true) {
        const at = now()
        const last = progress.done === progress.total
        if (!last && at - lastDraw < 1000 / REDRAWS_PER_SECOND) return
        lastDraw = at
        drawn = true
        output.write(`\r${describe(progress)}\u001b[K`)
        return
      }
      const reached = Math.floor((progress.done * 10) / progress.total)
      if (reached === tenths) return
      tenths = reached
      output.write(`${describe(progress)}\n`)
    },
    finish() {
      if (drawn) output.write('\n')
      drawn = false
    },
  }
}

function describe(progress: ReplayProgress): string {
  const count = (n: number): string => n.toLocaleString('fr-FR')
  const percent = Math.floor((progress.done * 100) / progress.total)
  const rate = progress.seconds > 0 ? Math.round(progress.done / progress.seconds) : 0
  const replayed = progress.replayed > 0 ? `, ${count(progress.replayed)} already applied` : ''
  return `replay: ${count(progress.done)}/${count(progress.total)} commands (${percent} %), ${count(progress.eventsWritten)} events written, ${count(rate)} commands/s${replayed}`
}
