import type { LedgerEvent } from '@plafond/core'

function before(a: LedgerEvent, b: LedgerEvent): boolean {
  if (a.meta.recordedAt !== b.meta.recordedAt) return a.meta.recordedAt < b.meta.recordedAt
  return a.id < b.id
}

/**
 * The events in the order their commands were decided. The ledger writes its log in that order;
 * logs that `executeBatch` wrote before November 2026 grouped a batch's events by stream
 * instead. So streams are merged by when each event was recorded and then by event id (the
 * ledger's ULIDs increase as events are created), never breaking a stream's own version order:
 * on a log in decision order, this changes nothing.
 */
export function inCommandOrder(events: Iterable<LedgerEvent>): LedgerEvent[] {
  const streams = new Map<string, LedgerEvent[]>()
  for (const event of events) {
    const stream = streams.get(event.stream)
    if (stream === undefined) streams.set(event.stream, [event])
    else stream.push(event)
  }
  for (const stream of streams.values()) stream.sort((a, b) => a.version - b.version)
  // A binary heap of stream heads, smallest first.
  const heads: { readonly stream: readonly LedgerEvent[]; next: number }[] = []
  const head = (i: number): LedgerEvent => heads[i]!.stream[heads[i]!.next]!
  const swap = (i: number, j: number): void => {
    const t = heads[i]!
    heads[i] = heads[j]!
    heads[j] = t
  }
  const up = (start: number): void => {
    let i = start
    while (i > 0) {
      const parent = (i - 1) >> 1
      if (!before(head(i), head(parent))) break
      swap(i, parent)
      i = parent
    }
  }
  const down = (start: number): void => {
    let i = start
    for (;;) {
      const left = 2 * i + 1
      const right = left + 1
      let smallest = i
      if (left < heads.length && before(head(left), head(smallest))) smallest = left
      if (right < heads.length && before(head(right), head(smallest))) smallest = right
      if (smallest === i) return
      swap(i, smallest)
      i = smallest
    }
  }
  for (const stream of streams.values()) {
    heads.push({ stream, next: 0 })
    up(heads.length - 1)
  }
  const ordered: LedgerEvent[] = []
  while (heads.length > 0) {
    const top = heads[0]!
    ordered.push(top.stream[top.next]!)
    top.next += 1
    if (top.next === top.stream.length) {
      const last = heads.pop()!
      if (heads.length === 0) break
      heads[0] = last
    }
    down(0)
  }
  return ordered
}
