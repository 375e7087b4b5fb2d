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

/**
 * Moves what the workload prepared out of V8's young generation: two minor collections, so that
 * every object still alive has survived twice and been promoted. A workload builds its inputs
 * right before it times their use (20 000 commands of the mix are 6.5 MB that stay alive for the
 * whole run), and the measured work's first scavenges would otherwise copy them twice: about 7 ms
 * of a 190 ms run, charged to the ledger for the bench's own data. A service's inputs die young.
 * The measured work still pays for every collection of what it allocates itself. Needs
 * `--expose-gc`, which `pnpm bench` gives each workload process.
 */
export function settleYoungGeneration(): void {
  if (typeof globalThis.gc !== 'function') {
    throw new Error(
      'Expected the workload process to run with --expose-gc (pnpm bench starts it so), found no gc(). Run the workload through `pnpm bench`, or add --expose-gc to node.',
    )
  }
  globalThis.gc({ type: 'minor' })
  globalThis.gc({ type: 'minor' })
}

/** Times `work`, from a settled young generation (`settleYoungGeneration`). */
export async function timed<T>(work: () => T | Promise<T>): Promise<{ result: T } & Elapsed> {
  settleYoungGeneration()
  const elapsed = stopwatch()
  const result = await work()
  return { result, ...elapsed() }
}
