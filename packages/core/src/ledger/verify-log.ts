import type { RecordedEvent } from '../events/envelope.js'
import { decodeEvent } from '../events/event-codec.js'
import { GENESIS_HASH, hashEvent } from '../events/hash-chain.js'
import type { CommandOutcome, EventStore, LogHead } from '../store/event-store.js'
import { isLedgerError } from './ledger-error.js'

/** The outcome of `verify()`: the whole chain checks out, or the first bad position and why. */
export type VerifyResult =
  | { readonly ok: true; readonly events: number; readonly head: LogHead | undefined }
  | { readonly ok: false; readonly position: string; readonly reason: string }

/** Options of `verify()`. */
export interface VerifyOptions {
  /** A head exported earlier (`{ position, hash }`): the log must still contain it, unchanged. */
  readonly checkpoint?: LogHead
  /** Called every `progressEvery` events with the count so far, for long logs. */
  readonly onProgress?: (events: number) => void
  /** How often `onProgress` is called; 100 000 events by default. */
  readonly progressEvery?: number
  /**
   * Also checks the command outcomes, which the hash chain does not cover: each event's command
   * (`meta.commandId`) must have a recorded outcome that succeeded and names the event. A deleted
   * outcome would let a resend of its command be decided again. One `findOutcome` per command:
   * off by default.
   */
  readonly outcomes?: boolean
}

/** A stored value as text for a report, whatever it is (a changed row may hold anything). */
function shown(value: unknown): string {
  if (typeof value === 'string') return value
  try {
    return JSON.stringify(value) ?? String(value)
  } catch {
    return `a ${typeof value}`
  }
}

const TEXT_MEMBERS = ['id', 'stream', 'type', 'position', 'prevHash', 'hash'] as const
const INTEGER_MEMBERS = ['version', 'schemaVersion'] as const

/** Why an event's envelope cannot be a stored event's, if it cannot: a member of the wrong kind. */
function malformed(event: RecordedEvent): string | undefined {
  for (const name of TEXT_MEMBERS) {
    if (typeof event[name] !== 'string')
      return `its ${name} is ${shown(event[name])}, not text: the event was changed`
  }
  for (const name of INTEGER_MEMBERS) {
    if (!Number.isSafeInteger(event[name]))
      return `its ${name} is ${shown(event[name])}, not an integer: the event was changed`
  }
  for (const name of ['data', 'meta'] as const) {
    const value: unknown = event[name]
    if (value === null || typeof value !== 'object' || Array.isArray(value))
      return `its ${name} is ${shown(value)}, not an object: the event was changed`
  }
  return undefined
}

function check(
  event: RecordedEvent,
  expectedPrev: string,
  previousPosition: bigint,
  lastVersion: number,
): string | undefined {
  const shape = malformed(event)
  if (shape) return shape
  let position: bigint
  try {
    position = BigInt(event.position)
  } catch {
    return `position ${JSON.stringify(event.position)} is not an integer`
  }
  if (position <= previousPosition) {
    return `positions go backwards or repeat (${event.position} after ${previousPosition.toString()})`
  }
  if (event.prevHash !== expectedPrev) {
    return `prevHash does not match the hash of the previous event: an event was removed, inserted or reordered before it`
  }
  let hash: string
  try {
    hash = hashEvent(event)
  } catch (error) {
    // Canonical JSON refuses what JSON cannot carry exactly (a fraction, a bigint): no store wrote it.
    return `its content cannot be hashed (${(error as Error).message}): the event was changed`
  }
  if (hash !== event.hash) return 'its content does not match its hash: the event was changed'
  if (event.version !== lastVersion + 1) {
    return `stream ${event.stream} jumps from version ${lastVersion} to ${event.version}: an event of the stream is missing or out of order`
  }
  return undefined
}

/** Why `outcome`, the one recorded for `commandId`, contradicts `event`, which that command wrote. */
function outcomeMismatch(
  event: RecordedEvent,
  commandId: string,
  outcome: CommandOutcome | undefined,
): string | undefined {
  if (outcome === undefined) {
    return `command ${commandId} wrote this event but has no recorded outcome: a resend of it would be decided again. Restore the outcomes from a backup.`
  }
  if (!outcome.result.ok) {
    return `command ${commandId} wrote this event but its recorded outcome is a refusal (${outcome.result.rejection.code}): the outcome was changed`
  }
  const named = outcome.result.written.some(
    (range) =>
      range.stream === event.stream &&
      range.fromVersion <= event.version &&
      event.version <= range.toVersion,
  )
  if (!named) {
    return `command ${commandId} wrote this event (${event.stream} version ${event.version}) but its recorded outcome does not name it: the outcome was changed`
  }
  return undefined
}

/**
 * Walks the whole log in position order and checks each envelope's members, the hash chain,
 * positions, stream versions and every event's schema; then that the store's head is the last
 * event, and the checkpoint if given; with `outcomes`, each event's command outcome too. A changed
 * event is reported, never thrown on, whatever it holds.
 */
export async function verifyLog(
  store: EventStore,
  options: VerifyOptions = {},
): Promise<VerifyResult> {
  const versions = new Map<string, number>()
  const every = options.progressEvery ?? 100_000
  // The head is read first: events a concurrent writer appends during the walk come after it.
  const headBefore = await store.head()
  let expectedPrev = GENESIS_HASH
  let previousPosition = 0n
  let count = 0
  let last: LogHead | undefined
  let headSeen = headBefore === undefined
  let checkpointSeen = false
  // A command's events are consecutive in the log: its outcome is looked up once.
  let outcomeOf: { readonly commandId: string; readonly outcome: CommandOutcome | undefined } = {
    commandId: '',
    outcome: undefined,
  }
  try {
    for await (const event of store.readAll()) {
      const reason = check(event, expectedPrev, previousPosition, versions.get(event.stream) ?? 0)
      if (reason) return { ok: false, position: shown(event.position), reason }
      try {
        decodeEvent(event)
      } catch (error) {
        if (!isLedgerError(error, 'INVALID_EVENT')) throw error
        return { ok: false, position: event.position, reason: error.message }
      }
      const mismatch =
        matchHead(event, headBefore, "the store's head") ??
        matchHead(event, options.checkpoint, 'the checkpoint')
      if (mismatch) return { ok: false, position: event.position, reason: mismatch }
      if (options.outcomes === true) {
        const commandId: unknown = (event.meta as Partial<RecordedEvent['meta']>).commandId
        if (typeof commandId !== 'string' || commandId === '') {
          return {
            ok: false,
            position: event.position,
            reason: `its meta names no command (commandId is ${shown(commandId)}): the event was changed`,
          }
        }
        if (commandId !== outcomeOf.commandId) {
          outcomeOf = { commandId, outcome: await store.findOutcome(commandId) }
        }
        const contradiction = outcomeMismatch(event, commandId, outcomeOf.outcome)
        if (contradiction) return { ok: false, position: event.position, reason: contradiction }
      }
      if (event.position === headBefore?.position) headSeen = true
      if (event.position === options.checkpoint?.position) checkpointSeen = true
      versions.set(event.stream, event.version)
      expectedPrev = event.hash
      previousPosition = BigInt(event.position)
      last = { position: event.position, hash: event.hash }
      count += 1
      if (options.onProgress && count % every === 0) options.onProgress(count)
    }
  } catch (error) {
    // A store that cannot even parse a stored row reports it as CORRUPT_LOG at its position.
    if (!isLedgerError(error, 'CORRUPT_LOG') || typeof error.details.position !== 'string')
      throw error
    return { ok: false, position: error.details.position, reason: error.message }
  }
  if (!headSeen && headBefore) {
    return {
      ok: false,
      position: headBefore.position,
      reason: `the store's head names position ${headBefore.position}, which the log does not contain: events were removed from its end`,
    }
  }
  const headAfter = await store.head()
  const lastPosition = last === undefined ? 0n : BigInt(last.position)
  const afterPosition = headAfter === undefined ? 0n : BigInt(headAfter.position)
  // A log that ends past its head holds events appended without going through the store.
  if (
    lastPosition > afterPosition ||
    (lastPosition === afterPosition && headAfter?.hash !== last?.hash)
  ) {
    return {
      ok: false,
      position: last?.position ?? headAfter?.position ?? '0',
      reason: `the store's head (${headAfter ? `${headAfter.position}/${headAfter.hash.slice(0, 12)}` : 'none'}) is not the last event of the log (${last ? `${last.position}/${last.hash.slice(0, 12)}` : 'none'}): events were added or changed at the end without the head`,
    }
  }
  if (options.checkpoint && !checkpointSeen) {
    return {
      ok: false,
      position: options.checkpoint.position,
      reason: `the checkpoint names position ${options.checkpoint.position}, which the log no longer contains: its tail was cut or rewritten`,
    }
  }
  return { ok: true, events: count, head: last }
}

/** Why `event` contradicts a `{ position, hash }` reference taken elsewhere, if it does. */
function matchHead(
  event: RecordedEvent,
  reference: LogHead | undefined,
  name: string,
): string | undefined {
  if (reference?.position !== event.position || reference.hash === event.hash) return undefined
  return `${name} says hash ${reference.hash} at this position, the log has ${event.hash}: history up to here was rewritten`
}
