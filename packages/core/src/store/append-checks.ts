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
 * Throws `INVALID_ARGUMENT` for writes that name a stream twice or expect a version that is not
 * `'any'`, `'no_stream'` or a non-negative integer, and `CONCURRENCY_CONFLICT` for outcomes that
 * repeat an id.
 */
export function checkWriteShape(
  writes: readonly StreamWrite[],
  outcomes: readonly CommandOutcome[],
): void {
  const streams = new Set<string>()
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
    if (streams.has(write.stream)) {
      throw new LedgerError(
        'INVALID_ARGUMENT',
        `An append names stream ${write.stream} twice; put all of its events in one write.`,
        { details: { stream: write.stream } },
      )
    }
    streams.add(write.stream)
  }
  const ids = new Set<string>()
  for (const outcome of outcomes) {
    if (ids.has(outcome.commandId)) throw duplicateOutcome(outcome.commandId)
    ids.add(outcome.commandId)
  }
}
