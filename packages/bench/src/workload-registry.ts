import { commandLatency, type CommandLatencyOptions } from './workloads/command-latency.js'
import { commandStages, type CommandStagesOptions } from './workloads/command-stages.js'
import { inMemoryCommands, type InMemoryCommandsOptions } from './workloads/in-memory-commands.js'
import { postgresWriters, type PostgresWritersOptions } from './workloads/postgres-writers.js'
import { replayFromSqlite, type ReplayFromSqliteOptions } from './workloads/replay-from-sqlite.js'
import { replayInMemory, type ReplayInMemoryOptions } from './workloads/replay-in-memory.js'
import { sqliteCommands, type SqliteCommandsOptions } from './workloads/sqlite-commands.js'
import { verifyAndSize, type VerifyAndSizeOptions } from './workloads/verify-and-size.js'

/** Every workload by name, with the options it takes. */
export interface WorkloadOptions {
  readonly 'in-memory-commands': InMemoryCommandsOptions
  readonly 'command-stages': CommandStagesOptions
  readonly 'sqlite-commands': SqliteCommandsOptions
  readonly 'postgres-writers': PostgresWritersOptions
  readonly 'replay-in-memory': ReplayInMemoryOptions
  readonly 'replay-from-sqlite': ReplayFromSqliteOptions
  readonly 'command-latency': CommandLatencyOptions
  readonly 'verify-and-size': VerifyAndSizeOptions
}

/** A workload's name. */
export type WorkloadName = keyof WorkloadOptions

/** The workloads, each run in a process of its own by `run-workload.ts`. */
export const WORKLOADS: {
  readonly [N in WorkloadName]: (options: WorkloadOptions[N]) => Promise<void>
} = {
  'in-memory-commands': inMemoryCommands,
  'command-stages': commandStages,
  'sqlite-commands': sqliteCommands,
  'postgres-writers': postgresWriters,
  'replay-in-memory': replayInMemory,
  'replay-from-sqlite': replayFromSqlite,
  'command-latency': commandLatency,
  'verify-and-size': verifyAndSize,
}

/** Whether a string names a workload. */
export function isWorkloadName(name: string): name is WorkloadName {
  return Object.hasOwn(WORKLOADS, name)
}
