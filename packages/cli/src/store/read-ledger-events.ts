import { createLedger, type LedgerEvent } from '@plafond/core'
import { openStore } from './open-store.js'
import type { StoreSpec } from './store-spec.js'

/**
 * Every event of the ledger a spec names, decoded and checked against its schema, in log order.
 * The store is opened read-only, so a wrong path fails instead of creating an empty ledger.
 * Reports and exports fold the whole log, so it is held in memory: about 1 KiB per event.
 */
export async function readLedgerEvents(spec: StoreSpec): Promise<LedgerEvent[]> {
  const ledger = createLedger({ store: await openStore(spec, 'read') })
  try {
    const events: LedgerEvent[] = []
    for await (const event of ledger.readAll()) events.push(event)
    return events
  } finally {
    await ledger.close()
  }
}
