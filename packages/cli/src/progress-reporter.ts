import { performance } from 'node:perf_hooks'
import type { CliIo } from './cli-io.js'

/** Reports how far a long task has gone, on stderr. */
export interface ProgressReporter {
  /** `done` units are finished. */
  update(done: number): void
  /** The task ended (or stopped): ends the line on a terminal. */
  finish(): void
}

/** Options of `createProgressReporter`. */
export interface ProgressOptions {
  /** The word before the figures (`replay`, `verify`). */
  readonly label: string
  /** What is counted (`commands`, `events`). */
  readonly unit: string
  /** How many units there are in all, if known. */
  readonly total: number
  /** No progress at all (`--quiet`). */
  readonly quiet: boolean
  /** On a non-terminal, one line each time this many percent more are done; 10 by default. */
  readonly everyPercent?: number
}

/** How often the terminal line is redrawn, in milliseconds: often enough to look alive. */
const REDRAW_MS = 100

/** A duration in seconds as a person reads it: `42 s`, `3 min 05 s`, `1 h 02 min`. */
function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds))
  if (s < 60) return `${s} s`
  if (s < 3600) return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`
  return `${Math.floor(s / 3600)} h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')} min`
}

/**
 * Progress as a terminal user wants it (one line that rewrites itself, with the count, the rate
 * and the time left) or as a log wants it (a plain line every tenth, which stays readable in CI).
 */
export function createProgressReporter(io: CliIo, options: ProgressOptions): ProgressReporter {
  const started = performance.now()
  const { label, unit, total } = options
  if (options.quiet || total <= 0) return { update: () => undefined, finish: () => undefined }

  const figures = (done: number): { percent: number; rate: number; left: number } => {
    const seconds = (performance.now() - started) / 1000
    const rate = seconds > 0 ? done / seconds : 0
    return {
      percent: Math.min(100, Math.floor((done * 100) / total)),
      rate,
      left: rate > 0 ? (total - done) / rate : Number.NaN,
    }
  }

  if (io.stderrIsTTY) {
    let drawn = -Infinity
    let last = 0
    const draw = (done: number): void => {
      const { percent, rate, left } = figures(done)
      const eta = Number.isNaN(left)
        ? ''
        : left < 1
          ? ' · less than 1 s left'
          : ` · about ${formatDuration(left)} left`
      io.stderr(
        `\r\x1b[K${label}: ${done}/${total} ${unit} (${percent} %) · ${Math.round(rate)} ${unit}/s${done < total ? eta : ''}`,
      )
      drawn = performance.now()
    }
    return {
      update(done) {
        last = done
        if (performance.now() - drawn >= REDRAW_MS) draw(done)
      },
      finish() {
        draw(last)
        io.stderr('\n')
      },
    }
  }

  const every = options.everyPercent ?? 10
  let reported = 0
  return {
    update(done) {
      const step = Math.floor(figures(done).percent / every)
      if (step <= reported) return
      reported = step
      const { percent, rate } = figures(done)
      io.stderr(
        `${label}: ${done}/${total} ${unit} (${percent} %), ${Math.round(rate)} ${unit}/s\n`,
      )
    },
    finish: () => undefined,
  }
}
