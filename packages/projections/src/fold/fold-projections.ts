import type { RecordedEvent } from '@plafond/core'
import { freeze } from 'immer'
import type { AnyProjection, StatesOf } from '../projection.js'
import { InPlaceFold } from './in-place-fold.js'
import type { ReadMode } from './read-event.js'
import { inWindow, normalizeWindow, type TimeWindow } from './time-window.js'

/** Options of `foldProjections`: a time window, how to read events, whether to freeze. */
export interface FoldOptions extends TimeWindow {
  /**
   * `trust` (default) when the events come from `ledger.readAll()` (already decoded) or from a
   * store whose chain verified; `validate` to run each through core's `decodeEvent`.
   */
  readonly read?: ReadMode
  /** Deep-freeze the resulting states, as immer would; true by default. */
  readonly freeze?: boolean
}

/** Throws when two projections share a name: their states and checkpoints would collide. */
export function checkProjectionNames(projections: readonly AnyProjection[]): void {
  const seen = new Set<string>()
  for (const projection of projections) {
    if (seen.has(projection.name)) {
      throw new RangeError(
        `Expected projections with distinct names, found "${projection.name}" twice. Rename one of them.`,
      )
    }
    seen.add(projection.name)
  }
}

function statesByName<Ps extends readonly AnyProjection[]>(
  projections: Ps,
  states: readonly unknown[],
  deepFreeze: boolean,
): StatesOf<Ps> {
  const out: Record<string, unknown> = {}
  projections.forEach((projection, i) => {
    out[projection.name] = deepFreeze ? freeze(states[i], true) : states[i]
  })
  return (deepFreeze ? Object.freeze(out) : out) as StatesOf<Ps>
}

/**
 * Folds events, in the order given (log order), into fresh states of `projections`, keeping only
 * those inside the time window. Pure: the same events and options give the same states.
 *
 * ```ts
 * const events: LedgerEvent[] = []
 * for await (const event of ledger.readAll()) events.push(event)
 * const { overview } = foldProjections(events, [overviewProjection], { asOf: '2026-12-31' })
 * overviewProjection.view(overview)
 * ```
 */
export function foldProjections<const Ps extends readonly AnyProjection[]>(
  events: Iterable<RecordedEvent>,
  projections: Ps,
  options: FoldOptions = {},
): StatesOf<Ps> {
  checkProjectionNames(projections)
  const window = normalizeWindow(options)
  const filtered = window.asOf !== undefined || window.asKnownAt !== undefined
  const fold = new InPlaceFold(projections, options.read ?? 'trust')
  if (Array.isArray(events)) {
    // An index, not `for…of`: a loop that stays unoptimized allocates an iterator result per event.
    const list = events as readonly RecordedEvent[]
    for (let i = 0; i < list.length; i++) {
      const recorded = list[i]!
      if (!filtered || inWindow(recorded, window)) fold.apply(recorded)
    }
  } else {
    for (const recorded of events) {
      if (!filtered || inWindow(recorded, window)) fold.apply(recorded)
    }
  }
  return statesByName(projections, fold.states, options.freeze ?? true)
}

/** `foldProjections` over an asynchronous stream, such as `ledger.readAll()` or `store.readAll()`. */
export async function foldProjectionsAsync<const Ps extends readonly AnyProjection[]>(
  events: AsyncIterable<RecordedEvent>,
  projections: Ps,
  options: FoldOptions = {},
): Promise<StatesOf<Ps>> {
  checkProjectionNames(projections)
  const window = normalizeWindow(options)
  const filtered = window.asOf !== undefined || window.asKnownAt !== undefined
  const fold = new InPlaceFold(projections, options.read ?? 'trust')
  for await (const recorded of events) {
    if (filtered && !inWindow(recorded, window)) continue
    fold.apply(recorded)
  }
  return statesByName(projections, fold.states, options.freeze ?? true)
}
