import { isBusinessDate, type RecordedEvent } from '@plafond/core'

/**
 * The two questions of time (`DOMAIN.md`, "Money, dates, identifiers"), which combine:
 * `asOf` keeps what took effect by a business date, `asKnownAt` what the ledger had recorded by
 * an instant (before later corrections were written).
 */
export interface TimeWindow {
  /** Keep events whose business date (`meta.effectiveOn`) is on or before this `YYYY-MM-DD`. */
  readonly asOf?: string
  /** Keep events recorded (`meta.recordedAt`) at or before this instant (ISO-8601 or a `Date`). */
  readonly asKnownAt?: string | Date
}

/** A time window checked and normalized: `undefined` bounds keep everything. */
export interface NormalizedWindow {
  readonly asOf: string | undefined
  /** ISO-8601 in UTC with milliseconds, as the ledger writes `recordedAt`: compared as text. */
  readonly asKnownAt: string | undefined
}

/**
 * Checks and normalizes a time window. Throws a `RangeError` saying what was expected when
 * `asOf` is not a real date or `asKnownAt` not an instant.
 */
export function normalizeWindow(window: TimeWindow = {}): NormalizedWindow {
  const { asOf, asKnownAt } = window
  if (asOf !== undefined && !isBusinessDate(asOf)) {
    throw new RangeError(
      `Expected asOf to be a real date written YYYY-MM-DD, found ${JSON.stringify(asOf)}.`,
    )
  }
  let knownAt: string | undefined
  if (asKnownAt !== undefined) {
    const time = (asKnownAt instanceof Date ? asKnownAt : new Date(asKnownAt)).getTime()
    if (Number.isNaN(time)) {
      throw new RangeError(
        `Expected asKnownAt to be an ISO-8601 instant such as "2026-01-31T23:00:00.000Z" or a Date, found ${JSON.stringify(String(asKnownAt))}.`,
      )
    }
    knownAt = new Date(time).toISOString()
  }
  return { asOf, asKnownAt: knownAt }
}

/** Whether an event falls inside a normalized window. */
export function inWindow(event: RecordedEvent, window: NormalizedWindow): boolean {
  return (
    (window.asOf === undefined || event.meta.effectiveOn <= window.asOf) &&
    (window.asKnownAt === undefined || event.meta.recordedAt <= window.asKnownAt)
  )
}
