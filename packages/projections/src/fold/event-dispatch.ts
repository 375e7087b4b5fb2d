import {
  decodeEvent,
  EVENT_CATALOGUE,
  EVENT_TYPES,
  type EventType,
  type LedgerEvent,
  type RecordedEvent,
} from '@plafond/core'
import type { AnyProjection, EventKey } from '../projection.js'
import { readEvent, type ReadMode } from './read-event.js'

/** One projection's keyed `apply` for one event type, and where its entry sits. */
export interface KeyedStep {
  /** Index of the projection. */
  readonly projection: number
  /** Index of its entry among those its key finds (`KeyPlan.members`). */
  readonly slot: number
  readonly apply: (state: unknown, entry: unknown, event: LedgerEvent) => void
}

/** The keyed `apply`s one event type goes to, for one key. */
export interface KeyedRoute {
  /** Index of the key in `EventDispatch.keys`. */
  readonly key: number
  readonly steps: readonly KeyedStep[]
}

/** A key that projections share, and the projections that find entries by it. */
export interface KeyPlan {
  readonly key: EventKey
  /** Indexes of the projections, in slot order. */
  readonly members: readonly number[]
}

/** For one event type: its current schema version and the projections that read it. */
export interface Route {
  readonly type: string
  readonly schemaVersion: number
  /** Indexes of the projections whose `handles` name the type (or that handle every type). */
  readonly projections: readonly number[]
  /** Of those, the ones whose `evolve` a keyed fold calls: their `keyed` does not apply the type. */
  readonly evolved: readonly number[]
  /** The others, by key: `keyed.apply` takes the entry that the event's key finds. */
  readonly keyed: readonly KeyedRoute[]
  /**
   * Keys (indexes in `EventDispatch.keys`) whose entries an `evolve` of this type may replace:
   * a keyed fold looks the event's key up again afterwards.
   */
  readonly stale: readonly number[]
}

// An unknown type: no version matches, so reading it goes to `readEvent`, which throws.
const UNKNOWN: Route = {
  type: '',
  schemaVersion: -1,
  projections: [],
  evolved: [],
  keyed: [],
  stale: [],
}

function keyPlans(projections: readonly AnyProjection[]): KeyPlan[] {
  const plans: { key: EventKey; members: number[] }[] = []
  projections.forEach((projection, index) => {
    const key = projection.keyed?.key
    if (key === undefined) return
    const plan = plans.find((p) => p.key === key)
    if (plan) plan.members.push(index)
    else plans.push({ key, members: [index] })
  })
  return plans
}

function routeOf(
  type: EventType,
  projections: readonly AnyProjection[],
  keys: readonly KeyPlan[],
): Route {
  const reading: number[] = []
  const evolved: number[] = []
  const keyed: { key: number; steps: KeyedStep[] }[] = []
  const stale = new Set<number>()
  projections.forEach((projection, index) => {
    if (projection.handles !== undefined && !projection.handles.includes(type)) return
    reading.push(index)
    const part = projection.keyed
    const key = part === undefined ? -1 : keys.findIndex((plan) => plan.key === part.key)
    const apply = part?.apply[type] as KeyedStep['apply'] | undefined
    if (apply === undefined) {
      evolved.push(index)
      if (key >= 0) stale.add(key)
      return
    }
    const step = { projection: index, slot: keys[key]!.members.indexOf(index), apply }
    const route = keyed.find((r) => r.key === key)
    if (route) route.steps.push(step)
    else keyed.push({ key, steps: [step] })
  })
  return {
    type,
    schemaVersion: EVENT_CATALOGUE[type].schemaVersion,
    projections: reading,
    evolved,
    keyed,
    stale: [...stale],
  }
}

const SLOTS = 1024

// Five bits of the length and five of the first letter: distinct for the event types but a few
// that share both. Any other string lands in a slot whose routes it does not equal (an empty
// string too: NaN & 31 is 0).
function slotOf(type: string): number {
  return ((type.length & 31) << 5) | (type.charCodeAt(0) & 31)
}

/**
 * Routes events to the projections that read them: one lookup per event finds both the schema
 * version a trusted read checks and the projections to call, so a projection pays nothing for
 * the events it ignores. It also plans keyed folds (`Projection.keyed`): which projections'
 * `apply` take each type, and which keys they share.
 */
export class EventDispatch {
  // Routes by the type's length and first letter, then one comparison of the whole type: a `Map`
  // would hash the type, and a store hands every event a string of its own. Every slot holds a
  // list (most are empty), so that the array stays dense.
  readonly #routes: Route[][] = Array.from({ length: SLOTS }, () => [])
  readonly #mode: ReadMode
  /** The keys the projections find entries by, each with the projections that share it. */
  readonly keys: readonly KeyPlan[]

  constructor(projections: readonly AnyProjection[], mode: ReadMode) {
    this.#mode = mode
    this.keys = keyPlans(projections)
    for (const type of EVENT_TYPES) {
      this.#routes[slotOf(type)]!.push(routeOf(type, projections, this.keys))
    }
  }

  /** The route of an event type. */
  route(type: string): Route {
    const routes = this.#routes[slotOf(type)]!
    for (let i = 0; i < routes.length; i++) if (routes[i]!.type === type) return routes[i]!
    return UNKNOWN
  }

  /**
   * Reads a stored event as `readEvent` would: a trusted event at its type's current version is
   * used as it is; other versions are upcast, unknown types and future versions throw.
   */
  read(recorded: RecordedEvent, route: Route): LedgerEvent {
    if (recorded.schemaVersion !== route.schemaVersion) return readEvent(recorded, this.#mode)
    return this.#mode === 'trust' ? (recorded as LedgerEvent) : decodeEvent(recorded)
  }
}
