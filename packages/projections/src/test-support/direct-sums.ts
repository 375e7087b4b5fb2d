import { parseCents, type EventType, type LedgerEvent } from '@plafond/core'

/**
 * Σ of one amount field over the events of one type that pass `keep`: the naive fold tests compare
 * projections with, written without any of the projections' code.
 */
export function sumOf(
  events: readonly LedgerEvent[],
  type: EventType,
  field: string,
  keep: (event: LedgerEvent) => boolean = () => true,
): bigint {
  let total = 0n
  for (const event of events) {
    if (event.type !== type || !keep(event)) continue
    total += parseCents((event.data as Record<string, string>)[field]!)
  }
  return total
}

/** Net committed money of the events that pass `keep`: awards + modifications − releases. */
export function committedOf(
  events: readonly LedgerEvent[],
  keep: (event: LedgerEvent) => boolean = () => true,
): bigint {
  return (
    sumOf(events, 'CommitmentAwarded', 'amount', keep) +
    sumOf(events, 'CommitmentModified', 'delta', keep) -
    sumOf(events, 'CommitmentReleased', 'amount', keep)
  )
}

/** The data of an event as a record of strings, for naive folds that read fields by name. */
export function fieldsOf(event: LedgerEvent): Record<string, string> {
  return event.data as unknown as Record<string, string>
}
