import {
  closeSync,
  copyFileSync,
  existsSync,
  fsyncSync,
  openSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs'
import { createLedger } from '@plafond/core'
import { createSqliteStore } from '@plafond/store-sqlite'
import { fixturesDirectory, scratchDirectory } from './bench-paths.js'
import { note } from '../measure/sample.js'
import { checkOutcome, emptyTally } from './check-outcome.js'
import { commandMix, takeMix } from './command-mix.js'
import { openFramework } from './mix-clients.js'
import { syntheticFramework } from './synthetic-framework.js'

/** Bump when the mix changes, so that cached logs are built again. */
const FIXTURE_VERSION = 1

/** A SQLite ledger file written by the command mix, built once per run under `os.tmpdir()`. */
export interface EventLogFixture {
  readonly path: string
  /** Events in the log (a little above the number asked for: the last batch is whole). */
  readonly events: number
  readonly bytes: number
  /** Seconds it took to build, or undefined when it came from the cache. */
  readonly builtInSeconds: number | undefined
}

/**
 * A ledger file of at least `events` events of the mix (setup included), built once through
 * `createLedger` and `executeBatch` on SQLite (`synchronous=NORMAL`: building is not what is
 * measured) and kept for the run's later workloads (or between runs with `--keep-fixtures`). `fresh` builds
 * it again.
 */
export async function eventLogFixture(events: number, fresh = false): Promise<EventLogFixture> {
  const path = `${fixturesDirectory()}/mix-${events}.v${FIXTURE_VERSION}.db`
  let builtInSeconds: number | undefined
  if (fresh || !existsSync(path)) {
    const started = performance.now()
    const building = `${path}.building`
    rmSync(building, { force: true })
    const ledger = createLedger({
      store: createSqliteStore({ path: building, synchronous: 'NORMAL' }),
    })
    const framework = syntheticFramework()
    await openFramework(ledger, framework.setup, framework.coordinator)
    const mix = commandMix(framework, { prefix: 'log' })
    const tally = emptyTally()
    let written = 2 * framework.beneficiaries.length + framework.holders.length + 1
    let reported = 0
    note(`building a log of ${events} events for the workloads that read one (not measured)`)
    while (written < events) {
      if (written - reported >= 200_000) {
        note(`  ${written} events written`)
        reported = written
      }
      const batch = takeMix(mix, Math.min(2000, Math.max(1, events - written)))
      const results = await ledger.executeBatch(
        batch.map((entry) => entry.command),
        { actors: batch.map((entry) => entry.actor) },
      )
      results.forEach((result, i) => {
        checkOutcome(batch[i]!, result, tally)
        if (result.ok && !result.replayed) written += result.events.length
      })
    }
    await ledger.close()
    renameSync(building, path)
    builtInSeconds = (performance.now() - started) / 1000
    note(`built the log in ${builtInSeconds.toFixed(0)} s`)
  }
  const reader = createSqliteStore({ path, readonly: true })
  const head = await reader.head()
  await reader.close()
  return {
    path,
    events: Number(head?.position ?? 0),
    bytes: statSync(path).size,
    builtInSeconds,
  }
}

/**
 * A private copy of a fixture, for work that writes (checkpoints, commands). The copy is flushed
 * to disk before it is handed out: otherwise the kernel writes its gigabyte back while the work is
 * timed, and a command on the large log looked 1.7 times slower than on a small one.
 */
export function copyOfFixture(fixture: EventLogFixture, name: string): string {
  const path = `${scratchDirectory()}/${name}-${process.pid}.db`
  rmSync(path, { force: true })
  copyFileSync(fixture.path, path)
  const descriptor = openSync(path, 'r+')
  try {
    fsyncSync(descriptor)
  } finally {
    closeSync(descriptor)
  }
  return path
}

/** Removes a copy made by `copyOfFixture`, with its WAL files. */
export function removeCopy(path: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true })
}
