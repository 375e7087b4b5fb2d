/** Wall-clock and CPU time of some work, in milliseconds. */
export interface Elapsed {
  readonly wallMs: number
  /** User and system CPU time of this process (all its threads) over the same span. */
  readonly cpuMs: number
}

/** Starts timing; the returned function gives the time elapsed since. */
export function stopwatch(): () => Elapsed {
  const wall = process.hrtime.bigint()
  const cpu = process.cpuUsage()
  return () => {
    const used = process.cpuUsage(cpu)
    return {
      wallMs: Number(process.hrtime.bigint() - wall) / 1e6,
      cpuMs: (used.user + used.system) / 1000,
    }
  }
}

/** Times `work`. */
export async function timed<T>(work: () => T | Promise<T>): Promise<{ result: T } & Elapsed> {
  const elapsed = stopwatch()
  const result = await work()
  return { result, ...elapsed() }
}
