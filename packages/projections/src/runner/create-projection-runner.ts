import type { EventStore, LogHead, RecordedEvent } from '@plafond/core'
import { freeze, produce, type Draft } from 'immer'
import { checkProjectionNames, foldProjectionsAsync } from '../fold/fold-projections.js'
import { EventDispatch } from '../fold/event-dispatch.js'
import { InPlaceFold } from '../fold/in-place-fold.js'
import type { ReadMode } from '../fold/read-event.js'
import type { TimeWindow } from '../fold/time-window.js'
import type { AnyProjection, StateOf, StatesOf } from '../projection.js'
import { stateFromParts } from './checkpoint-parts.js'
import { logBatches } from './log-batches.js'
import { comparePositions, nextPosition, START } from './positions.js'
import { saveCheckpoint } from './save-checkpoint.js'

/** Options of `createProjectionRunner`. */
export interface ProjectionRunnerOptions<Ps extends readonly AnyProjection[]> {
  /** Where events and checkpoints live (in memory, SQLite, PostgreSQL). */
  readonly store: EventStore
  /** The projections to run; names must be distinct. */
  readonly projections: Ps
  /** Events read and applied at a time; 1000 by default. */
  readonly batchSize?: number
  /**
   * During a long catch-up, save checkpoints after at least this many events; 100 000 by default.
   * Each save serializes whole states, so its cost grows with the books, not with the batch: the
   * runner also waits, between two saves, nine times as long as the last save took, and skips
   * saves within this many positions of the log's head, since the catch-up saves at its end.
   */
  readonly checkpointEvery?: number
  /**
   * `validate` (default) runs every event through core's `decodeEvent`; `trust` skips the schema
   * check for logs whose hash chain was verified (events are validated on write). See ADR 5.
   */
  readonly read?: ReadMode
  /** Milliseconds between two polls of the store when following; 250 by default. */
  readonly pollInterval?: number
}

/** What one catch-up did. */
export interface CatchUpResult {
  /** Events read and applied. */
  readonly applied: number
  /** The last position applied by every projection, or `"0"` for an empty log. */
  readonly position: string
  /** Projections rebuilt from the start because their checkpoint had another version. */
  readonly rebuilt: readonly string[]
}

/** Options of `follow`. */
export interface FollowOptions {
  /** Stops following; `follow` then resolves. */
  readonly signal?: AbortSignal
  /** Overrides the runner's `pollInterval`. */
  readonly pollInterval?: number
  /** Called after each catch-up that applied events. */
  readonly onUpdate?: (result: CatchUpResult) => void
}

/** Keeps projections up to date with a store, checkpointed in it. */
export interface ProjectionRunner<Ps extends readonly AnyProjection[]> {
  /**
   * Loads checkpoints (the first time), rebuilds projections whose version changed, and applies
   * every event after them in batches, saving each projection's state and position together.
   * Calls are queued: two catch-ups never interleave.
   */
  catchUp(): Promise<CatchUpResult>
  /** Catches up, then polls for new events until `signal` aborts; new events need no restart. */
  follow(options?: FollowOptions): Promise<void>
  /** Wakes a follower now instead of at its next poll (for a writer in the same process). */
  notify(): void
  /** A projection's current state, deep-frozen. Throws before the first catch-up. */
  state<N extends Ps[number]['name']>(name: N): StateOf<Extract<Ps[number], { name: N }>>
  /** Every projection's current state, keyed by name. Throws before the first catch-up. */
  states(): StatesOf<Ps>
  /**
   * The same projections as of a business date and/or as known at an instant, folded from the
   * store's log (streamed in batches) with the runner's read mode. The runner's states stay as
   * they are: they serve "now".
   */
  at(window: TimeWindow): Promise<StatesOf<Ps>>
}

interface Entry {
  readonly projection: AnyProjection
  state: unknown
  /** The last position applied. */
  position: string
  /** Whether `state` was handed out (frozen): from then on it changes only through `produce`. */
  published: boolean
}

/** The position every entry has reached: where a catch-up starts reading, and what it reports. */
function lowestPosition(entries: readonly Entry[]): string {
  let low = entries[0]?.position ?? START
  for (const entry of entries) if (comparePositions(entry.position, low) < 0) low = entry.position
  return low
}

/** The position of the entry furthest ahead: events up to it are skipped by some entries. */
function highestPosition(entries: readonly Entry[]): string {
  let high = START
  for (const entry of entries) if (comparePositions(entry.position, high) > 0) high = entry.position
  return high
}

function checkCount(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new RangeError(`Expected ${name} to be a whole number of at least 1, found ${value}.`)
  }
}

/**
 * Creates a runner for `projections` over `store`. Checkpoints are the store's
 * (`loadCheckpoint`/`saveCheckpoint`): `{ name, version, position, parts }`, the state written in
 * parts of about 64 KB with its amounts exact (see `stateToParts`).
 *
 * ```ts
 * const runner = createProjectionRunner({ store: ledger.store, projections: standardProjections })
 * await runner.catchUp()
 * overviewProjection.view(runner.state('overview'))
 * ```
 */
export function createProjectionRunner<const Ps extends readonly AnyProjection[]>(
  options: ProjectionRunnerOptions<Ps>,
): ProjectionRunner<Ps> {
  const { store, projections } = options
  checkProjectionNames(projections)
  const batchSize = options.batchSize ?? 1000
  const checkpointEvery = options.checkpointEvery ?? 100_000
  const pollInterval = options.pollInterval ?? 250
  checkCount('batchSize', batchSize)
  checkCount('checkpointEvery', checkpointEvery)
  const mode = options.read ?? 'validate'
  const dispatch = new EventDispatch(projections, mode)
  let entries: Entry[] | undefined
  let queue: Promise<unknown> = Promise.resolve()
  let wake: (() => void) | undefined

  async function load(): Promise<{ entries: Entry[]; rebuilt: string[] }> {
    const rebuilt: string[] = []
    const loaded: Entry[] = []
    for (const projection of projections) {
      const checkpoint = await store.loadCheckpoint(projection.name)
      if (checkpoint !== undefined && checkpoint.version === projection.version) {
        loaded.push({
          projection,
          state: stateFromParts(checkpoint.parts),
          position: checkpoint.position,
          published: false,
        })
        continue
      }
      // No checkpoint, or one written by another version of the projection: start over.
      if (checkpoint !== undefined) rebuilt.push(projection.name)
      loaded.push({
        projection,
        state: projection.initialState(),
        position: START,
        published: false,
      })
    }
    return { entries: loaded, rebuilt }
  }

  /**
   * Applies a batch to entries that are all private, through a keyed in-place fold of their states
   * (ADR 10; ADR 13 for the runner). An entry resumed from an older checkpoint than the others
   * skips what it already holds.
   */
  function applyPrivately(
    fold: InPlaceFold,
    list: readonly Entry[],
    batch: readonly RecordedEvent[],
  ): void {
    const last = batch[batch.length - 1]!.position
    let i = 0
    if (comparePositions(batch[0]!.position, highestPosition(list)) <= 0) {
      const skip = list.map(() => false)
      for (; i < batch.length; i++) {
        const position = batch[i]!.position
        let behind = false
        for (let k = 0; k < list.length; k++) {
          skip[k] = comparePositions(position, list[k]!.position) <= 0
          if (skip[k]) behind = true
        }
        if (!behind) break
        fold.apply(batch[i]!, skip)
      }
    }
    for (; i < batch.length; i++) fold.apply(batch[i]!)
    for (const entry of list) {
      if (comparePositions(last, entry.position) > 0) entry.position = last
    }
  }

  /**
   * Applies a batch to entries some of which were handed out. Each event's type is looked up once:
   * the route says which projections read it. Published states take the batch in one `produce`, so
   * that a state handed out never changes; private ones take each event in place.
   */
  function applyPublished(list: readonly Entry[], batch: readonly RecordedEvent[]): void {
    const routes = batch.map((recorded) => dispatch.route(recorded.type))
    const events = batch.map((recorded, i) => dispatch.read(recorded, routes[i]!))
    // An entry resumed from an older checkpoint than the others skips what it already applied.
    const firsts = list.map((entry) => {
      let first = 0
      while (first < batch.length && comparePositions(batch[first]!.position, entry.position) <= 0)
        first++
      return first
    })
    const last = batch[batch.length - 1]!.position
    const byEntry = list.map((): number[] => [])
    for (let i = 0; i < events.length; i++) {
      for (const k of routes[i]!.projections) if (i >= firsts[k]!) byEntry[k]!.push(i)
    }
    list.forEach((entry, k) => {
      const indexes = byEntry[k]!
      if (indexes.length === 0) return
      const evolve = entry.projection.evolve
      const applyAll = (state: unknown): void => {
        for (const i of indexes) evolve(state, events[i]!)
      }
      if (entry.published) {
        entry.state = produce(entry.state, (draft: Draft<unknown>) => {
          applyAll(draft)
        })
      } else {
        applyAll(entry.state)
      }
    })
    for (const entry of list) {
      if (comparePositions(last, entry.position) > 0) entry.position = last
    }
  }

  /** Saves every entry; with `freeze`, also deep-freezes their states (the last save only). */
  async function save(list: readonly Entry[], freeze = false): Promise<void> {
    for (const entry of list) {
      const { name, version } = entry.projection
      const checkpoint = { name, version, position: entry.position }
      await saveCheckpoint(store, checkpoint, entry.state, { freeze })
    }
  }

  /** The head, and the position from which a catch-up is within `checkpointEvery` of it. */
  function nearHeadFrom(head: LogHead | undefined): { head: string; from: string } {
    const position = BigInt(head?.position ?? START)
    const from = position - BigInt(checkpointEvery)
    return { head: position.toString(), from: (from > 0n ? from : 0n).toString() }
  }

  async function run(): Promise<CatchUpResult> {
    let rebuilt: string[] = []
    if (entries === undefined) {
      const loaded = await load()
      entries = loaded.entries
      rebuilt = loaded.rebuilt
    }
    const list = entries
    const from = lowestPosition(list)
    let applied = 0
    let unsaved = rebuilt.length > 0
    let sinceSave = 0
    // A save costs what the books weigh, which grows with the log: saving every `checkpointEvery`
    // events made a catch-up quadratic (a million events spent most of their time saving). Waiting
    // nine times the last save's duration keeps saves under a tenth of the catch-up (ADR 9).
    let savedAt = performance.now()
    let lastSaveMs = 0
    // The catch-up saves at its end anyway: no save within `checkpointEvery` positions of the head
    // (positions may have gaps, so that is at most as many events). A log that grows meanwhile
    // moves the head on.
    let nearHead = nearHeadFrom(await store.head())
    // Private states fold in place with their entries found once per key; the fold's memory of
    // those entries lasts this catch-up, during which nothing else touches the states.
    const fold = list.some((entry) => entry.published)
      ? undefined
      : new InPlaceFold(
          projections,
          mode,
          list.map((entry) => entry.state),
        )
    for await (const batch of logBatches(store, { fromPosition: nextPosition(from), batchSize })) {
      if (fold === undefined) applyPublished(list, batch)
      else applyPrivately(fold, list, batch)
      applied += batch.length
      sinceSave += batch.length
      unsaved = true
      const last = batch[batch.length - 1]!.position
      if (comparePositions(last, nearHead.head) > 0) nearHead = nearHeadFrom(await store.head())
      if (
        sinceSave >= checkpointEvery &&
        comparePositions(last, nearHead.from) < 0 &&
        performance.now() - savedAt >= 9 * lastSaveMs
      ) {
        const started = performance.now()
        await save(list)
        savedAt = performance.now()
        lastSaveMs = savedAt - started
        sinceSave = 0
        unsaved = false
      }
    }
    // The last save walks every state anyway: it freezes them on the way, and immer's deep freeze
    // below then stops at each frozen root (a walk of 0.7 s for a million events' books). A save
    // that throws leaves states half-frozen, but unpublished: `runSafely` drops them.
    if (unsaved) await save(list, true)
    for (const entry of list) {
      if (!entry.published) {
        entry.state = freeze(entry.state, true)
        entry.published = true
      }
    }
    const position = lowestPosition(list)
    return { applied, position, rebuilt }
  }

  async function runSafely(): Promise<CatchUpResult> {
    try {
      return await run()
    } catch (error) {
      // A recipe that threw half-way through a batch left a private state half-applied: reload
      // from the checkpoints next time. Published states changed only through produce, which
      // keeps the previous state when its recipe throws.
      if (entries?.some((entry) => !entry.published)) entries = undefined
      throw error
    }
  }

  function catchUp(): Promise<CatchUpResult> {
    const next = queue.then(runSafely)
    queue = next.catch(() => undefined)
    return next
  }

  function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer)
        signal?.removeEventListener('abort', done)
        wake = undefined
        resolve()
      }
      const timer = setTimeout(done, ms)
      signal?.addEventListener('abort', done, { once: true })
      wake = done
    })
  }

  function published(): Entry[] {
    if (entries === undefined || entries.some((entry) => !entry.published)) {
      throw new Error(
        'The projection runner has not caught up yet: await runner.catchUp() (or start runner.follow()) before reading states.',
      )
    }
    return entries
  }

  return {
    catchUp,
    async follow(followOptions: FollowOptions = {}): Promise<void> {
      const { signal, onUpdate } = followOptions
      const interval = followOptions.pollInterval ?? pollInterval
      checkCount('pollInterval', interval)
      // A function, so that TypeScript does not narrow `aborted` across the awaits.
      const stopped = (): boolean => signal?.aborted === true
      while (!stopped()) {
        const result = await catchUp()
        if (result.applied > 0) onUpdate?.(result)
        if (stopped()) return
        await sleep(interval, signal)
      }
    },
    notify(): void {
      wake?.()
    },
    state(name) {
      const entry = published().find((e) => e.projection.name === name)
      if (!entry) {
        throw new RangeError(
          `Expected the name of one of the runner's projections (${projections.map((p) => p.name).join(', ')}), found ${JSON.stringify(name)}.`,
        )
      }
      return entry.state as never
    },
    states() {
      const out: Record<string, unknown> = {}
      for (const entry of published()) out[entry.projection.name] = entry.state
      return out as StatesOf<Ps>
    },
    at(window: TimeWindow): Promise<StatesOf<Ps>> {
      return foldProjectionsAsync(store.readAll({ batchSize }), projections, {
        ...window,
        read: mode,
      })
    },
  }
}
