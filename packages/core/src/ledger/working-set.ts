import { handlerOf, type DecisionStates } from '../commands/command-handlers.js'
import { initialContractState } from '../contract/contract-state.js'
import {
  contractStream,
  frameworkStream,
  productStream,
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
import { encodeEvent } from '../events/event-codec.js'
import { initialFrameworkState } from '../framework/framework-state.js'
import { initialProductState } from '../product/product-state.js'
import type { Command } from '../commands/command.js'
import type { EventStore, StreamWrite, WrittenRange } from '../store/event-store.js'
import { applyEvents, loadStream, type StateCache, type StateOf } from './stream-states.js'

interface Entry<K extends StreamKind = StreamKind> {
  readonly kind: K
  /** The version the stream was read at: the append expects it. */
  readonly baseVersion: number
  version: number
  state: StateOf<K>
  readonly events: NewEvent[]
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

  constructor(store: EventStore, cache: StateCache, fresh: boolean) {
    this.#store = store
    this.#cache = cache
    this.#fresh = fresh
  }

  async #entry<K extends StreamKind>(stream: string, kind: K): Promise<Entry<K>> {
    const existing = this.#entries.get(stream)
    if (existing) return existing as Entry<K>
    const snapshot = await loadStream(this.#store, this.#cache, stream, kind, this.#fresh)
    const entry: Entry<K> = {
      kind,
      baseVersion: snapshot.version,
      version: snapshot.version,
      state: snapshot.state,
      events: [],
    }
    this.#entries.set(stream, entry)
    return entry
  }

  /** The framework id a contract command's framework lock needs, once the contract is read. */
  async frameworkOfContract(contractId: string): Promise<string | undefined> {
    const contract = await this.#entry(contractStream(contractId), 'contract')
    return contract.state.status === 'none' ? undefined : contract.state.frameworkId
  }

  /** Reads the states a command decides on, and names their streams. */
  async statesFor(command: Command): Promise<LoadedStates> {
    const target = handlerOf(command.type).target(command)
    let frameworkId = target.frameworkId
    let contract = initialContractState()
    if (target.contractId !== undefined) {
      contract = (await this.#entry(contractStream(target.contractId), 'contract')).state
      if (
        frameworkId === undefined &&
        target.withFramework === true &&
        contract.status !== 'none'
      ) {
        frameworkId = contract.frameworkId
      }
    }
    const framework =
      frameworkId === undefined
        ? initialFrameworkState()
        : (await this.#entry(frameworkStream(frameworkId), 'framework')).state
    const productName =
      target.product && productStream(target.product.beneficiaryId, target.product.product)
    const product =
      productName === undefined
        ? initialProductState()
        : (await this.#entry(productName, 'product')).state
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
    for (const [stream, events] of [
      [loaded.contractStream, decided.contract],
      [loaded.frameworkStream, decided.framework],
      [loaded.productStream, decided.product ?? []],
    ] as const) {
      if (events.length === 0) continue
      const entry = stream === undefined ? undefined : this.#entries.get(stream)
      if (stream === undefined || !entry)
        throw new Error(`A decision wrote to a stream it did not read.`)
      const fromVersion = entry.version + 1
      for (const event of events) entry.events.push(this.#stamp(event, stamp))
      entry.state = applyEvents(entry.kind, entry.state as never, events as never)
      entry.version += events.length
      ranges.push({ stream, fromVersion, toVersion: entry.version })
    }
    return ranges
  }

  #stamp(event: DomainEvent, stamp: EventStamp): NewEvent {
    const encoded = encodeEvent(event)
    return {
      id: stamp.newId(),
      ...encoded,
      meta: {
        commandId: stamp.commandId,
        actorId: stamp.actorId,
        ...(stamp.correlationId === undefined ? {} : { correlationId: stamp.correlationId }),
        ...(stamp.causationId === undefined ? {} : { causationId: stamp.causationId }),
        recordedAt: stamp.recordedAt,
        effectiveOn: (EVENT_CATALOGUE[event.type].effectiveOn as (data: unknown) => string)(
          event.data,
        ),
      },
    }
  }

  /** Every stream read, at the version it was read, with the events to append. */
  writes(): StreamWrite[] {
    return [...this.#entries].map(([stream, entry]) => ({
      stream,
      expectedVersion: entry.baseVersion,
      events: entry.events,
    }))
  }

  /** After a successful append: the cache learns the new states. */
  commit(): void {
    for (const [stream, entry] of this.#entries) {
      this.#cache.set({ stream, kind: entry.kind, version: entry.version, state: entry.state })
    }
  }
}
