/**
 * `@plafond/testing/store-contract`: the conformance suite every `EventStore` adapter runs. It
 * declares vitest suites, so this entry point is ESM only (vitest cannot be `require`d).
 *
 * ```ts
 * import { createInMemoryStore } from '@plafond/core'
 * import { describeEventStoreContract } from '@plafond/testing/store-contract'
 *
 * describeEventStoreContract('in-memory', { create: async () => createInMemoryStore() })
 * ```
 *
 * @packageDocumentation
 */

export { describeEventStoreContract } from './describe-event-store-contract.js'
export type { EventStoreContractFactory } from './event-store-contract-factory.js'
export { ChainChecker } from './chain-checker.js'
