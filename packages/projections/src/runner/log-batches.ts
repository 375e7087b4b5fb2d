import type { EventStore, ReadAllOptions, RecordedEvent } from '@plafond/core'

/** Groups what `readAll` yields into arrays of up to `batchSize`, for stores without batches. */
async function* grouped(
  events: AsyncIterable<RecordedEvent>,
  batchSize: number,
): AsyncIterable<readonly RecordedEvent[]> {
  let batch: RecordedEvent[] = []
  for await (const event of events) {
    batch.push(event)
    if (batch.length >= batchSize) {
      yield batch
      batch = []
    }
  }
  if (batch.length > 0) yield batch
}

/**
 * The store's log from `options.fromPosition` on, a batch at a time: the store's own
 * `readAllBatches` when it has one (one asynchronous step per batch), else `readAll` grouped.
 */
export function logBatches(
  store: EventStore,
  options: ReadAllOptions & { readonly batchSize: number },
): AsyncIterable<readonly RecordedEvent[]> {
  return store.readAllBatches?.(options) ?? grouped(store.readAll(options), options.batchSize)
}
