import {
  createInMemoryStore,
  createLedger,
  type EventStore,
  type Ledger,
  type NewEvent,
  type StreamWrite,
} from '@plafond/core'
import { createSqliteStore } from '@plafond/store-sqlite'
import { emit, note } from '../measure/sample.js'
import { median, quantile } from '../measure/summary.js'
import { scratchDirectory } from '../workload/bench-paths.js'
import { checkOutcome, emptyTally } from '../workload/check-outcome.js'
import { commandMix, takeMix } from '../workload/command-mix.js'
import {
  copyOfFixture,
  eventLogFixture,
  removeCopy,
  type EventLogFixture,
} from '../workload/event-log-fixture.js'
import { executeInTurn, openFramework } from '../workload/mix-clients.js'
import { syntheticFramework } from '../workload/synthetic-framework.js'

/** Options of `commandLatency`. */
export interface CommandLatencyOptions {
  /** Events in the small log (about 1 000) and the large one (a fixture). */
  readonly small: number
  readonly large: number
  /** Commands timed one by one per run, after as many again to warm up. */
  readonly commands: number
  readonly runs: number
  readonly fresh: boolean
}

/** Copies every event of a store into another, stream by stream, in chunks of log order. */
async function copyLog(from: EventStore, to: EventStore): Promise<void> {
  let chunk: { stream: string; event: NewEvent }[] = []
  const flush = async (): Promise<void> => {
    const byStream = new Map<string, NewEvent[]>()
    for (const { stream, event } of chunk) {
      const list = byStream.get(stream) ?? []
      list.push(event)
      byStream.set(stream, list)
    }
    const writes: StreamWrite[] = [...byStream].map(([stream, events]) => ({
      stream,
      expectedVersion: 'any',
      events,
    }))
    await to.append(writes)
    chunk = []
  }
  for await (const e of from.readAll({ batchSize: 10_000 })) {
    chunk.push({
      stream: e.stream,
      event: { id: e.id, type: e.type, schemaVersion: e.schemaVersion, data: e.data, meta: e.meta },
    })
    if (chunk.length >= 10_000) await flush()
  }
  await flush()
}

/** Times each of the commands alone; returns their latencies in microseconds. */
async function probe(ledger: Ledger, prefix: string, count: number): Promise<number[]> {
  const framework = syntheticFramework()
  const entries = takeMix(commandMix(framework, { prefix }), count)
  const tally = emptyTally()
  const latencies: number[] = []
  for (const entry of entries) {
    const started = process.hrtime.bigint()
    const result = await ledger.execute(entry.command, { actor: entry.actor })
    latencies.push(Number(process.hrtime.bigint() - started) / 1000)
    checkOutcome(entry, result, tally)
  }
  return latencies
}

async function measure(
  ledger: Ledger,
  where: 'memory' | 'sqlite',
  size: 'small' | 'large',
  events: number,
  options: CommandLatencyOptions,
): Promise<number> {
  await probe(ledger, `warm-${size}`, options.commands)
  const medians: number[] = []
  for (let run = 0; run < options.runs; run++) {
    const latencies = await probe(ledger, `probe-${size}-${run}`, options.commands)
    const m = median(latencies)
    medians.push(m)
    note(
      `${where}, ${events} events in the log: median ${m.toFixed(1)} µs, p99 ${quantile(latencies, 0.99).toFixed(0)} µs`,
    )
    emit({
      id: `latency.${where}.${size}`,
      label: `${where === 'memory' ? 'in memory' : 'SQLite NORMAL'}: median latency of a command, ${Math.round(events / 1000)}k events in the log`,
      unit: 'µs',
      value: m,
      better: 'lower',
    })
  }
  return median(medians)
}

/** A ledger with about `events` events of the mix written through it one command at a time. */
async function smallLedger(ledger: Ledger, events: number): Promise<Ledger> {
  const framework = syntheticFramework()
  await openFramework(ledger, framework.setup, framework.coordinator)
  const entries = takeMix(commandMix(framework, { prefix: 'fill' }), events - 70)
  await executeInTurn(ledger, entries)
  return ledger
}

/**
 * A command's median latency with a small log and with a large one, in memory and on SQLite
 * (`synchronous=NORMAL`, so that the disk's flush, the same at any size, does not hide the rest):
 * a command's cost must not grow with history. The large logs are the cached fixture, copied.
 */
export async function commandLatency(options: CommandLatencyOptions): Promise<void> {
  const fixture = await eventLogFixture(options.large, options.fresh)
  // The command path runs twice as fast after ten thousand commands as after one thousand: warm
  // it up on a throwaway ledger, or whichever size is measured first looks slower.
  const warm = await smallLedger(createLedger(), 10 * options.commands)
  await warm.close()
  // SQLite first: the in-memory copy of the large log is a heap of gigabytes, whose garbage
  // collections would otherwise slow down whatever is measured after it.
  await sqliteLatency(fixture, options)
  await memoryLatency(fixture, options)
}

function ratioLabel(
  where: string,
  fixture: EventLogFixture,
  options: CommandLatencyOptions,
): string {
  return `${where}: median latency with ${Math.round(fixture.events / 1000)}k ÷ ${Math.round(options.small / 1000)}k events in the log`
}

async function sqliteLatency(
  fixture: EventLogFixture,
  options: CommandLatencyOptions,
): Promise<void> {
  const smallPath = `${scratchDirectory()}/latency-small-${process.pid}.db`
  removeCopy(smallPath)
  const sqliteSmall = await smallLedger(
    createLedger({ store: createSqliteStore({ path: smallPath, synchronous: 'NORMAL' }) }),
    options.small,
  )
  const small = await measure(sqliteSmall, 'sqlite', 'small', options.small, options)
  await sqliteSmall.close()
  removeCopy(smallPath)
  const largePath = copyOfFixture(fixture, 'latency-large')
  const sqliteLarge = createLedger({
    store: createSqliteStore({ path: largePath, synchronous: 'NORMAL' }),
  })
  const large = await measure(sqliteLarge, 'sqlite', 'large', fixture.events, options)
  await sqliteLarge.close()
  removeCopy(largePath)
  emit({
    id: 'latency.sqlite.ratio',
    label: ratioLabel('SQLite NORMAL', fixture, options),
    unit: 'ratio',
    value: large / small,
    better: 'lower',
  })
}

async function memoryLatency(
  fixture: EventLogFixture,
  options: CommandLatencyOptions,
): Promise<void> {
  const memorySmall = await smallLedger(createLedger(), options.small)
  const small = await measure(memorySmall, 'memory', 'small', options.small, options)
  await memorySmall.close()
  const store = createInMemoryStore()
  const source = createSqliteStore({ path: fixture.path, readonly: true })
  await copyLog(source, store)
  await source.close()
  const memoryLarge = createLedger({ store })
  const large = await measure(memoryLarge, 'memory', 'large', fixture.events, options)
  await memoryLarge.close()
  emit({
    id: 'latency.memory.ratio',
    label: ratioLabel('in memory', fixture, options),
    unit: 'ratio',
    value: large / small,
    better: 'lower',
  })
}
