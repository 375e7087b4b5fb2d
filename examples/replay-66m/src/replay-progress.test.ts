import { describe, expect, it } from 'vitest'
import type { ReplayProgress } from './replay-history.js'
import { progressReporter } from './replay-progress.js'

// Counts are written the French way: a narrow no-break space between thousands.
const NNBSP = '\u202f'

const at = (done: number, replayed = 0): ReplayProgress => ({
  done,
  total: 1000,
  replayed,
  eventsWritten: done,
  seconds: done / 1000,
})

function capture(isTTY: boolean): {
  readonly isTTY: boolean
  text: string
  write(t: string): void
} {
  return {
    isTTY,
    text: '',
    write(t) {
      this.text += t
    },
  }
}

describe('progressReporter', () => {
  it('writes one plain line per tenth of the file when the output is not a terminal', () => {
    const output = capture(false)
    const reporter = progressReporter(output)
    for (let done = 50; done <= 1000; done += 50) reporter.update(at(done))
    reporter.finish()
    const lines = output.text.split('\n').filter((line) => line !== '')
    expect(lines).toHaveLength(10)
    expect(lines[0]).toBe(
      `replay: 100/1${NNBSP}000 commands (10 %), 100 events written, 1${NNBSP}000 commands/s`,
    )
    expect(output.text.includes('\r') || output.text.includes('\u001b')).toBe(false)
  })

  it('rewrites a single line on a terminal, at most ten times a second, and ends it once', () => {
    const output = capture(true)
    let clock = 0
    const reporter = progressReporter(output, () => clock)
    reporter.update(at(100))
    clock += 50
    reporter.update(at(200))
    clock += 100
    reporter.update(at(300, 40))
    reporter.update(at(1000, 40))
    reporter.finish()
    const draws = output.text.split('\r').filter((draw) => draw !== '')
    expect(draws).toHaveLength(3)
    expect(draws[1]).toBe(
      `replay: 300/1${NNBSP}000 commands (30 %), 300 events written, 1${NNBSP}000 commands/s, 40 already applied\u001b[K`,
    )
    expect(output.text.endsWith('\n')).toBe(true)
    expect(output.text.split('\n')).toHaveLength(2)
  })
})
