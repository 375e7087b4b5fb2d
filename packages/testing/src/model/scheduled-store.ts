import type fc from 'fast-check'
import type { EventStore } from '@plafond/core'

/**
 * A store whose every read and append waits for fast-check's scheduler before it runs, so that a
 * scheduler decides the order in which concurrent ledgers reach the store: each run of a property
 * tries another interleaving, and a failing one is replayed from its seed.
 */
export function scheduledStore(store: EventStore, scheduler: fc.Scheduler): EventStore {
  const turn = (label: string): Promise<void> => scheduler.schedule(Promise.resolve(), label)
  return {
    async append(writes, options) {
      await turn(
        `append ${writes.map((w) => `${w.stream}@${String(w.expectedVersion)}`).join(' ')}`,
      )
      return store.append(writes, options)
    },
    async *readStream(stream, options) {
      await turn(`readStream ${stream}`)
      yield* store.readStream(stream, options)
    },
    async *readAll(options) {
      await turn('readAll')
      yield* store.readAll(options)
    },
    async head() {
      await turn('head')
      return store.head()
    },
    async findOutcome(commandId) {
      await turn(`findOutcome ${commandId}`)
      return store.findOutcome(commandId)
    },
    loadCheckpoint: (name) => store.loadCheckpoint(name),
    saveCheckpoint: (checkpoint) => store.saveCheckpoint(checkpoint),
    close: () => store.close(),
  }
}
