import { describe } from 'vitest'
import { useContractStores } from './contract-stores.js'
import { describeAtomicAppends } from './describe-atomic-appends.js'
import { describeBatchReads } from './describe-batch-reads.js'
import { describeCheckpoints } from './describe-checkpoints.js'
import { describeConcurrency } from './describe-concurrency.js'
import { describeDataRoundTrip } from './describe-data-round-trip.js'
import { describeExpectedVersions } from './describe-expected-versions.js'
import { describeHashChain } from './describe-hash-chain.js'
import { describeIdempotencyRecords } from './describe-idempotency-records.js'
import { describeLogReads } from './describe-log-reads.js'
import { describeReopenContinuity } from './describe-reopen-continuity.js'
import { describeStoreLifecycle } from './describe-store-lifecycle.js'
import { describeStreamReads } from './describe-stream-reads.js'
import type { EventStoreContractFactory } from './event-store-contract-factory.js'

/**
 * The `EventStore` conformance suite: registers, under `describe(name)`, the vitest tests every
 * adapter must pass (expected versions, atomic multi-stream appends, ordering and batched reads,
 * `readAllBatches` when the store has it, concurrent appends, idempotency records, checkpoints in
 * parts, head and hash chain, data round trip,
 * close, and continuity across reopen when the factory can reopen). Call it at the top level of
 * a test file; each test gets a fresh store from `factory`.
 *
 * ```ts
 * import { createInMemoryStore } from '@plafond/core'
 * import { describeEventStoreContract } from '@plafond/testing/store-contract'
 *
 * describeEventStoreContract('in-memory store', { create: async () => createInMemoryStore() })
 * ```
 */
export function describeEventStoreContract(name: string, factory: EventStoreContractFactory): void {
  describe(name, () => {
    const stores = useContractStores(factory)
    describeExpectedVersions(stores)
    describeAtomicAppends(stores)
    describeLogReads(stores)
    describeBatchReads(stores)
    describeStreamReads(stores)
    describeConcurrency(stores)
    describeIdempotencyRecords(stores)
    describeCheckpoints(stores)
    describeHashChain(stores)
    describeDataRoundTrip(stores)
    describeStoreLifecycle(stores)
    describeReopenContinuity(stores)
  })
}
