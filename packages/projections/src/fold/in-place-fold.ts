import type { RecordedEvent } from '@plafond/core'
import type { AnyProjection } from '../projection.js'
import { EventDispatch } from './event-dispatch.js'
import type { ReadMode } from './read-event.js'

/**
 * How many keys (call-offs, for `CALL_OFF`) a keyed fold remembers the entries of. Past it, it
 * forgets them all and finds them again as events come: a million events' books name 77 000
 * call-offs, whose entries, held for the whole fold, were about 12 MB of a catch-up's peak and
 * bought nothing once a call-off's events were over.
 */
export const REMEMBERED_KEYS = 4_096

/**
 * The bulk-replay loop: applies events to private mutable states of `projections`, in place,
 * with no `produce` per event (immer's per-event cost is several times the work itself; see
 * ADR 5). Projections that find their entries by a shared key (`Projection.keyed`) have them
 * found once per key, not once per projection per event (ADR 10): the entries found are kept for
 * the fold's lifetime, which is sound only because nothing else mutates these states.
 */
export class InPlaceFold {
  /** `states[i]` is the state of `projections[i]`. */
  readonly states: unknown[]
  readonly #projections: readonly AnyProjection[]
  readonly #dispatch: EventDispatch
  /** Per key plan: key → the entries its members found (undefined where a member has none). */
  readonly #found: Map<string, unknown[]>[]

  /**
   * Folds into `states` when given (`states[i]` for `projections[i]`, such as states read from
   * checkpoints; the fold mutates them and nothing else may meanwhile), else into fresh ones.
   */
  constructor(projections: readonly AnyProjection[], mode: ReadMode, states?: readonly unknown[]) {
    if (states !== undefined && states.length !== projections.length) {
      throw new RangeError(
        `Expected a state for each of the ${projections.length} projections, found ${states.length}.`,
      )
    }
    this.#projections = projections
    this.#dispatch = new EventDispatch(projections, mode)
    this.states =
      states?.slice() ?? projections.map((projection) => projection.initialState() as unknown)
    this.#found = this.#dispatch.keys.map(() => new Map<string, unknown[]>())
  }

  /**
   * Reads one stored event (see `EventDispatch.read`) and applies it to every state that reads it,
   * except the states `i` for which `skip[i]` is true: a state resumed from a checkpoint at or after
   * the event's position already holds it.
   */
  apply(recorded: RecordedEvent, skip?: readonly boolean[]): void {
    const route = this.#dispatch.route(recorded.type)
    const event = this.#dispatch.read(recorded, route)
    const states = this.states
    const evolved = route.evolved
    for (let k = 0; k < evolved.length; k++) {
      const i = evolved[k]!
      if (skip?.[i] !== true) this.#projections[i]!.evolve(states[i], event)
    }
    // Forgetting a key is always sound, even when the `evolve` that may replace its entries was
    // skipped: the key is then only looked up again.
    const stale = route.stale
    for (let k = 0; k < stale.length; k++) {
      const plan = stale[k]!
      const key = this.#dispatch.keys[plan]!.key.of(event)
      if (key !== undefined) this.#found[plan]!.delete(key)
    }
    const keyed = route.keyed
    for (let k = 0; k < keyed.length; k++) {
      const { key: plan, steps } = keyed[k]!
      const key = this.#dispatch.keys[plan]!.key.of(event)
      if (key === undefined) continue
      const entries = this.#entries(plan, key)
      for (let s = 0; s < steps.length; s++) {
        const step = steps[s]!
        const entry = entries[step.slot]
        if (entry !== undefined && skip?.[step.projection] !== true) {
          step.apply(states[step.projection], entry, event)
        }
      }
    }
  }

  /** What each member of a key plan finds for `key`, found once and then remembered. */
  #entries(plan: number, key: string): unknown[] {
    const found = this.#found[plan]!
    let entries = found.get(key)
    if (entries === undefined) {
      entries = []
      for (const i of this.#dispatch.keys[plan]!.members) {
        entries.push(this.#projections[i]!.keyed!.find(this.states[i], key) as unknown)
      }
      if (found.size >= REMEMBERED_KEYS) found.clear()
      found.set(key, entries)
    }
    return entries
  }
}
