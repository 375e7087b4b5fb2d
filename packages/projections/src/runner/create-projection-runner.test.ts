import {
  createInMemoryStore,
  createLedger,
  type EventStore,
  type Ledger,
  type LedgerEvent,
  type ReadAllOptions,
  type RecordedEvent,
} from '@plafond/core'
import { FRAMEWORK, SIRETS } from '@plafond/testing'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { foldProjections } from '../fold/fold-projections.js'
import type { AnyProjection } from '../projection.js'
import { overviewProjection } from '../standard/overview-projection.js'
import { standardProjections } from '../standard/standard-projections.js'
import { bookedLedger } from '../test-support/booked-ledger.js'
import { EVERYONE, runScenario, scenarioArbitrary } from '../test-support/ledger-scenario.js'
import { stateFromParts, stateToParts } from './checkpoint-parts.js'
import { createProjectionRunner } from './create-projection-runner.js'
import { comparePositions } from './positions.js'
import { serializeState } from './state-codec.js'

async function eventsOf(ledger: Ledger): Promise<LedgerEvent[]> {
  const events: LedgerEvent[] = []
  for await (const event of ledger.readAll()) events.push(event)
  return events
}

function serialized(states: Readonly<Record<string, unknown>>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(states).map(([name, state]) => [name, serializeState(state)]),
  )
}

function award(contractId: string, amount: string) {
  return {
    type: 'AwardContract',
    commandId: `award-${contractId}`,
    frameworkId: FRAMEWORK.frameworkId,
    contractId,
    beneficiaryId: SIRETS.beneficiaryB,
    holderId: SIRETS.holder1,
    kind: 'purchase-order',
    amount,
    awardedOn: '2025-05-01',
    competition: 'mini-competition',
  } as const
}

/** Whether every object and array reachable from `value` is frozen. */
function deeplyFrozen(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return true
  return Object.isFrozen(value) && Object.values(value).every(deeplyFrozen)
}

/** `base` as if its log ended at `end()` (nothing before the first event): no batches of its own. */
function visibleLog(base: EventStore, end: () => RecordedEvent | undefined): EventStore {
  return {
    append: (writes, options) => base.append(writes, options),
    readStream: (stream, options) => base.readStream(stream, options),
    findOutcome: (commandId) => base.findOutcome(commandId),
    loadCheckpoint: (name) => base.loadCheckpoint(name),
    saveCheckpoint: (checkpoint) => base.saveCheckpoint(checkpoint),
    close: () => base.close(),
    async *readAll(options?: ReadAllOptions) {
      const last = end()
      if (last === undefined) return
      for await (const event of base.readAll(options)) {
        if (comparePositions(event.position, last.position) > 0) return
        yield event
      }
    },
    async head() {
      const last = end()
      return last && { position: last.position, hash: last.hash }
    },
  }
}

async function until(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 5_000
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}.`)
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}

describe('createProjectionRunner', () => {
  test('catching up in batches, with checkpoints along the way, gives the states of a fold', async () => {
    await fc.assert(
      fc.asyncProperty(
        scenarioArbitrary(10, 40),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 100 }),
        async (scenario, batchSize, checkpointEvery) => {
          const store = createInMemoryStore()
          const ledger = createLedger({ store })
          await runScenario(scenario, ledger)
          const runner = createProjectionRunner({
            store,
            projections: standardProjections,
            batchSize,
            checkpointEvery,
          })
          const result = await runner.catchUp()
          expect(Object.values(runner.states()).every(deeplyFrozen)).toBe(true)
          const events = await eventsOf(ledger)
          expect(result).toEqual({
            applied: events.length,
            position: events.at(-1)!.position,
            rebuilt: [],
          })
          expect(serialized(runner.states())).toEqual(
            serialized(foldProjections(events, standardProjections)),
          )
          // What was saved is the same state at the same position.
          const checkpoint = await store.loadCheckpoint('overview')
          expect(checkpoint).toMatchObject({
            name: 'overview',
            version: overviewProjection.version,
            position: events.at(-1)!.position,
          })
          expect(serializeState(stateFromParts(checkpoint!.parts))).toBe(
            serializeState(runner.state('overview')),
          )
        },
      ),
      { numRuns: 10 },
    )
  })

  test('entries resumed from checkpoints at different positions, then published, end where a plain fold does', async () => {
    // Without `handles` and `keyed`, a fold calls every evolve with every event: the reference for
    // the runner's keyed in-place fold, which must skip what each entry's checkpoint holds.
    const plain = standardProjections.map(({ handles: _handles, keyed: _keyed, ...rest }) => rest)
    const plainFold = (events: readonly LedgerEvent[]) =>
      serialized(foldProjections(events, plain, { freeze: false }))
    await fc.assert(
      fc.asyncProperty(
        scenarioArbitrary(10, 40),
        fc.array(fc.nat(), { minLength: plain.length, maxLength: plain.length }),
        fc.nat(),
        fc.integer({ min: 1, max: 20 }),
        async (scenario, picks, pick, batchSize) => {
          const { ledger, events } = await runScenario(scenario)
          const cuts = picks.map((p) => p % (events.length + 1))
          for (const [k, projection] of plain.entries()) {
            const cut = cuts[k]!
            if (cut === 0) continue
            const state = foldProjections(events.slice(0, cut), [projection], { freeze: false })
            await ledger.store.saveCheckpoint({
              name: projection.name,
              version: projection.version,
              position: events[cut - 1]!.position,
              parts: stateToParts(state[projection.name]),
            })
          }
          // The log as the runner sees it: the first catch-up up to `first`, the next one to the end.
          const highest = Math.max(...cuts)
          const first = highest + (pick % (events.length - highest + 1))
          let visible = first
          const store = visibleLog(ledger.store, () => events[visible - 1])
          const runner = createProjectionRunner({
            store,
            projections: standardProjections,
            batchSize,
          })
          const before = await runner.catchUp()
          expect(before.applied).toBe(first - Math.min(...cuts))
          const published = runner.states()
          const atFirst = plainFold(events.slice(0, first))
          expect(serialized(published)).toEqual(atFirst)
          visible = events.length
          const after = await runner.catchUp()
          expect(after.applied).toBe(events.length - first)
          expect(serialized(runner.states())).toEqual(plainFold(events))
          expect(serialized(published)).toEqual(atFirst)
        },
      ),
      { numRuns: 12 },
    )
  })

  test('a new runner resumes from the checkpoints and applies only what was written since', async () => {
    const { ledger } = await bookedLedger([])
    const first = createProjectionRunner({ store: ledger.store, projections: standardProjections })
    const before = await first.catchUp()
    await ledger.execute(award('BC-1', '1000'), { actor: EVERYONE })
    const second = createProjectionRunner({ store: ledger.store, projections: standardProjections })
    const after = await second.catchUp()
    const events = await eventsOf(ledger)
    expect(after.applied).toBe(events.length - before.applied)
    expect(serialized(second.states())).toEqual(
      serialized(foldProjections(events, standardProjections)),
    )
  })

  test('resumes from checkpoints in several parts, and from one saved whole by an earlier version', async () => {
    const { ledger } = await bookedLedger([award('BC-1', '1000'), award('BC-2', '2500.50')])
    const early = await eventsOf(ledger)
    const folded = foldProjections(early, standardProjections, { freeze: false })
    const position = early.at(-1)!.position
    for (const projection of standardProjections) {
      const state = folded[projection.name]
      // Overview as a schema-1 store kept it (one text, `serializeState`); the others cut small.
      const parts =
        projection.name === 'overview'
          ? [serializeState(state)]
          : stateToParts(state, { partCharacters: 1 })
      await ledger.store.saveCheckpoint({
        name: projection.name,
        version: projection.version,
        position,
        parts,
      })
    }
    const counts = await Promise.all(
      standardProjections.map(
        async (p) => (await ledger.store.loadCheckpoint(p.name))!.parts.length,
      ),
    )
    expect(Math.max(...counts)).toBeGreaterThan(2)
    await ledger.execute(award('BC-3', '99.99'), { actor: EVERYONE })
    const runner = createProjectionRunner({ store: ledger.store, projections: standardProjections })
    const result = await runner.catchUp()
    const events = await eventsOf(ledger)
    expect(result).toEqual({
      applied: events.length - early.length,
      position: events.at(-1)!.position,
      rebuilt: [],
    })
    expect(serialized(runner.states())).toEqual(
      serialized(foldProjections(events, standardProjections)),
    )
  })

  test("reads the log through the store's readAllBatches when it has one, else through readAll", async () => {
    const calls = { readAll: 0, readAllBatches: 0, batches: [] as number[] }
    /** The in-memory store of a booked ledger, seen through the port's required methods. */
    const counted = (base: EventStore): EventStore => ({
      append: (writes, options) => base.append(writes, options),
      readStream: (stream, options) => base.readStream(stream, options),
      readAll(options?: ReadAllOptions) {
        calls.readAll++
        return base.readAll(options)
      },
      head: () => base.head(),
      findOutcome: (commandId) => base.findOutcome(commandId),
      loadCheckpoint: (name) => base.loadCheckpoint(name),
      saveCheckpoint: (checkpoint) => base.saveCheckpoint(checkpoint),
      close: () => base.close(),
    })
    const commands = [award('BC-1', '1000'), award('BC-2', '2500.50')]

    const plain = await bookedLedger(commands)
    const grouped = createProjectionRunner({
      store: counted(plain.ledger.store),
      projections: standardProjections,
      batchSize: 7,
    })
    await grouped.catchUp()
    expect(calls).toEqual({ readAll: 1, readAllBatches: 0, batches: [] })
    const expected = serialized(foldProjections(plain.events, standardProjections))
    expect(serialized(grouped.states())).toEqual(expected)

    const batching = await bookedLedger(commands)
    const base = batching.ledger.store
    const batched = createProjectionRunner({
      store: {
        ...counted(base),
        async *readAllBatches(options?: ReadAllOptions) {
          calls.readAllBatches++
          let batch: RecordedEvent[] = []
          for await (const event of base.readAll(options)) {
            batch.push(event)
            if (batch.length === options?.batchSize) {
              calls.batches.push(batch.length)
              yield batch
              batch = []
            }
          }
          if (batch.length > 0) {
            calls.batches.push(batch.length)
            yield batch
          }
        },
      },
      projections: standardProjections,
      batchSize: 7,
    })
    await batched.catchUp()
    expect(calls.readAll).toBe(1)
    expect(calls.readAllBatches).toBe(1)
    expect(calls.batches.length).toBe(Math.ceil(batching.events.length / 7))
    expect(calls.batches.reduce((a, b) => a + b, 0)).toBe(batching.events.length)
    expect(serialized(batched.states())).toEqual(expected)
  })

  test('a long catch-up saves along the way, but not within checkpointEvery positions of the head', async () => {
    const { ledger } = await bookedLedger(
      Array.from({ length: 30 }, (_, i) => award(`BC-${i}`, '10')),
    )
    const head = Number((await ledger.store.head())!.position)
    const savedAt = async (checkpointEvery: number): Promise<number[]> => {
      const positions: number[] = []
      const store: EventStore = {
        ...ledger.store,
        readAll: (options) => ledger.store.readAll(options),
        head: () => ledger.store.head(),
        loadCheckpoint: async () => undefined,
        async saveCheckpoint(checkpoint) {
          if (checkpoint.name === 'overview') positions.push(Number(checkpoint.position))
        },
        async saveCheckpointParts(checkpoint, parts) {
          for (const part of parts) expect(typeof part).toBe('string')
          if (checkpoint.name === 'overview') positions.push(Number(checkpoint.position))
        },
      }
      await createProjectionRunner({
        store,
        projections: standardProjections,
        batchSize: 1,
        checkpointEvery,
      }).catchUp()
      return positions
    }
    // The first save comes as soon as checkpointEvery events are applied, if the head is far.
    const far = await savedAt(Math.floor(head / 3))
    expect(far[0]).toBe(Math.floor(head / 3))
    expect(far.at(-1)).toBe(head)
    // Here the first candidate is within checkpointEvery of the head: only the final save.
    expect(await savedAt(Math.ceil((head * 2) / 3))).toEqual([head])
  })

  test('a projection whose version changed rebuilds by itself, to an identical state', async () => {
    const { ledger } = await bookedLedger([])
    await ledger.execute(award('BC-1', '1000'), { actor: EVERYONE })
    const v1 = createProjectionRunner({ store: ledger.store, projections: standardProjections })
    await v1.catchUp()
    const bumped: AnyProjection = { ...overviewProjection, version: overviewProjection.version + 1 }
    const v2 = createProjectionRunner({
      store: ledger.store,
      projections: [bumped, ...standardProjections.slice(1)],
    })
    const result = await v2.catchUp()
    expect(result.rebuilt).toEqual(['overview'])
    expect(serializeState(v2.state('overview'))).toBe(serializeState(v1.state('overview')))
    expect((await ledger.store.loadCheckpoint('overview'))?.version).toBe(
      overviewProjection.version + 1,
    )
    // The others resumed: they had nothing new to apply.
    expect(serializeState(v2.state('contracts'))).toBe(serializeState(v1.state('contracts')))
  })

  test('following a live ledger picks up new events without a restart; earlier states stay as they were', async () => {
    const { ledger } = await bookedLedger([])
    const runner = createProjectionRunner({
      store: ledger.store,
      projections: standardProjections,
      pollInterval: 25,
    })
    const controller = new AbortController()
    const updates: number[] = []
    const following = runner.follow({
      signal: controller.signal,
      onUpdate: (r) => updates.push(r.applied),
    })
    await until(() => updates.length > 0, 'the first catch-up')
    const earlier = runner.state('overview')
    await ledger.execute(award('BC-1', '1234.56'), { actor: EVERYONE })
    // A writer in the same process wakes the follower; otherwise it polls.
    runner.notify()
    await until(
      () => overviewProjection.view(runner.state('overview'))[0]?.committed === '1234.56',
      'the award',
    )
    // Without a notification, the next poll finds it.
    await ledger.execute(award('BC-2', '1000'), { actor: EVERYONE })
    await until(
      () => overviewProjection.view(runner.state('overview'))[0]?.committed === '2234.56',
      'the second award',
    )
    expect(overviewProjection.view(earlier)[0]?.committed).toBe('0.00')
    expect(Object.isFrozen(runner.state('overview').rows[0])).toBe(true)
    controller.abort()
    await following
    expect(serialized(runner.states())).toEqual(
      serialized(foldProjections(await eventsOf(ledger), standardProjections)),
    )
  })

  test('answers as of a date from the store, and refuses what it cannot do', async () => {
    const { ledger } = await bookedLedger([])
    await ledger.execute(award('BC-1', '1000'), { actor: EVERYONE })
    const runner = createProjectionRunner({
      store: ledger.store,
      projections: [overviewProjection],
    })
    expect(() => runner.state('overview')).toThrow(/not caught up yet/)
    await runner.catchUp()
    expect(() => runner.state('nothing' as 'overview')).toThrow(
      /one of the runner's projections \(overview\)/,
    )
    const before = await runner.at({ asOf: '2025-04-30' })
    expect(overviewProjection.view(before.overview)[0]?.committed).toBe('0.00')
    expect(() =>
      createProjectionRunner({ store: ledger.store, projections: [], batchSize: 0 }),
    ).toThrow(/batchSize to be a whole number of at least 1, found 0/)
  })
})
