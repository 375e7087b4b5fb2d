import {
  isLedgerError,
  type CommandOutcome,
  type EventStore,
  type LedgerError,
  type LedgerErrorCode,
  type LogHead,
  type RecordedEvent,
} from '@plafond/core'
import { assert, expect } from 'vitest'
import { ChainChecker } from './chain-checker.js'

/** Every event an iterable yields, in order. For small logs only: it holds them all. */
export async function readEvents(events: AsyncIterable<RecordedEvent>): Promise<RecordedEvent[]> {
  const out: RecordedEvent[] = []
  for await (const event of events) out.push(event)
  return out
}

/**
 * Runs `action` and checks that it fails with a `LedgerError` of `code`, whether it throws or
 * rejects. Returns the error for further checks.
 */
export async function expectLedgerError(
  action: () => Promise<unknown>,
  code: LedgerErrorCode,
): Promise<LedgerError> {
  let caught: unknown
  let failed = false
  try {
    await action()
  } catch (error) {
    caught = error
    failed = true
  }
  if (!failed) assert.fail(`Expected a LedgerError ${code}, but the call succeeded.`)
  if (!isLedgerError(caught, code)) {
    const found =
      caught instanceof Error
        ? `${caught.name}${isLedgerError(caught) ? ` ${caught.code}` : ''}: ${caught.message}`
        : String(caught)
    assert.fail(`Expected a LedgerError ${code}, found ${found}`)
  }
  return caught
}

/**
 * Walks the whole log with a `ChainChecker` (positions, prevHash, hashes, versions) and checks
 * that `head()` is its last event. Returns the checker for its count and last event.
 */
export async function expectIntactLog(store: EventStore): Promise<ChainChecker> {
  const checker = new ChainChecker()
  for await (const event of store.readAll()) checker.check(event)
  expect(await store.head(), "head() should be the log's last event").toEqual(checker.last)
  return checker
}

/** Everything a test can observe of a store's log, to check that a failed call wrote nothing. */
export interface LogSnapshot {
  readonly head: LogHead | undefined
  readonly events: readonly RecordedEvent[]
  readonly streams: Readonly<Record<string, readonly RecordedEvent[]>>
  readonly outcomes: Readonly<Record<string, CommandOutcome | undefined>>
}

/**
 * The log, head, the given streams and the given command ids' outcomes, as they are now. Compare
 * two snapshots with `toEqual` to check that nothing was written in between.
 */
export async function snapshotLog(
  store: EventStore,
  streams: readonly string[] = [],
  commandIds: readonly string[] = [],
): Promise<LogSnapshot> {
  const byStream: Record<string, readonly RecordedEvent[]> = {}
  for (const stream of streams) byStream[stream] = await readEvents(store.readStream(stream))
  const outcomes: Record<string, CommandOutcome | undefined> = {}
  for (const commandId of commandIds) outcomes[commandId] = await store.findOutcome(commandId)
  return {
    head: await store.head(),
    events: await readEvents(store.readAll()),
    streams: byStream,
    outcomes,
  }
}
