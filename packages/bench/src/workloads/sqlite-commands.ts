import { rmSync } from 'node:fs'
import { createLedger, type Ledger } from '@plafond/core'
import { createSqliteStore, type SqliteSynchronous } from '@plafond/store-sqlite'
import { emitRate, note } from '../measure/sample.js'
import { timed } from '../measure/stopwatch.js'
import { scratchDirectory } from '../workload/bench-paths.js'
import { commandMix, takeMix } from '../workload/command-mix.js'
import {
  executeConcurrently,
  executeInBatches,
  executeInTurn,
  openFramework,
} from '../workload/mix-clients.js'
import { syntheticFramework } from '../workload/synthetic-framework.js'

/** Options of `sqliteCommands`. */
export interface SqliteCommandsOptions {
  /** Commands per run for one writer awaiting each `execute`. */
  readonly single: number
  /** Commands per run for `clients` concurrent callers of `execute`. */
  readonly concurrent: number
  readonly clients: number
  /** Commands per run with `executeBatch`, in batches of `batchSize`. */
  readonly batched: number
  readonly batchSize: number
  readonly runs: number
}

async function onFreshFile<T>(
  synchronous: SqliteSynchronous,
  work: (ledger: Ledger) => Promise<T>,
): Promise<T> {
  const path = `${scratchDirectory()}/commands-${process.pid}.db`
  const remove = (): void => {
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true })
  }
  remove()
  const ledger = createLedger({ store: createSqliteStore({ path, synchronous }) })
  try {
    const framework = syntheticFramework()
    await openFramework(ledger, framework.setup, framework.coordinator)
    return await work(ledger)
  } finally {
    await ledger.close()
    remove()
  }
}

/**
 * Commands per second on a SQLite file with `synchronous=FULL` (every commit reaches the disk
 * before `execute` resolves): one writer awaiting each command; `clients` callers at once (which
 * the store may commit together); and `executeBatch`.
 */
export async function sqliteCommands(options: SqliteCommandsOptions): Promise<void> {
  const framework = syntheticFramework()
  for (let run = 0; run < options.runs; run++) {
    const single = takeMix(commandMix(framework, { prefix: `s${run}` }), options.single)
    const one = await onFreshFile('FULL', (ledger) => timed(() => executeInTurn(ledger, single)))
    note(
      `SQLite FULL, 1 writer, run ${run + 1}: ${single.length} commands in ${one.wallMs.toFixed(0)} ms`,
    )
    emitRate(
      {
        id: 'sqlite.execute',
        label: 'SQLite FULL: execute, 1 writer, 1 command per transaction',
        unit: 'commands/s',
      },
      single.length,
      one,
    )

    const perClient = Math.ceil(options.concurrent / options.clients)
    const clients = Array.from({ length: options.clients }, (_, k) =>
      takeMix(commandMix(framework, { prefix: `c${run}-${k}`, wave: 8 }), perClient),
    )
    const many = await onFreshFile('FULL', (ledger) =>
      timed(() => executeConcurrently(ledger, clients)),
    )
    note(
      `SQLite FULL, ${options.clients} callers, run ${run + 1}: ${perClient * options.clients} commands in ${many.wallMs.toFixed(0)} ms`,
    )
    emitRate(
      {
        id: 'sqlite.execute-concurrent',
        label: `SQLite FULL: execute, ${options.clients} concurrent callers`,
        unit: 'commands/s',
      },
      perClient * options.clients,
      many,
    )

    const batched = takeMix(commandMix(framework, { prefix: `b${run}` }), options.batched)
    const batch = await onFreshFile('FULL', (ledger) =>
      timed(() => executeInBatches(ledger, batched, options.batchSize)),
    )
    note(
      `SQLite FULL, executeBatch(${options.batchSize}), run ${run + 1}: ${batched.length} commands in ${batch.wallMs.toFixed(0)} ms`,
    )
    emitRate(
      {
        id: 'sqlite.executeBatch',
        label: `SQLite FULL: executeBatch of ${options.batchSize}`,
        unit: 'commands/s',
      },
      batched.length,
      batch,
    )
  }
}
