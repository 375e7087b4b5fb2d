import type { EventType, LedgerEvent } from '@plafond/core'
import type { Draft } from 'immer'

/**
 * A read model over the ledger's events: a name, a version, a fresh initial state and `evolve`,
 * an immer recipe that applies one event by mutating its draft. The same recipe runs under
 * `produce` on the live path and on a private mutable state during bulk replay, so it must only
 * mutate `state`, return nothing, and read nothing but `state` and `event`.
 */
export interface Projection<TName extends string = string, TState = unknown> {
  /** Unique among the projections of a runner; the key of its checkpoint and of its state. */
  readonly name: TName
  /** Bump it whenever `evolve` or the state's shape changes: the runner then rebuilds from the start. */
  readonly version: number
  /** A new, mutable initial state (a function, so that bulk replay can mutate its own copy). */
  readonly initialState: () => TState
  /** Applies one event to the state, in log order. Events it does not use leave it unchanged. */
  readonly evolve: (state: Draft<TState>, event: LedgerEvent) => void
  /**
   * The event types `evolve` reads; folds skip the others without calling it. A speed hint only:
   * `evolve` must still leave other events alone. Every type when omitted.
   */
  readonly handles?: readonly EventType[]
  /**
   * The part of `evolve` that updates one entry found by a key of the event (a call-off's row,
   * say). A speed hint only, like `handles`: bulk folds use it to find each key's entries once for
   * every projection that shares the key, instead of once per projection per event.
   */
  readonly keyed?: KeyedEvolve<TState>
}

/**
 * What an event is about, as several projections key their entries (`CALL_OFF`: the call-off).
 * Projections that use the same `EventKey` object share one lookup per event in a bulk fold.
 */
export interface EventKey {
  /** What the key names, for readers and messages. */
  readonly name: string
  /** The event's key, or undefined when the event names none. */
  readonly of: (event: LedgerEvent) => string | undefined
}

/** The ledger event of type `T`. */
export type EventOf<T extends EventType> = Extract<LedgerEvent, { readonly type: T }>

/**
 * A projection's `evolve`, for the event types listed in `apply`, split in two: `find` the entry
 * of the event's key in the state, then `apply` the event to it. For those types `evolve` must do
 * exactly that, and nothing when `find` finds nothing (a test folds with and without the split).
 *
 * A bulk fold on private states remembers what `find` returned for a key and calls `apply` with
 * it on later events, so `find` must keep returning the same object for a key until `evolve`
 * itself (for a type not in `apply`) handles an event with that key: an award that creates the
 * entry, say. Those events make the fold look the key up again.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the entry type is the projection's own business
export interface KeyedEvolve<TState, TEntry = any> {
  /** The key the entries are found by. */
  readonly key: EventKey
  /** The entry of `key` in the state, or undefined when the state does not know the key. */
  readonly find: (state: Draft<TState>, key: string) => TEntry | undefined
  /** For each event type it reads by key, what `evolve` does once the entry is found. */
  readonly apply: {
    readonly [T in EventType]?: (state: Draft<TState>, entry: TEntry, event: EventOf<T>) => void
  }
}

/**
 * A projection with a report-ready view: `view` turns the state (bigint cents) into plain data
 * with amounts as decimal strings, sorted, with derived figures (shares, cumulative sums). Every
 * standard projection is one.
 */
export interface ViewedProjection<
  TName extends string = string,
  TState = unknown,
  TView = unknown,
  TViewOptions = void,
> extends Projection<TName, TState> {
  /** The state as a report reads it: amounts as decimal strings, derived figures computed. */
  readonly view: (state: TState, options: TViewOptions) => TView
}

/** Any projection, whatever its state. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a list of projections mixes state types
export type AnyProjection = Projection<string, any>

/** The state type of a projection. */
export type StateOf<P> = P extends Projection<string, infer S> ? S : never

/** The states of a list of projections, keyed by their names. */
export type StatesOf<Ps extends readonly AnyProjection[]> = {
  readonly [P in Ps[number] as P['name']]: StateOf<P>
}
