import { createProjectionRunner, standardProjections } from '@plafond/projections'
import { createSqliteStore } from '@plafond/store-sqlite'
import { emit, emitRate, note } from '../measure/sample.js'
import { timed } from '../measure/stopwatch.js'
import { copyOfFixture, eventLogFixture, removeCopy } from '../workload/event-log-fixture.js'

/** Options of `replayFromSqlite`. */
export interface ReplayFromSqliteOptions {
  readonly events: number
  readonly fresh: boolean
}

/**
 * One rebuild of all standard projections from a SQLite file by the projection runner, as a
 * process that starts, reads the whole log in batches, saves its checkpoints and stops would do it,
 * with trusted reads (the log verified). Reports events per second and the process's peak memory.
 * Run once per process: peak memory is the process's.
 */
export async function replayFromSqlite(options: ReplayFromSqliteOptions): Promise<void> {
  const fixture = await eventLogFixture(options.events, options.fresh)
  const path = copyOfFixture(fixture, 'replay')
  const before = process.memoryUsage().rss
  try {
    const store = createSqliteStore({ path })
    const runner = createProjectionRunner({
      store,
      projections: standardProjections,
      read: 'trust',
    })
    const elapsed = await timed(() => runner.catchUp())
    await store.close()
    const peak = process.resourceUsage().maxRSS * 1024
    note(
      `runner catch-up from SQLite: ${elapsed.result.applied} events in ${elapsed.wallMs.toFixed(0)} ms; RSS ${(before / 2 ** 20).toFixed(0)} MB before, ${(peak / 2 ** 20).toFixed(0)} MB peak`,
    )
    emitRate(
      {
        id: 'replay.sqlite',
        label: `replay from SQLite by the runner, trusted, ${Math.round(elapsed.result.applied / 1000)}k events`,
        unit: 'events/s',
      },
      elapsed.result.applied,
      elapsed,
    )
    emit({
      id: 'replay.sqlite.peak-rss',
      label: 'replay from SQLite: peak resident memory of the process',
      unit: 'MB',
      value: peak / 2 ** 20,
      better: 'lower',
    })
  } finally {
    removeCopy(path)
  }
}
