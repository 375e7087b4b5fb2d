import type { RecordedEvent } from '@plafond/core'
import { foldProjections, standardProjections } from '@plafond/projections'
import { createSqliteStore } from '@plafond/store-sqlite'
import { emit, emitRate, note } from '../measure/sample.js'
import { timed } from '../measure/stopwatch.js'
import { median } from '../measure/summary.js'
import { eventLogFixture } from '../workload/event-log-fixture.js'

/** Options of `replayInMemory`. */
export interface ReplayInMemoryOptions {
  /** The log to replay: its size, and the sizes of its prefixes to replay for the scaling figure. */
  readonly events: number
  readonly sizes: readonly number[]
  readonly runs: number
  readonly fresh: boolean
}

/** Reads a whole fixture into memory, as a durable store hands events back (parsed JSON). */
async function loadEvents(path: string): Promise<RecordedEvent[]> {
  const store = createSqliteStore({ path, readonly: true })
  const events: RecordedEvent[] = []
  for await (const event of store.readAll({ batchSize: 10_000 })) events.push(event)
  await store.close()
  return events
}

function label(size: number): string {
  return size >= 1_000_000 && size % 1_000_000 === 0
    ? `${size / 1_000_000}M`
    : size >= 1000
      ? `${Math.round(size / 1000)}k`
      : String(size)
}

/**
 * Replays the log into all standard projections in memory (`foldProjections`, trusted reads, no
 * final freeze, as ADR 5 measures it), on the whole log and on prefixes of it: events per second,
 * and how the cost per event grows with the size of the log.
 */
export async function replayInMemory(options: ReplayInMemoryOptions): Promise<void> {
  const fixture = await eventLogFixture(options.events, options.fresh)
  const loaded = await timed(() => loadEvents(fixture.path))
  const events = loaded.result
  note(`loaded ${events.length} events from SQLite in ${loaded.wallMs.toFixed(0)} ms`)
  emitRate(
    {
      id: 'sqlite.readAll',
      label: 'SQLite: store.readAll into memory',
      unit: 'events/s',
    },
    events.length,
    loaded,
  )
  const nsPerEvent = new Map<number, number[]>()
  const largest = Math.max(...options.sizes)
  // Largest first: it warms the JIT for the smaller ones with a realistic event mix.
  for (const size of [...options.sizes].sort((a, b) => b - a)) {
    const slice = size >= events.length ? events : events.slice(0, size)
    const repeats = Math.max(1, Math.round(200_000 / slice.length))
    for (let run = -1; run < options.runs; run++) {
      const elapsed = await timed(() => {
        for (let k = 0; k < repeats; k++)
          foldProjections(slice, standardProjections, { freeze: false })
      })
      if (run < 0) continue
      const count = slice.length * repeats
      const list = nsPerEvent.get(size) ?? []
      list.push((elapsed.cpuMs * 1e6) / count)
      nsPerEvent.set(size, list)
      emitRate(
        {
          id: size === largest ? 'replay.memory' : `replay.memory.${label(size)}`,
          label: `replay in memory into the 10 standard projections, ${label(slice.length)} events`,
          unit: 'events/s',
        },
        count,
        elapsed,
      )
    }
  }
  const sizes = [...nsPerEvent.keys()].sort((a, b) => a - b)
  const first = median(nsPerEvent.get(sizes[0]!)!)
  const last = median(nsPerEvent.get(sizes[sizes.length - 1]!)!)
  emit({
    id: 'replay.linearity',
    label: `replay CPU time per event, ${label(sizes[sizes.length - 1]!)} ÷ ${label(sizes[0]!)} events`,
    unit: 'ratio',
    value: last / first,
    better: 'lower',
  })
}
