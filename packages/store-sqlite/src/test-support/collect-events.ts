import type { RecordedEvent } from '@plafond/core'

/** Every event of `readAllBatches`' batches, in order. */
export async function flat(
  batches: AsyncIterable<readonly RecordedEvent[]>,
): Promise<RecordedEvent[]> {
  const out: RecordedEvent[] = []
  for await (const batch of batches) out.push(...batch)
  return out
}

/** Every event of a read, in order. */
export async function every(events: AsyncIterable<RecordedEvent>): Promise<RecordedEvent[]> {
  const out: RecordedEvent[] = []
  for await (const event of events) out.push(event)
  return out
}
