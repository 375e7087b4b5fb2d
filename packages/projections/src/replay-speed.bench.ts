// Replay speed of the standard projections, in memory, on one core. Not a test: run it with
//   taskset -c 0 node --conditions=@plafond/source --import tsx packages/projections/src/replay-speed.bench.ts
// (EVENTS=… and CONTRACTS=… change the size) and read the figures it prints; ADR 5 records them.
// Each figure is the best of several runs, in wall-clock time and in the CPU time of this process
// (which a busy machine inflates less).
import { loadavg } from 'node:os'
import {
  createInMemoryStore,
  decodeEvent,
  type LedgerEvent,
  type NewEvent,
  type RecordedEvent,
} from '@plafond/core'
import { produce } from 'immer'
import { foldProjections } from './fold/fold-projections.js'
import type { AnyProjection } from './projection.js'
import { createProjectionRunner } from './runner/create-projection-runner.js'
import { standardProjections } from './standard/standard-projections.js'
import { buildYearOfBooks, replicate } from './test-support/bench-workload.js'

const TARGET_EVENTS = Number(process.env.EVENTS ?? 1_000_000)
const BASE_CONTRACTS = Number(process.env.CONTRACTS ?? 120)

function print(line: string): void {
  process.stdout.write(`${line}\n`)
}

interface Timing {
  readonly wall: number
  readonly cpu: number
  readonly count: number
}

async function best(runs: number, work: () => number | Promise<number>): Promise<Timing> {
  let wall = Infinity
  let cpu = Infinity
  let count = 0
  for (let i = 0; i < runs; i++) {
    const started = process.hrtime.bigint()
    const cpuStarted = process.cpuUsage()
    count = await work()
    const used = process.cpuUsage(cpuStarted)
    wall = Math.min(wall, Number(process.hrtime.bigint() - started) / 1e9)
    cpu = Math.min(cpu, (used.user + used.system) / 1e6)
  }
  return { wall, cpu, count }
}

function report(label: string, t: Timing): void {
  const rate = (seconds: number): string => String(Math.round(t.count / seconds)).padStart(10)
  print(
    `${label.padEnd(60)} ${rate(t.wall)} events/s wall ${rate(t.cpu)} events/s cpu  ${((t.cpu * 1e9) / t.count).toFixed(0).padStart(6)} ns/event cpu`,
  )
}

function immerPerEvent(
  events: readonly LedgerEvent[],
  projections: readonly AnyProjection[],
): number {
  let states = projections.map((p) => p.initialState() as unknown)
  for (const event of events) {
    states = states.map((state, i) =>
      produce(state, (draft: unknown) => {
        projections[i]!.evolve(draft, event)
      }),
    )
  }
  return events.length
}

const built = process.hrtime.bigint()
const base = await buildYearOfBooks(BASE_CONTRACTS)
print(
  `base log: ${base.length} events from ${BASE_CONTRACTS} call-offs, written through createLedger in ${(Number(process.hrtime.bigint() - built) / 1e9).toFixed(1)} s`,
)
// Through JSON, as a durable store hands events back: fresh strings, no shared objects.
const events: RecordedEvent[] = replicate(base, Math.ceil(TARGET_EVENTS / base.length)).map(
  (event) => JSON.parse(JSON.stringify(event)) as RecordedEvent,
)
const counts = new Map<string, number>()
for (const event of events) counts.set(event.type, (counts.get(event.type) ?? 0) + 1)
print(
  `replicated log: ${events.length} events; ${[...counts].map(([t, n]) => `${t} ${((100 * n) / events.length).toFixed(1)}%`).join(', ')}`,
)
print(
  `node ${process.version}, ${process.arch}; load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
)
print('')

report(
  'foldProjections, 10 standard projections, trusted, not frozen',
  await best(5, () => {
    foldProjections(events, standardProjections, { freeze: false })
    return events.length
  }),
)
report(
  'foldProjections, 10 standard projections, trusted, frozen',
  await best(3, () => {
    foldProjections(events, standardProjections)
    return events.length
  }),
)
const sample = events.slice(0, 100_000)
report(
  'decodeEvent alone (zod validation and upcast), 100 000 events',
  await best(3, () => {
    for (const event of sample) decodeEvent(event)
    return sample.length
  }),
)
report(
  'foldProjections, 10 standard projections, validated',
  await best(2, () => {
    foldProjections(events, standardProjections, { read: 'validate', freeze: false })
    return events.length
  }),
)
const small = events.slice(0, 20_000) as LedgerEvent[]
report(
  'immer produce per event per projection, first 20 000 events',
  await best(2, () => immerPerEvent(small, standardProjections)),
)
report(
  'direct recipe on a private state, same 20 000 events',
  await best(5, () => {
    foldProjections(small, standardProjections, { freeze: false })
    return small.length
  }),
)
const store = createInMemoryStore()
for (let i = 0; i < events.length; i += 10_000) {
  await store.append([
    {
      stream: 'bench',
      expectedVersion: 'any',
      // Replicated events share ids; the store wants each once.
      events: events.slice(i, i + 10_000).map((e, k): NewEvent => ({
        id: `bench-${i + k}`,
        type: e.type,
        schemaVersion: e.schemaVersion,
        data: e.data,
        meta: e.meta,
      })),
    },
  ])
}
report(
  'runner catch-up from the in-memory store, trusted, batches of 10 000',
  await best(2, async () => {
    const runner = createProjectionRunner({
      // Every run starts from the beginning: the previous run's checkpoints are not read.
      store: { ...store, loadCheckpoint: () => Promise.resolve(undefined) },
      projections: standardProjections,
      batchSize: 10_000,
      checkpointEvery: Number.MAX_SAFE_INTEGER,
      read: 'trust',
    })
    return (await runner.catchUp()).applied
  }),
)
print('')
for (const projection of standardProjections) {
  report(
    `  ${projection.name} alone`,
    await best(3, () => {
      foldProjections(events, [projection], { freeze: false })
      return events.length
    }),
  )
}
