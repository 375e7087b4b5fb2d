/** One measurement of one figure in one run, as a workload reports it to the runner. */
export interface Sample {
  /** Stable id of the figure, such as `memory.execute`. */
  readonly id: string
  /** What was measured, for the table. */
  readonly label: string
  /** `commands/s`, `events/s`, `µs`, `MB`, `bytes/event`, `ratio`, … */
  readonly unit: string
  /** The figure, from wall-clock time when it is a rate or a duration. */
  readonly value: number
  /** The same figure from this process's CPU time, when that means something. */
  readonly cpu?: number
  /** Whether more is better (rates) or less (latencies, memory). */
  readonly better: 'higher' | 'lower'
}

/** The prefix of the stdout lines that carry samples from a workload process to the runner. */
export const SAMPLE_MARK = '@@sample '

/** A figure a workload could not measure, with why (PostgreSQL unreachable, say). */
export interface Skipped {
  readonly id: string
  readonly label: string
  readonly reason: string
}

/** The prefix of the stdout lines that carry skipped figures to the runner. */
export const SKIPPED_MARK = '@@skipped '

/** Tells the runner that a figure was not measured, and why: the table shows it as such. */
export function emitSkipped(skipped: Skipped): void {
  process.stdout.write(`${SKIPPED_MARK}${JSON.stringify(skipped)}\n`)
}

/** Reports a sample to the runner (a line on stdout). */
export function emit(sample: Sample): void {
  process.stdout.write(`${SAMPLE_MARK}${JSON.stringify(sample)}\n`)
}

/** Reports a rate (`count` things over `elapsed`), with its CPU-time twin. */
export function emitRate(
  base: Omit<Sample, 'value' | 'cpu' | 'better'>,
  count: number,
  elapsed: { readonly wallMs: number; readonly cpuMs: number },
): void {
  emit({
    ...base,
    value: (count * 1000) / elapsed.wallMs,
    cpu: (count * 1000) / elapsed.cpuMs,
    better: 'higher',
  })
}

/** A progress line for the person watching (stderr, so that it never mixes with samples). */
export function note(line: string): void {
  process.stderr.write(`  ${line}\n`)
}
