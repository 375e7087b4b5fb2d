// What the tests of `verify` do to a log: read it otherwise than it was written, as someone with
// write access to the store's rows would make it read.
import {
  awardContractCommand,
  buyerOf,
  contractFixture,
  executeAll,
  openedLedger,
  SIRETS,
} from '@plafond/testing'
import type { Actor } from '../authorization/actor.js'
import type { CommandInput } from '../commands/command.js'
import type { RecordedEvent } from '../events/envelope.js'
import { sealEvent } from '../events/hash-chain.js'
import { createInMemoryStore } from '../store/in-memory-store.js'
import type { CommandOutcome, EventStore, LogHead } from '../store/event-store.js'

/** Commands to run after the first ones, all issued by `actor`. */
export interface MoreCommands {
  readonly commands: readonly CommandInput[]
  readonly actor: Actor
}

/**
 * A store with a real log: the opened framework, two awards of beneficiary B and a certified service
 * (12 events), then `more`. Read back whole.
 */
export async function recordedLog(
  more: readonly MoreCommands[] = [],
  batchSize = 4,
): Promise<{ store: EventStore; events: RecordedEvent[] }> {
  const store = createInMemoryStore({ batchSize })
  const ledger = await openedLedger({ store })
  await executeAll(
    ledger,
    [
      awardContractCommand(contractFixture({ contractId: 'MS-1' })),
      awardContractCommand(contractFixture({ contractId: 'MS-2', amount: '50000' })),
      {
        type: 'CertifyService',
        commandId: 'certify',
        contractId: 'MS-1',
        serviceId: 'S-1',
        amount: '1000',
        certifiedOn: '2025-04-01',
      },
    ],
    buyerOf(SIRETS.beneficiaryB),
  )
  for (const group of more) await executeAll(ledger, group.commands, group.actor)
  const events: RecordedEvent[] = []
  for await (const event of store.readAll()) events.push(event)
  return { store, events }
}

/** The same store, whose log reads as `events` (and whose head is `head`, the real one by default). */
export function tampered(
  store: EventStore,
  events: readonly RecordedEvent[],
  head?: LogHead,
): EventStore {
  return {
    ...store,
    async *readAll() {
      for (const event of events) yield event
    },
    head: async () => head ?? (await store.head()),
  }
}

/** Re-seals events from `from` (an index) on, as a forger who knows the hash rule would. */
export function resealFrom(events: readonly RecordedEvent[], from: number): RecordedEvent[] {
  const out = events.slice(0, from)
  for (const event of events.slice(from)) {
    const { hash: _hash, ...rest } = event
    out.push(sealEvent({ ...rest, prevHash: out.at(-1)?.hash ?? rest.prevHash }))
  }
  return out
}

/** The head a log's last event makes. */
export function headOf(events: readonly RecordedEvent[]): LogHead {
  const last = events.at(-1)!
  return { position: last.position, hash: last.hash }
}

/**
 * The same store, whose outcome for `commandId` reads as `outcome` of the real one (undefined: as
 * if deleted), as someone with write access to the outcomes table would make it read.
 */
export function withOutcome(
  store: EventStore,
  commandId: string,
  outcome: (real: CommandOutcome) => CommandOutcome | undefined,
): EventStore {
  return {
    ...store,
    findOutcome: async (id) => {
      const real = await store.findOutcome(id)
      return id === commandId && real !== undefined ? outcome(real) : real
    },
  }
}
