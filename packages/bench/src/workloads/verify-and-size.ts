import { createLedger } from '@plafond/core'
import { createSqliteStore } from '@plafond/store-sqlite'
import { emit, emitRate, note } from '../measure/sample.js'
import { timed } from '../measure/stopwatch.js'
import { eventLogFixture } from '../workload/event-log-fixture.js'

/** Options of `verifyAndSize`. */
export interface VerifyAndSizeOptions {
  readonly events: number
  readonly runs: number
  readonly fresh: boolean
}

/** `verify()` over a SQLite log (hash chain, positions, versions, schemas), and bytes per event. */
export async function verifyAndSize(options: VerifyAndSizeOptions): Promise<void> {
  const fixture = await eventLogFixture(options.events, options.fresh)
  emit({
    id: 'sqlite.bytes-per-event',
    label: 'SQLite: file size per event (events, outcomes, indexes)',
    unit: 'bytes/event',
    value: fixture.bytes / fixture.events,
    better: 'lower',
  })
  for (let run = 0; run < options.runs; run++) {
    const ledger = createLedger({
      store: createSqliteStore({ path: fixture.path, readonly: true }),
    })
    const elapsed = await timed(() => ledger.verify())
    await ledger.close()
    if (!elapsed.result.ok) {
      throw new Error(`verify() failed at ${elapsed.result.position}: ${elapsed.result.reason}`)
    }
    note(`verify(): ${elapsed.result.events} events in ${elapsed.wallMs.toFixed(0)} ms`)
    emitRate(
      { id: 'sqlite.verify', label: 'SQLite: verify() of the whole log', unit: 'events/s' },
      elapsed.result.events,
      elapsed,
    )
  }
}
