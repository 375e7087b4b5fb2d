import { Immer, type Draft } from 'immer'
import { evolveContract } from '../contract/contract-evolve.js'
import { initialContractState, type ContractState } from '../contract/contract-state.js'
import type {
  ContractEvent,
  FrameworkEvent,
  ProductEvent,
  StreamKind,
} from '../events/event-catalogue.js'
import { decodeEvent } from '../events/event-codec.js'
import { evolveFramework } from '../framework/framework-evolve.js'
import { initialFrameworkState, type FrameworkState } from '../framework/framework-state.js'
import { evolveProduct } from '../product/product-evolve.js'
import { initialProductState, type ProductState } from '../product/product-state.js'
import type { EventStore } from '../store/event-store.js'

/** The state and event types of each stream kind. */
export interface StreamTypes {
  readonly framework: { readonly state: FrameworkState; readonly event: FrameworkEvent }
  readonly contract: { readonly state: ContractState; readonly event: ContractEvent }
  readonly product: { readonly state: ProductState; readonly event: ProductEvent }
}

/** The state type of a stream kind. */
export type StateOf<K extends StreamKind> = StreamTypes[K]['state']

/** The event type of a stream kind. */
export type EventOf<K extends StreamKind> = StreamTypes[K]['event']

/** Each stream kind's decider pieces: its initial state and its `evolve` recipe. */
export const STREAM_DECIDERS: {
  readonly [K in StreamKind]: {
    readonly initialState: () => StateOf<K>
    readonly evolve: (state: Draft<StateOf<K>>, event: EventOf<K>) => void
  }
} = {
  framework: { initialState: initialFrameworkState, evolve: evolveFramework },
  contract: { initialState: initialContractState, evolve: evolveContract },
  product: { initialState: initialProductState, evolve: evolveProduct },
}

/** A stream's state as of a version. */
export interface StreamSnapshot<K extends StreamKind = StreamKind> {
  readonly stream: string
  readonly kind: K
  readonly version: number
  readonly state: StateOf<K>
}

/** The initial state of a stream kind. */
export function initialState<K extends StreamKind>(kind: K): StateOf<K> {
  return STREAM_DECIDERS[kind].initialState()
}

// The ledger's own immer: copy-on-write without freezing. Deep-freezing each new state cost two
// thirds of `produce` on the command path (ADR 0006); states never leave the ledger, and the
// deciders that read them take readonly types.
const immer = new Immer({ autoFreeze: false })

/** Applies events to a state in one immer `produce`: one copy-on-write pass however many events. */
export function applyEvents<K extends StreamKind>(
  kind: K,
  state: StateOf<K>,
  events: readonly EventOf<K>[],
): StateOf<K> {
  if (events.length === 0) return state
  const evolve = STREAM_DECIDERS[kind].evolve as (draft: unknown, event: EventOf<K>) => void
  return immer.produce(state, (draft: unknown) => {
    for (const event of events) evolve(draft, event)
  })
}

/**
 * Decided states by stream, most recently used last; the oldest are dropped past `limit`. A cached
 * state may be stale when other processes write: the expected version of the next append finds
 * out, and the ledger then reads the stream's tail.
 */
export class StateCache {
  readonly #entries = new Map<string, StreamSnapshot>()
  readonly #limit: number

  constructor(limit: number) {
    this.#limit = limit
  }

  get<K extends StreamKind>(stream: string): StreamSnapshot<K> | undefined {
    const entry = this.#entries.get(stream)
    if (entry) {
      this.#entries.delete(stream)
      this.#entries.set(stream, entry)
    }
    return entry as StreamSnapshot<K> | undefined
  }

  /** Forgets a stream's state: the next command on it reads the stream from the store. */
  delete(stream: string): void {
    this.#entries.delete(stream)
  }

  set(snapshot: StreamSnapshot): void {
    this.#entries.delete(snapshot.stream)
    this.#entries.set(snapshot.stream, snapshot)
    if (this.#entries.size > this.#limit) {
      const oldest = this.#entries.keys().next().value
      if (oldest !== undefined) this.#entries.delete(oldest)
    }
  }
}

/**
 * A stream's state: from the cache when `fresh` is false, otherwise the cached state brought up to
 * date with the events after it (or the whole stream when nothing is cached).
 */
export async function loadStream<K extends StreamKind>(
  store: EventStore,
  cache: StateCache,
  stream: string,
  kind: K,
  fresh: boolean,
): Promise<StreamSnapshot<K>> {
  const cached = cache.get<K>(stream)
  if (cached && !fresh) return cached
  let version = cached?.version ?? 0
  const tail: (K extends 'framework' ? FrameworkEvent : ContractEvent)[] = []
  for await (const recorded of store.readStream(stream, { fromVersion: version + 1 })) {
    tail.push(
      decodeEvent(recorded) as unknown as K extends 'framework' ? FrameworkEvent : ContractEvent,
    )
    version = recorded.version
  }
  const snapshot: StreamSnapshot<K> = {
    stream,
    kind,
    version,
    state: applyEvents(kind, cached?.state ?? initialState(kind), tail),
  }
  cache.set(snapshot)
  return snapshot
}
