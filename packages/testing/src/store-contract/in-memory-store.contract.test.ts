import { createInMemoryStore } from '@plafond/core'
import { describeEventStoreContract } from './describe-event-store-contract.js'

describeEventStoreContract('in-memory store', { create: async () => createInMemoryStore() })

// A small default batch so that every readAll in the suite crosses batch boundaries.
describeEventStoreContract('in-memory store, batches of 3', {
  create: async () => createInMemoryStore({ batchSize: 3 }),
})
