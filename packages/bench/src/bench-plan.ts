import type { WorkloadName, WorkloadOptions } from './workload-registry.js'

/** One step of the benchmark: a workload with its options, in `processes` processes in turn. */
export type Step = {
  readonly [N in WorkloadName]: {
    readonly workload: N
    readonly options: WorkloadOptions[N]
    /** Separate processes, one run each, where a figure is a process's own (peak memory). */
    readonly processes?: number
  }
}[WorkloadName]

/** A figure's target from issue 8: at least `min`, or at most `max`. */
export interface Target {
  readonly min?: number
  readonly max?: number
}

/** The targets of issue 8, by figure id. */
export const TARGETS: Readonly<Record<string, Target>> = {
  'memory.execute': { min: 100_000 },
  'sqlite.execute': { min: 2_000 },
  'sqlite.execute-concurrent': { min: 2_000 },
  'sqlite.executeBatch': { min: 50_000 },
  'replay.memory': { min: 1_000_000 },
  'replay.sqlite': { min: 250_000 },
  'replay.sqlite.peak-rss': { max: 300 },
  'replay.linearity': { max: 1.5 },
  'latency.memory.ratio': { max: 1.5 },
  'latency.sqlite.ratio': { max: 1.5 },
}

/** How big the benchmark is. */
export interface PlanOptions {
  readonly quick: boolean
  readonly fresh: boolean
  readonly postgresUrl: string
}

/**
 * The steps of `pnpm bench`: a few minutes on 2 cores, or under a minute with `--quick`, which
 * replays 100 000 events instead of a million and runs fewer, shorter rounds.
 */
export function benchPlan({ quick, fresh, postgresUrl }: PlanOptions): Step[] {
  const logEvents = quick ? 100_000 : 1_000_000
  return [
    {
      workload: 'in-memory-commands',
      options: { commands: quick ? 10_000 : 20_000, runs: quick ? 3 : 5 },
    },
    {
      workload: 'command-stages',
      options: { commands: quick ? 5_000 : 10_000, runs: quick ? 2 : 3 },
    },
    {
      workload: 'sqlite-commands',
      options: {
        single: quick ? 200 : 600,
        concurrent: quick ? 2_000 : 6_000,
        clients: 32,
        batched: quick ? 10_000 : 50_000,
        batchSize: 1_000,
        runs: quick ? 2 : 3,
      },
    },
    {
      workload: 'postgres-writers',
      options: {
        url: postgresUrl,
        writers: 16,
        contracts: quick ? 200 : 400,
        paymentsPerWriter: quick ? 15 : 50,
        awardsPerWriter: quick ? 8 : 20,
        runs: quick ? 1 : 3,
      },
    },
    {
      workload: 'replay-in-memory',
      options: {
        events: logEvents,
        sizes: quick ? [10_000, 100_000] : [10_000, 100_000, 1_000_000],
        runs: quick ? 3 : 5,
        fresh,
      },
    },
    {
      workload: 'replay-from-sqlite',
      options: { events: logEvents, fresh: false },
      processes: quick ? 2 : 3,
    },
    {
      workload: 'command-latency',
      options: {
        small: 1_000,
        large: logEvents,
        commands: quick ? 500 : 2_000,
        runs: quick ? 2 : 3,
        fresh: false,
      },
    },
    {
      workload: 'verify-and-size',
      options: { events: logEvents, runs: quick ? 2 : 3, fresh: false },
    },
  ]
}
