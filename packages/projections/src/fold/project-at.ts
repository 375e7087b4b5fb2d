import type { RecordedEvent } from '@plafond/core'
import type { AnyProjection, StatesOf } from '../projection.js'
import { standardProjections } from '../standard/standard-projections.js'
import { foldProjections, type FoldOptions } from './fold-projections.js'

/**
 * The standard projections (or `projections`) as of a business date and/or as known at an
 * instant: a filtered fold of the log. `asOf: D` keeps the events dated up to D; `asKnownAt: T`
 * the events recorded by T, before later corrections.
 *
 * ```ts
 * const states = projectAt(events, { asOf: '2026-12-31', asKnownAt: '2027-01-15T00:00:00Z' })
 * overviewProjection.view(states.overview)
 * ```
 */
export function projectAt(
  events: Iterable<RecordedEvent>,
  window: FoldOptions,
): StatesOf<typeof standardProjections>
export function projectAt<const Ps extends readonly AnyProjection[]>(
  events: Iterable<RecordedEvent>,
  window: FoldOptions,
  projections: Ps,
): StatesOf<Ps>
export function projectAt(
  events: Iterable<RecordedEvent>,
  window: FoldOptions,
  projections: readonly AnyProjection[] = standardProjections,
): unknown {
  return foldProjections(events, projections, window)
}
