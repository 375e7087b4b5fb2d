import type { Draft } from 'immer'
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

/**
 * A deep copy of a stream state, for a working set to apply its decisions to in place: plain
 * objects and arrays are copied, `undefined` members kept; anything else (never in the core's
 * states) goes through `structuredClone`. Copying a state once per batch costs less than an immer
 * copy-on-write per command, and leaves the cached state as it was until the append succeeds.
 */
export function privateCopy<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value
  if (Array.isArray(value)) {
    const items: unknown[] = new Array(value.length)
    for (let i = 0; i < value.length; i++) items[i] = privateCopy(value[i] as unknown)
    return items as T
  }
  const prototype = Object.getPrototypeOf(value) as unknown
  if (prototype !== Object.prototype && prototype !== null) return structuredClone(value)
  const out: Record<string, unknown> = {}
  for (const key of Object.keys(value))
    out[key] = privateCopy((value as Record<string, unknown>)[key])
  return out as T
}

/** Applies events to a state the caller owns (fresh, or a `privateCopy`), in place. */
export function applyInPlace<K extends StreamKind>(
  kind: K,
  state: StateOf<K>,
  events: readonly EventOf<K>[],
): void {
  const evolve = STREAM_DECIDERS[kind].evolve as (state: unknown, event: EventOf<K>) => void
  for (const event of events) evolve(state, event)
}

/**
 * Decided states by stream; past `limit`, one that has not been used for the longest while goes
 * (the "second chance" approximation of least-recently-used: a read only marks its slot, where
 * moving it to the back of the map on every command cost two hash-table writes). A cached state
 * may be stale when other processes write: the expected version of the next append finds out, and
 * the ledger then reads the stream's tail.
 */
export class StateCache {
  readonly #slots = new Map<string, { snapshot: StreamSnapshot; used: boolean }>()
  readonly #limit: number

  constructor(limit: number) {
    this.#limit = limit
  }

  get<K extends StreamKind>(stream: string): StreamSnapshot<K> | undefined {
    const slot = this.#slots.get(stream)
    if (slot === undefined) return undefined
    slot.used = true
    return slot.snapshot as StreamSnapshot<K>
  }

  /** Forgets a stream's state: the next command on it reads the stream from the store. */
  delete(stream: string): void {
    this.#slots.delete(stream)
  }

  set(snapshot: StreamSnapshot): void {
    const slot = this.#slots.get(snapshot.stream)
    if (slot !== undefined) {
      slot.snapshot = snapshot
      slot.used = true
      return
    }
    this.#slots.set(snapshot.stream, { snapshot, used: false })
    if (this.#slots.size > this.#limit) this.#evict(snapshot.stream)
  }

  /**
   * From the oldest slot on: one used since it was last passed loses its mark and goes to the
   * back, and so does the state just added; the first other one unused goes. Ends within one lap
   * and a slot, since every slot passed is then unused.
   */
  #evict(added: string): void {
    for (const [stream, slot] of this.#slots) {
      this.#slots.delete(stream)
      if (!slot.used && stream !== added) return
      slot.used = false
      this.#slots.set(stream, slot)
    }
  }
}

/**
 * A stream's state brought up to date with the store: `cached` (or the initial state when nothing
 * is cached) with the events after its version applied; to a copy of a cached state, which a
 * decision in flight may still be reading. The cache learns the result.
 */
export async function loadStream<K extends StreamKind>(
  store: EventStore,
  cache: StateCache,
  stream: string,
  kind: K,
  cached: StreamSnapshot<K> | undefined,
): Promise<StreamSnapshot<K>> {
  let version = cached?.version ?? 0
  const tail: (K extends 'framework' ? FrameworkEvent : ContractEvent)[] = []
  for await (const recorded of store.readStream(stream, { fromVersion: version + 1 })) {
    tail.push(
      decodeEvent(recorded) as unknown as K extends 'framework' ? FrameworkEvent : ContractEvent,
    )
    version = recorded.version
  }
  let state = cached?.state ?? initialState(kind)
  if (tail.length > 0) {
    // The cached state may be in use by a decision in flight: the tail goes on a copy of it.
    if (cached) state = privateCopy(state)
    applyInPlace(kind, state, tail)
  }
  const snapshot: StreamSnapshot<K> = { stream, kind, version, state }
  cache.set(snapshot)
  return snapshot
}
