import type { RecordedEvent } from '../events/envelope.js'
import { undefinedMembersSkipped, withoutUndefined } from '../events/canonical-json.js'
import { flatObjectJson } from '../events/flat-json.js'
import { GENESIS_HASH, hashedText, hashOfText } from '../events/hash-chain.js'
import { LedgerError } from '../ledger/ledger-error.js'
import { checkWriteShape, duplicateOutcome, startVersions } from './append-checks.js'
import { EventIds } from './event-ids.js'
import { parseFrozen } from './frozen-json.js'
import { outcomeResultJson } from './outcome-json.js'
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
 *
 * Like a database, it keeps text: each event as the canonical JSON its hash covers, each outcome's
 * result as JSON. No caller can change what it stored, a read gives new frozen objects without
 * `undefined` members, and the garbage collector copies one string per event instead of a tree
 * of small objects.
 */
export function createInMemoryStore(options: InMemoryStoreOptions = {}): EventStore {
  const defaultBatch = options.batchSize ?? 1000
  /** By position - 1: each event's `hashedText` and its hash. */
  const texts: string[] = []
  const hashes: string[] = []
  /** By stream: the index in `texts` of each version, by version - 1. */
  const streams = new Map<string, number[]>()
  /** By command id: each outcome, its result kept as JSON (serializing `content` again cost more). */
  const outcomes = new Map<string, Omit<CommandOutcome, 'result'> & { readonly result: string }>()
  const eventIds = new EventIds(function* () {
    for (const text of texts) yield (JSON.parse(text) as { readonly id: string }).id
  })
  const checkpoints = new Map<string, ProjectionCheckpoint>()
  let closed = false

  /** The event at `index` in the log, read back from its text: new frozen objects. */
  function eventAt(index: number): RecordedEvent {
    const body = parseFrozen<Omit<RecordedEvent, 'hash'>>(texts[index]!)
    return Object.freeze({
      id: body.id,
      stream: body.stream,
      version: body.version,
      position: body.position,
      type: body.type,
      schemaVersion: body.schemaVersion,
      data: body.data,
      meta: body.meta,
      prevHash: body.prevHash,
      hash: hashes[index]!,
    })
  }

  /** The log from `fromPosition`, at most `batchSize` events at a time (never empty). */
  async function* batchesOf(readOptions: ReadAllOptions): AsyncIterable<readonly RecordedEvent[]> {
    ensureOpen()
    const batchSize = readOptions.batchSize ?? defaultBatch
    checkReadAllOptions({ ...readOptions, batchSize })
    let index =
      readOptions.fromPosition === undefined ? 0 : Math.max(Number(readOptions.fromPosition) - 1, 0)
    while (index < texts.length) {
      const end = Math.min(index + batchSize, texts.length)
      const batch: RecordedEvent[] = []
      for (; index < end; index++) batch.push(eventAt(index))
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
      const starts = startVersions(writes, (name) => streams.get(name)?.length ?? 0)
      // Each outcome's result as text now: one that JSON cannot carry throws before anything is kept.
      const results: string[] = []
      for (const outcome of newOutcomes) {
        if (outcomes.has(outcome.commandId)) throw duplicateOutcome(outcome.commandId)
        results.push(outcomeResultJson(outcome.result))
      }
      // Every event needs an id not in the log, nor repeated in the append.
      const ids: string[] = []
      for (const write of writes) for (const event of write.events) ids.push(event.id)
      const taken = eventIds.firstTaken(ids)
      if (taken !== undefined) {
        throw new LedgerError(
          'INVALID_ARGUMENT',
          `Event id ${taken} is already in the log (or repeated in the append); every event needs a new id. Nothing was written.`,
          { details: { id: taken } },
        )
      }
      // Every event's text first (canonical JSON throws on what JSON cannot carry exactly), then
      // everything is kept at once: an append that throws leaves nothing behind.
      const written: RecordedEvent[] = []
      const newTexts: string[] = []
      let prevHash = hashes.length === 0 ? GENESIS_HASH : hashes[hashes.length - 1]!
      for (let w = 0; w < writes.length; w++) {
        const write = writes[w]!
        let version = starts[w]!
        for (const event of write.events) {
          const index = texts.length + written.length
          const recorded = {
            id: event.id,
            stream: write.stream,
            version: ++version,
            position: String(index + 1),
            type: event.type,
            schemaVersion: event.schemaVersion,
            data: event.data,
            meta: event.meta,
            prevHash,
            hash: '',
          }
          const skipped = undefinedMembersSkipped()
          const text = flatObjectJson(hashedText(recorded))
          // The caller's data, unless its text left out `undefined` members: the events returned
          // are what a read gives back. What is kept is the text alone.
          if (undefinedMembersSkipped() !== skipped) {
            recorded.data = withoutUndefined(event.data)
            recorded.meta = withoutUndefined(event.meta)
          }
          recorded.hash = hashOfText(prevHash, text)
          prevHash = recorded.hash
          newTexts.push(text)
          written.push(recorded)
        }
      }
      for (let i = 0; i < written.length; i++) {
        const recorded = written[i]!
        let stream = streams.get(recorded.stream)
        if (stream === undefined) {
          stream = []
          streams.set(recorded.stream, stream)
        }
        stream.push(texts.length)
        texts.push(newTexts[i]!)
        hashes.push(recorded.hash)
      }
      eventIds.record(ids)
      for (let i = 0; i < newOutcomes.length; i++) {
        const outcome = newOutcomes[i]!
        outcomes.set(outcome.commandId, {
          commandId: outcome.commandId,
          commandType: outcome.commandType,
          content: outcome.content,
          recordedAt: outcome.recordedAt,
          result: results[i]!,
        })
      }
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
        yield eventAt(stream[version - 1]!)
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
      const count = texts.length
      return count === 0 ? undefined : { position: String(count), hash: hashes[count - 1]! }
    },

    async findOutcome(commandId: string): Promise<CommandOutcome | undefined> {
      ensureOpen()
      const kept = outcomes.get(commandId)
      if (kept === undefined) return undefined
      return Object.freeze({
        commandId: kept.commandId,
        commandType: kept.commandType,
        content: kept.content,
        recordedAt: kept.recordedAt,
        result: parseFrozen<CommandOutcome['result']>(kept.result),
      })
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
