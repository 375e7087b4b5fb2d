import { handlerOf, type CommandTarget, type DecisionStates } from '../commands/command-handlers.js'
import { initialContractState, type ContractState } from '../contract/contract-state.js'
import {
  contractStream,
  frameworkStream,
  productStream,
  type EventMeta,
  type NewEvent,
} from '../events/envelope.js'
import {
  EVENT_CATALOGUE,
  type ContractEvent,
  type DomainEvent,
  type FrameworkEvent,
  type ProductEvent,
  type StreamKind,
} from '../events/event-catalogue.js'
import { validatedEvent } from '../events/event-codec.js'
import { initialFrameworkState, type FrameworkState } from '../framework/framework-state.js'
import { initialProductState, type ProductState } from '../product/product-state.js'
import type { Command } from '../commands/command.js'
import type { EventStore, StreamWrite, WrittenRange } from '../store/event-store.js'
import {
  applyInPlace,
  loadStream,
  type StateCache,
  type StateOf,
  type StreamSnapshot,
} from './stream-states.js'

interface Entry<K extends StreamKind = StreamKind> {
  readonly kind: K
  /** The version the stream was read at: the append expects it. */
  readonly baseVersion: number
  version: number
  state: StateOf<K>
  /** Decided events not applied to `state` yet (deferred mode): applied in place by `commit`. */
  readonly pending: DomainEvent[]
  /** Whether a batch changed `state`, the cached state itself, in place as it decided. */
  changed: boolean
}

// What a decider sees for a stream it does not read. Shared and frozen: deciders only read states.
const NO_FRAMEWORK = deepFrozen(initialFrameworkState())
const NO_CONTRACT = deepFrozen(initialContractState())
const NO_PRODUCT = deepFrozen(initialProductState())

function deepFrozen<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const member of Object.values(value)) deepFrozen(member)
    Object.freeze(value)
  }
  return value
}

/** The states a command decides on, with the streams they come from. */
export interface LoadedStates {
  readonly states: DecisionStates
  readonly frameworkStream: string | undefined
  readonly contractStream: string | undefined
  readonly productStream: string | undefined
}

/** How the ledger stamps each event it writes. */
export interface EventStamp {
  readonly newId: () => string
  readonly commandId: string
  readonly actorId: string
  readonly recordedAt: string
  readonly correlationId: string | undefined
  readonly causationId: string | undefined
}

/**
 * The streams one attempt reads, with the events it decided but has not appended yet. A batch
 * decides command after command on one working set and appends it once; every stream read is
 * written with its expected version (with no events when it was only read), so that a decision is
 * committed only if nothing it read has changed.
 */
export class WorkingSet {
  readonly #entries = new Map<string, Entry>()
  readonly #store: EventStore
  readonly #cache: StateCache
  readonly #fresh: boolean
  readonly #deferred: boolean
  #behind = false
  /** The decided events by stream, in decision order; consecutive events of a stream together. */
  readonly #segments: {
    readonly stream: string
    readonly expectedVersion: number
    readonly events: NewEvent[]
  }[] = []

  /**
   * `fresh` reads the tail of every stream after its cached state. `deferred` (for one command at
   * a time) leaves decided events unapplied until `commit`, which applies them in place to the
   * cached states once the append succeeded: no copy of the state per command, and a failed
   * append leaves the cache as it was (ADR 0007). Without it (a batch, whose later commands see
   * the earlier ones' effects), each decision is applied at once, in place, to the cached state:
   * a batch holds every write lock of its ledger, so no other decision reads that state
   * meanwhile, and a batch that fails calls `abandon`, which drops the states it changed.
   */
  constructor(store: EventStore, cache: StateCache, fresh: boolean, deferred = false) {
    this.#store = store
    this.#cache = cache
    this.#fresh = fresh
    this.#deferred = deferred
  }

  /** The entry of a stream: from the working set or the cache at once, else read from the store. */
  #entry<K extends StreamKind>(stream: string, kind: K): Entry<K> | Promise<Entry<K>> {
    const existing = this.#entries.get(stream)
    if (existing) return existing as Entry<K>
    const cached = this.#cache.get<K>(stream)
    if (cached && !this.#fresh) return this.#adopt(stream, cached)
    return loadStream(this.#store, this.#cache, stream, kind, cached).then((snapshot) => {
      if (cached && snapshot.version > cached.version) this.#behind = true
      return this.#adopt(stream, snapshot)
    })
  }

  /** Whether a fresh read found events the cache did not have: another writer moved a stream. */
  get behind(): boolean {
    return this.#behind
  }

  #adopt<K extends StreamKind>(stream: string, snapshot: StreamSnapshot<K>): Entry<K> {
    const entry: Entry<K> = {
      kind: snapshot.kind,
      baseVersion: snapshot.version,
      version: snapshot.version,
      state: snapshot.state,
      pending: [],
      changed: false,
    }
    this.#entries.set(stream, entry)
    return entry
  }

  /** The framework id a contract command's framework lock needs, once the contract is read. */
  async frameworkOfContract(contractId: string): Promise<string | undefined> {
    const contract = await this.#entry(contractStream(contractId), 'contract')
    return contract.state.status === 'none' ? undefined : contract.state.frameworkId
  }

  /**
   * Reads the states a command decides on, and names their streams: at once when they are in the
   * working set or the cache (the usual case), otherwise once they are read from the store.
   */
  statesFor(
    command: Command,
    target: CommandTarget = handlerOf(command.type).target(command),
  ): LoadedStates | Promise<LoadedStates> {
    let frameworkId = target.frameworkId
    let contract: ContractState = NO_CONTRACT
    if (target.contractId !== undefined) {
      const entry = this.#entry(contractStream(target.contractId), 'contract')
      if (entry instanceof Promise) return entry.then(() => this.statesFor(command, target))
      contract = entry.state
      if (
        frameworkId === undefined &&
        target.withFramework === true &&
        contract.status !== 'none'
      ) {
        frameworkId = contract.frameworkId
      }
    }
    let framework: FrameworkState = NO_FRAMEWORK
    if (frameworkId !== undefined) {
      const entry = this.#entry(frameworkStream(frameworkId), 'framework')
      if (entry instanceof Promise) return entry.then(() => this.statesFor(command, target))
      framework = entry.state
    }
    const productName =
      target.product && productStream(target.product.beneficiaryId, target.product.product)
    let product: ProductState = NO_PRODUCT
    if (productName !== undefined) {
      const entry = this.#entry(productName, 'product')
      if (entry instanceof Promise) return entry.then(() => this.statesFor(command, target))
      product = entry.state
    }
    return {
      states: { framework, contract, product },
      frameworkStream: frameworkId === undefined ? undefined : frameworkStream(frameworkId),
      contractStream:
        target.contractId === undefined ? undefined : contractStream(target.contractId),
      productStream: productName,
    }
  }

  /** Adds decided events to their streams and moves the states on. Returns the versions written. */
  add(
    loaded: LoadedStates,
    decided: {
      readonly framework: readonly FrameworkEvent[]
      readonly contract: readonly ContractEvent[]
      readonly product?: readonly ProductEvent[]
    },
    stamp: EventStamp,
  ): WrittenRange[] {
    const ranges: WrittenRange[] = []
    this.#addTo(loaded.contractStream, decided.contract, stamp, ranges)
    this.#addTo(loaded.frameworkStream, decided.framework, stamp, ranges)
    if (decided.product !== undefined) {
      this.#addTo(loaded.productStream, decided.product, stamp, ranges)
    }
    return ranges
  }

  #addTo(
    stream: string | undefined,
    events: readonly DomainEvent[],
    stamp: EventStamp,
    ranges: WrittenRange[],
  ): void {
    if (events.length === 0) return
    const entry = stream === undefined ? undefined : this.#entries.get(stream)
    if (stream === undefined || !entry)
      throw new Error(`A decision wrote to a stream it did not read.`)
    const fromVersion = entry.version + 1
    const last = this.#segments[this.#segments.length - 1]
    let segment: NewEvent[]
    if (last?.stream === stream) segment = last.events
    else {
      segment = []
      this.#segments.push({ stream, expectedVersion: entry.version, events: segment })
    }
    for (const event of events) segment.push(stampEvent(event, stamp))
    if (this.#deferred) for (const event of events) entry.pending.push(event)
    else {
      entry.changed = true
      applyInPlace(entry.kind, entry.state as never, events as never)
    }
    entry.version += events.length
    ranges.push({ stream, fromVersion, toVersion: entry.version })
  }

  /**
   * The append: the decided events in the order they were decided, a stream named again each time
   * a later command of the batch comes back to it (so that log positions follow decisions: a
   * call-off's commitment comes before its payments), then every stream read without writing, at
   * the version it was read, so that the decisions hold only if nothing changed under them.
   */
  writes(): StreamWrite[] {
    const writes: StreamWrite[] = [...this.#segments]
    for (const [stream, entry] of this.#entries) {
      if (entry.version === entry.baseVersion) {
        writes.push({ stream, expectedVersion: entry.baseVersion, events: [] })
      }
    }
    return writes
  }

  /**
   * After a failed attempt: a batch's decisions went into the cached states themselves, which no
   * longer match the store. They leave the cache; the next command on their streams reads them
   * again from the store. (One command at a time changes nothing before `commit`.)
   */
  abandon(): void {
    for (const [stream, entry] of this.#entries) if (entry.changed) this.#cache.delete(stream)
  }

  /**
   * After a successful append: deferred events are applied in place, and the cache learns the new
   * states. A recipe that throws half-way leaves a state no one may use: it leaves the cache, and
   * the next command on the stream reads it again from the store.
   */
  commit(): void {
    for (const [stream, entry] of this.#entries) {
      if (entry.pending.length > 0) {
        try {
          applyInPlace(entry.kind, entry.state as never, entry.pending as never)
        } catch (error) {
          this.#cache.delete(stream)
          throw error
        }
      }
      this.#cache.set({ stream, kind: entry.kind, version: entry.version, state: entry.state })
    }
  }
}

/**
 * A decided event, validated and stamped with its id and metadata, ready for the store (which drops
 * any `undefined` member as it keeps the event).
 */
function stampEvent(event: DomainEvent, stamp: EventStamp): NewEvent {
  const encoded = validatedEvent(event)
  const effectiveOn = (EVENT_CATALOGUE[event.type].effectiveOn as (data: unknown) => string)(
    event.data,
  )
  const meta: EventMeta =
    stamp.correlationId === undefined && stamp.causationId === undefined
      ? {
          commandId: stamp.commandId,
          actorId: stamp.actorId,
          recordedAt: stamp.recordedAt,
          effectiveOn,
        }
      : {
          commandId: stamp.commandId,
          actorId: stamp.actorId,
          ...(stamp.correlationId === undefined ? {} : { correlationId: stamp.correlationId }),
          ...(stamp.causationId === undefined ? {} : { causationId: stamp.causationId }),
          recordedAt: stamp.recordedAt,
          effectiveOn,
        }
  return {
    id: stamp.newId(),
    type: encoded.type,
    schemaVersion: encoded.schemaVersion,
    data: encoded.data,
    meta,
  }
}
