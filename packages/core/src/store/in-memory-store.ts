import type { RecordedEvent } from '../events/envelope.js'
import { GENESIS_HASH, hashEvent } from '../events/hash-chain.js'
import { LedgerError } from '../ledger/ledger-error.js'
import { checkWriteShape, duplicateOutcome, startVersions } from './append-checks.js'
import { frozenCopy } from './frozen-copy.js'
import { checkReadAllOptions, checkReadStreamOptions } from './read-checks.js'
import type {
  AppendOptions,
  AppendResult,
  CommandOutcome,
  EventStore,
  LogHead,
  ProjectionCheckpoint,
  ReadAllOptions,
  ReadStreamOptions,
  StreamWrite,
} from './event-store.js'

/** Options of the in-memory store. */
export interface InMemoryStoreOptions {
  /** Events yielded per batch by `readAll` when the caller does not say; 1000 by default. */
  readonly batchSize?: number
}

/**
 * The reference `EventStore`: everything in memory, every append atomic, the hash chain computed
 * exactly as durable stores compute it. Its contents are lost when the process ends.
 */
export function createInMemoryStore(options: InMemoryStoreOptions = {}): EventStore {
  const defaultBatch = options.batchSize ?? 1000
  const log: RecordedEvent[] = []
  const streams = new Map<string, RecordedEvent[]>()
  const outcomes = new Map<string, CommandOutcome>()
  const eventIds = new Set<string>()
  const checkpoints = new Map<string, ProjectionCheckpoint>()
  let closed = false

  /** The log from `fromPosition`, a slice of at most `batchSize` events at a time (never empty). */
  async function* batchesOf(readOptions: ReadAllOptions): AsyncIterable<readonly RecordedEvent[]> {
    ensureOpen()
    const batchSize = readOptions.batchSize ?? defaultBatch
    checkReadAllOptions({ ...readOptions, batchSize })
    let index =
      readOptions.fromPosition === undefined ? 0 : Math.max(Number(readOptions.fromPosition) - 1, 0)
    while (index < log.length) {
      const batch = log.slice(index, index + batchSize)
      index += batch.length
      yield batch
    }
  }

  function ensureOpen(): void {
    if (closed)
      throw new LedgerError('STORE_CLOSED', 'The in-memory store was closed; create a new one.')
  }

  return {
    async append(
      writes: readonly StreamWrite[],
      appendOptions: AppendOptions = {},
    ): Promise<AppendResult> {
      ensureOpen()
      const newOutcomes = appendOptions.outcomes ?? []
      checkWriteShape(writes, newOutcomes)
      // Check everything before writing anything: the append is all or nothing.
      startVersions(writes, (name) => streams.get(name)?.length ?? 0)
      for (const outcome of newOutcomes) {
        if (outcomes.has(outcome.commandId)) throw duplicateOutcome(outcome.commandId)
      }
      // Every event needs an id not in the log, nor repeated in the append.
      let count = 0
      for (const write of writes) count += write.events.length
      const newIds = count > 1 ? new Set<string>() : undefined
      for (const write of writes) {
        for (const event of write.events) {
          if (eventIds.has(event.id) || newIds?.has(event.id) === true) {
            throw new LedgerError(
              'INVALID_ARGUMENT',
              `Event id ${event.id} is already in the log (or repeated in the append); every event needs a new id. Nothing was written.`,
              { details: { id: event.id } },
            )
          }
          newIds?.add(event.id)
        }
      }
      const written: RecordedEvent[] = []
      for (const write of writes) {
        const stream = streams.get(write.stream) ?? []
        streams.set(write.stream, stream)
        for (const event of write.events) {
          const prev = log[log.length - 1]
          // Copies without undefined members (as a JSON column would keep them), frozen. One object
          // per event: the hash reads every member but `hash`, which is filled in before freezing.
          const recorded = {
            id: event.id,
            stream: write.stream,
            version: stream.length + 1,
            position: String(log.length + 1),
            type: event.type,
            schemaVersion: event.schemaVersion,
            data: frozenCopy(event.data),
            meta: frozenCopy(event.meta),
            prevHash: prev?.hash ?? GENESIS_HASH,
            hash: '',
          }
          recorded.hash = hashEvent(recorded)
          Object.freeze(recorded)
          log.push(recorded)
          eventIds.add(recorded.id)
          stream.push(recorded)
          written.push(recorded)
        }
      }
      // A deep copy without undefined members, as a JSON column would keep it.
      for (const outcome of newOutcomes) outcomes.set(outcome.commandId, frozenCopy(outcome))
      return { events: written }
    },

    async *readStream(
      name: string,
      readOptions: ReadStreamOptions = {},
    ): AsyncIterable<RecordedEvent> {
      ensureOpen()
      checkReadStreamOptions(name, readOptions)
      const stream = streams.get(name) ?? []
      const last = Math.min(readOptions.toVersion ?? stream.length, stream.length)
      for (let version = Math.max(readOptions.fromVersion ?? 1, 1); version <= last; version++) {
        yield stream[version - 1]!
      }
    },

    async *readAll(readOptions: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
      for await (const batch of batchesOf(readOptions)) {
        for (const event of batch) yield event
        // Let other work run between batches, as a durable store would.
        await Promise.resolve()
      }
    },

    readAllBatches: (readOptions: ReadAllOptions = {}) => batchesOf(readOptions),

    async head(): Promise<LogHead | undefined> {
      ensureOpen()
      const last = log[log.length - 1]
      return last && { position: last.position, hash: last.hash }
    },

    async findOutcome(commandId: string): Promise<CommandOutcome | undefined> {
      ensureOpen()
      return outcomes.get(commandId)
    },

    async loadCheckpoint(name: string): Promise<ProjectionCheckpoint | undefined> {
      ensureOpen()
      return checkpoints.get(name)
    },

    async saveCheckpoint(checkpoint: ProjectionCheckpoint): Promise<void> {
      ensureOpen()
      // Its own array of parts: a caller that changes its array afterwards changes nothing here.
      checkpoints.set(checkpoint.name, {
        ...checkpoint,
        parts: Object.freeze([...checkpoint.parts]),
      })
    },

    async saveCheckpointParts(
      checkpoint: Omit<ProjectionCheckpoint, 'parts'>,
      parts: Iterable<string>,
    ): Promise<void> {
      ensureOpen()
      // All parts are taken before anything is saved: parts that throw leave the old checkpoint.
      const taken = Object.freeze([...parts])
      checkpoints.set(checkpoint.name, {
        name: checkpoint.name,
        version: checkpoint.version,
        position: checkpoint.position,
        parts: taken,
      })
    },

    async close(): Promise<void> {
      closed = true
    },
  }
}
