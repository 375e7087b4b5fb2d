import {
  canonicalJson,
  Command,
  createInMemoryStore,
  createLedger,
  encodeEvent,
  hashEvent,
  parseCommand,
  type DomainEvent,
  type LedgerEvent,
  type StreamWrite,
} from '@plafond/core'
import { emit, note } from '../measure/sample.js'
import { commandMix, takeMix, type MixEntry } from '../workload/command-mix.js'
import { checkOutcome, emptyTally } from '../workload/check-outcome.js'
import { openFramework } from '../workload/mix-clients.js'
import { syntheticFramework } from '../workload/synthetic-framework.js'

/** Options of `commandStages`. */
export interface CommandStagesOptions {
  readonly commands: number
  readonly runs: number
}

/** CPU microseconds per command that `work` takes over the whole mix, after one warm-up pass. */
function perCommand(commands: number, work: () => void): number {
  work()
  const started = process.cpuUsage()
  work()
  const used = process.cpuUsage(started)
  return (used.user + used.system) / commands
}

/** The events a run of the mix wrote, and the commands it ran. */
async function runOnce(
  entries: readonly MixEntry[],
): Promise<{ events: LedgerEvent[]; executeMicros: number }> {
  const framework = syntheticFramework()
  const ledger = createLedger()
  await openFramework(ledger, framework.setup, framework.coordinator)
  const events: LedgerEvent[] = []
  const tally = emptyTally()
  const started = process.cpuUsage()
  for (const entry of entries) {
    const result = await ledger.execute(entry.command, { actor: entry.actor })
    checkOutcome(entry, result, tally)
    if (result.ok && !result.replayed) events.push(...result.events)
  }
  const used = process.cpuUsage(started)
  await ledger.close()
  return { events, executeMicros: (used.user + used.system) / entries.length }
}

/**
 * Where the time of an in-memory command goes: the whole `execute`, and apart from it the stages
 * that can be timed through the public API over the same commands and events: parsing the command
 * (`parseCommand`, as `execute` does), its canonical content (idempotency), validating each decided
 * event against its schema (`encodeEvent`), hashing each event, and the in-memory store's append (checks, copies, hashing). What is
 * left is authorization, deciding, stamping, applying events to the cached states, the locks and
 * the promises between them.
 */
export async function commandStages(options: CommandStagesOptions): Promise<void> {
  const framework = syntheticFramework()
  const stageLabels = {
    execute: 'stages: whole execute, in memory',
    parse: 'stages: parse the command (compiled from its zod schema)',
    content: 'stages: canonical content for idempotency',
    encode: 'stages: validate decided events (compiled from their zod schemas)',
    hash: 'stages: hash chain (sha256 of canonical JSON)',
    append: 'stages: in-memory append (checks, copies, hash)',
    rest: 'stages: the rest (authorize, decide, stamp, evolve, locks, promises)',
  } as const
  await runOnce(takeMix(commandMix(framework, { prefix: 'warm' }), options.commands))
  for (let run = 0; run < options.runs; run++) {
    const entries = takeMix(commandMix(framework, { prefix: `stages${run}` }), options.commands)
    const { events, executeMicros } = await runOnce(entries)
    const commands = entries.length
    const parse = perCommand(commands, () => {
      for (const entry of entries) parseCommand(entry.command)
    })
    const parsed = entries.map((entry) => Command.parse(entry.command))
    const content = perCommand(commands, () => {
      for (const command of parsed) canonicalJson(command)
    })
    const domain = events.map((event) => ({ type: event.type, data: event.data }) as DomainEvent)
    const encode = perCommand(commands, () => {
      for (const event of domain) encodeEvent(event)
    })
    const hash = perCommand(commands, () => {
      for (const event of events) hashEvent(event)
    })
    // The same events appended one command's worth at a time to a fresh store each pass.
    const byCommand = new Map<string, StreamWrite[]>()
    for (const event of events) {
      const writes = byCommand.get(event.meta.commandId) ?? []
      writes.push({
        stream: event.stream,
        expectedVersion: 'any',
        events: [
          {
            id: event.id,
            type: event.type,
            schemaVersion: event.schemaVersion,
            data: event.data,
            meta: event.meta,
          },
        ],
      })
      byCommand.set(event.meta.commandId, writes)
    }
    const appends = [...byCommand.values()].map(mergeStreams)
    let store = createInMemoryStore()
    const append = perCommand(commands, () => {
      store = createInMemoryStore()
      for (const writes of appends) void store.append(writes)
    })
    const stages = { execute: executeMicros, parse, content, encode, hash, append }
    const rest = executeMicros - parse - content - encode - append
    note(
      `run ${run + 1}: ${commands} commands, ${events.length} events; µs per command: ${Object.entries(
        { ...stages, rest },
      )
        .map(([name, micros]) => `${name} ${micros.toFixed(1)}`)
        .join(', ')}`,
    )
    for (const [name, micros] of Object.entries({ ...stages, rest })) {
      emit({
        id: `stages.${name}`,
        label: stageLabels[name as keyof typeof stageLabels],
        unit: 'µs/command',
        value: micros,
        better: 'lower',
      })
    }
  }
}

/** One write per stream, in the order the streams first appear. */
function mergeStreams(writes: readonly StreamWrite[]): StreamWrite[] {
  const byStream = new Map<string, StreamWrite>()
  for (const write of writes) {
    const earlier = byStream.get(write.stream)
    byStream.set(
      write.stream,
      earlier === undefined ? write : { ...earlier, events: [...earlier.events, ...write.events] },
    )
  }
  return [...byStream.values()]
}
