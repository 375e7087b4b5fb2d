import { describeEventStoreContract } from '@plafond/testing/store-contract'
import { afterAll } from 'vitest'
import { sqliteStoreFactory } from './test-support/sqlite-store-factory.js'
import { temporaryDirectory } from './test-support/temporary-directory.js'

const directory = temporaryDirectory('contract')
afterAll(() => directory.remove())

describeEventStoreContract('SQLite store', sqliteStoreFactory(directory))

// Batches of 3 make every read in the suite cross batch boundaries; NORMAL keeps the run short.
describeEventStoreContract(
  'SQLite store, batches of 3, synchronous NORMAL',
  sqliteStoreFactory(directory, { batchSize: 3, synchronous: 'NORMAL' }),
)

// Every batched read of the log goes through the read-ahead worker (ADR 15).
describeEventStoreContract(
  'SQLite store, batches of 3, every batched read read ahead by a worker',
  sqliteStoreFactory(directory, { batchSize: 3, synchronous: 'NORMAL', readAheadEvents: 1 }),
)
