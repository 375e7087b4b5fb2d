import { LedgerError } from '../ledger/ledger-error.js'
import type { CommandOutcome, ExpectedVersion, StreamWrite } from './event-store.js'

/** Throws `CONCURRENCY_CONFLICT` unless a stream at `actual` satisfies `expected`. */
export function checkExpectedVersion(
  stream: string,
  expected: ExpectedVersion,
  actual: number,
): void {
  const ok = expected === 'any' || (expected === 'no_stream' ? actual === 0 : expected === actual)
  if (ok) return
  throw new LedgerError(
    'CONCURRENCY_CONFLICT',
    `Stream ${stream} is at version ${actual}, but the write expected ${expected === 'no_stream' ? 'no stream' : `version ${expected}`}: another writer got there first. Reload and decide again.`,
    { details: { stream, expectedVersion: expected, actualVersion: actual } },
  )
}

/** Throws `CONCURRENCY_CONFLICT` for a command id that already has an outcome. */
export function duplicateOutcome(commandId: string): LedgerError {
  return new LedgerError(
    'CONCURRENCY_CONFLICT',
    `Command ${commandId} already has a recorded outcome: another writer decided it first. Read that outcome instead.`,
    { details: { commandId } },
  )
}

/**
 * Whether a conflict is `duplicateOutcome`'s (a command id with an outcome already), which the
 * outcome answers, rather than a stream that moved, which takes deciding again.
 */
export function isDuplicateOutcome(conflict: LedgerError): boolean {
  return typeof conflict.details.commandId === 'string'
}

/**
 * Throws `INVALID_ARGUMENT` for writes that expect a version that is not `'any'`, `'no_stream'`
 * or a non-negative integer, and `CONCURRENCY_CONFLICT` for outcomes that repeat an id. A stream
 * may be named by several writes of one append (see `startVersions`).
 */
export function checkWriteShape(
  writes: readonly StreamWrite[],
  outcomes: readonly CommandOutcome[],
): void {
  for (const write of writes) {
    const expected: unknown = write.expectedVersion
    if (
      expected !== 'any' &&
      expected !== 'no_stream' &&
      !(Number.isSafeInteger(expected) && (expected as number) >= 0)
    ) {
      throw new LedgerError(
        'INVALID_ARGUMENT',
        `The write to stream ${write.stream} expects version ${typeof expected === 'string' ? JSON.stringify(expected) : String(expected)}; expected 'any', 'no_stream' or a non-negative integer (0 for an empty stream).`,
        { details: { stream: write.stream, expectedVersion: expected } },
      )
    }
  }
  if (outcomes.length < 2) return
  const ids = new Set<string>()
  for (const outcome of outcomes) {
    if (ids.has(outcome.commandId)) throw duplicateOutcome(outcome.commandId)
    ids.add(outcome.commandId)
  }
}

/**
 * The version each write of an append starts after, every expected version checked
 * (`CONCURRENCY_CONFLICT` otherwise). Writes are applied in array order, and the log takes their
 * events in that order: a batch of commands can so write its streams in the order the commands
 * were decided, naming a stream again each time a command comes back to it. A stream's first
 * write is checked against `current(stream)`, its version in the store; a later write of the same
 * stream against the version the earlier writes of the append leave.
 */
export function startVersions(
  writes: readonly StreamWrite[],
  current: (stream: string) => number,
): number[] {
  if (writes.length === 1) {
    // One command on one stream, the usual append: no need to follow versions across writes.
    const write = writes[0]!
    const actual = current(write.stream)
    checkExpectedVersion(write.stream, write.expectedVersion, actual)
    return [actual]
  }
  if (writes.length <= 8) {
    // A command or two: its few streams in a list, where a map cost more than its lookups.
    const streams: string[] = []
    const reached: number[] = []
    const starts: number[] = []
    for (const write of writes) {
      const known = streams.indexOf(write.stream)
      const actual = known >= 0 ? reached[known]! : current(write.stream)
      checkExpectedVersion(write.stream, write.expectedVersion, actual)
      if (known >= 0) reached[known] = actual + write.events.length
      else {
        streams.push(write.stream)
        reached.push(actual + write.events.length)
      }
      starts.push(actual)
    }
    return starts
  }
  const reached = new Map<string, number>()
  return writes.map((write) => {
    const actual = reached.get(write.stream) ?? current(write.stream)
    checkExpectedVersion(write.stream, write.expectedVersion, actual)
    reached.set(write.stream, actual + write.events.length)
    return actual
  })
}
