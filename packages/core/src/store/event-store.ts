import type { NewEvent, RecordedEvent } from '../events/envelope.js'
import type { Rejection } from '../rejections/rejection.js'

/** What a stream must look like for a write to go ahead. */
export type ExpectedVersion =
  /** The stream's last version is exactly this number (0: the stream is empty). */
  | number
  /** The stream has no event. */
  | 'no_stream'
  /** No check. */
  | 'any'

/** Events to append to one stream, if it is at the expected version. */
export interface StreamWrite {
  readonly stream: string
  readonly expectedVersion: ExpectedVersion
  readonly events: readonly NewEvent[]
}

/** The events one successful command wrote to one stream: versions `fromVersion`..`toVersion`. */
export interface WrittenRange {
  readonly stream: string
  readonly fromVersion: number
  readonly toVersion: number
}

/** The first outcome of a command, kept for idempotency: the events it wrote, or its rejection. */
export type OutcomeResult =
  | { readonly ok: true; readonly written: readonly WrittenRange[] }
  | { readonly ok: false; readonly rejection: Rejection }

/** A command's first outcome with the content it was decided on. */
export interface CommandOutcome {
  /** The idempotency key. */
  readonly commandId: string
  readonly commandType: string
  /** Canonical JSON of the parsed command: a replay with other content is an `idempotency_conflict`. */
  readonly content: string
  readonly result: OutcomeResult
  /** When the outcome was recorded (ISO-8601). */
  readonly recordedAt: string
}

/** Options of `append`. */
export interface AppendOptions {
  /**
   * Command outcomes to record in the same transaction as the events. A `commandId` that already
   * has an outcome makes the whole append fail with `CONCURRENCY_CONFLICT`, writing nothing.
   */
  readonly outcomes?: readonly CommandOutcome[]
}

/** What an append wrote. */
export interface AppendResult {
  /** The events as stored, in position order. */
  readonly events: readonly RecordedEvent[]
}

/** Options of `readStream`. */
export interface ReadStreamOptions {
  /** First version to read (inclusive); 1 when omitted. */
  readonly fromVersion?: number
  /** Last version to read (inclusive); the end of the stream when omitted. */
  readonly toVersion?: number
}

/** Options of `readAll`. */
export interface ReadAllOptions {
  /** First position to read (inclusive), a decimal string; the start of the log when omitted. */
  readonly fromPosition?: string
  /** How many events the store fetches at a time; nothing loads the whole log. */
  readonly batchSize?: number
}

/** The last event of the log: its position and hash, for checkpoints and `verify`. */
export interface LogHead {
  readonly position: string
  readonly hash: string
}

/** A projection's saved progress: the last position it applied, and its state serialized. */
export interface ProjectionCheckpoint {
  readonly name: string
  readonly version: number
  readonly position: string
  /**
   * The state as text, in parts kept in order (the projection runner writes parts of about 64 KB,
   * so that no store or caller holds a large state's text whole). A store keeps them as
   * they are, and saves them in the same transaction as the name, version and position.
   */
  readonly parts: readonly string[]
}

/**
 * Where events live. Every adapter (in-memory, SQLite, PostgreSQL) implements this port and passes
 * the conformance suite of `@plafond/testing`.
 */
export interface EventStore {
  /**
   * Appends to one or more streams atomically: either every stream is at its expected version and
   * every event (and outcome) is written, or a `LedgerError` `CONCURRENCY_CONFLICT` is thrown and
   * nothing is. The store assigns versions, positions and the hash chain. `writes` may be empty
   * to record outcomes alone (rejections write no event).
   */
  append(writes: readonly StreamWrite[], options?: AppendOptions): Promise<AppendResult>
  /** Reads one stream in version order. */
  readStream(stream: string, options?: ReadStreamOptions): AsyncIterable<RecordedEvent>
  /** Reads the whole log in position order, in batches. */
  readAll(options?: ReadAllOptions): AsyncIterable<RecordedEvent>
  /**
   * The same events as `readAll`, in the same order, handed over a batch at a time (each of at
   * most `batchSize` events, none empty): a consumer that folds a whole log pays one step of
   * asynchronous iteration per batch instead of per event. Optional: without it, consumers group
   * what `readAll` yields.
   */
  readAllBatches?(options?: ReadAllOptions): AsyncIterable<readonly RecordedEvent[]>
  /** The last event's position and hash, or undefined for an empty log. */
  head(): Promise<LogHead | undefined>
  /** The first outcome recorded for a command id. */
  findOutcome(commandId: string): Promise<CommandOutcome | undefined>
  /** A projection's saved checkpoint. */
  loadCheckpoint(name: string): Promise<ProjectionCheckpoint | undefined>
  /**
   * Saves a projection's checkpoint, replacing the previous one (all its parts) in one
   * transaction: a failed save leaves the previous checkpoint whole.
   */
  saveCheckpoint(checkpoint: ProjectionCheckpoint): Promise<void>
  /**
   * `saveCheckpoint` with the parts taken from `parts` one at a time, each written before the next
   * is asked for, in the same one transaction: the caller never holds a large state's text whole.
   * When `parts` throws, nothing is saved. Optional: without it, callers collect the parts and call
   * `saveCheckpoint`.
   */
  saveCheckpointParts?(
    checkpoint: Omit<ProjectionCheckpoint, 'parts'>,
    parts: Iterable<string>,
  ): Promise<void>
  /** Releases the store's resources; later calls throw `STORE_CLOSED`. */
  close(): Promise<void>
}
