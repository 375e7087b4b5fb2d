import type { EventStore } from '@plafond/core'
import { afterEach } from 'vitest'
import type { EventStoreContractFactory } from './event-store-contract-factory.js'

/** The stores of the current test: opened from the factory, closed and destroyed after it. */
export interface ContractStores {
  /** Whether the factory can reopen a store (durable stores can, in-memory cannot). */
  readonly canReopen: boolean
  /** A new empty store from the factory. */
  open(): Promise<EventStore>
  /** Closes `store` and opens the same storage again; `store` must be the latest instance. */
  reopen(store: EventStore): Promise<EventStore>
}

/**
 * Wraps a factory for the tests of one `describe` block: every store a test opens is closed (a
 * second close is harmless by contract) and destroyed once the test ends, pass or fail.
 */
export function useContractStores(factory: EventStoreContractFactory): ContractStores {
  let live: EventStore[] = []

  afterEach(async () => {
    const stores = live
    live = []
    const failures: unknown[] = []
    for (const store of stores) {
      try {
        await store.close()
        await factory.destroy?.(store)
      } catch (error) {
        failures.push(error)
      }
    }
    if (failures.length > 0) throw failures[0]
  })

  return {
    canReopen: factory.reopen !== undefined,
    async open() {
      const store = await factory.create()
      live.push(store)
      return store
    },
    async reopen(store) {
      if (!factory.reopen) {
        throw new Error(
          'The factory has no reopen(): this test should have been skipped. Add reopen() to run it.',
        )
      }
      const index = live.indexOf(store)
      if (index < 0) {
        throw new Error(
          'reopen() expects the latest instance of a store opened in this test; pass what open() or the last reopen() returned.',
        )
      }
      const reopened = await factory.reopen(store)
      live[index] = reopened
      return reopened
    },
  }
}
