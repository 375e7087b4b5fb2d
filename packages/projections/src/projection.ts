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
