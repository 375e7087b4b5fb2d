import {
  decodeEvent,
  EVENT_CATALOGUE,
  EVENT_TYPES,
  type LedgerEvent,
  type RecordedEvent,
} from '@plafond/core'
import type { AnyProjection } from '../projection.js'
import { readEvent, type ReadMode } from './read-event.js'

/** For one event type: its current schema version and the projections that read it. */
export interface Route {
  readonly schemaVersion: number
  /** Indexes of the projections whose `handles` name the type (or that handle every type). */
  readonly projections: readonly number[]
}

// An unknown type: no version matches, so reading it goes to `readEvent`, which throws.
const UNKNOWN: Route = { schemaVersion: -1, projections: [] }

/**
 * Routes events to the projections that read them: one lookup per event finds both the schema
 * version a trusted read checks and the projections to call, so a projection pays nothing for
 * the events it ignores.
 */
export class EventDispatch {
  readonly #routes = new Map<string, Route>()
  readonly #mode: ReadMode

  constructor(projections: readonly AnyProjection[], mode: ReadMode) {
    this.#mode = mode
    for (const type of EVENT_TYPES) {
      const reading: number[] = []
      projections.forEach((projection, index) => {
        if (projection.handles === undefined || projection.handles.includes(type)) {
          reading.push(index)
        }
      })
      this.#routes.set(type, {
        schemaVersion: EVENT_CATALOGUE[type].schemaVersion,
        projections: reading,
      })
    }
  }

  /** The route of an event type. */
  route(type: string): Route {
    return this.#routes.get(type) ?? UNKNOWN
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
