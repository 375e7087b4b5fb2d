import { createInMemoryStore, type EventStore, type RecordedEvent } from '@plafond/core'
import { describe, expect, it } from 'vitest'
import { BalancesFold } from './balances-fold.js'
import { checkLedgerInvariants } from './check-ledger-invariants.js'
import type { LedgerBalances } from './ledger-balances.js'
import { ledgerInvariantViolations } from './ledger-invariants.js'

function sound(): LedgerBalances {
  return {
    frameworks: {
      F: {
        maximum: 1000n,
        allocated: 900n,
        committed: 500n,
        holders: 1,
        maxHolders: 1,
        closed: false,
        ceilingReached: false,
        beneficiaries: { B: { allocated: 900n, committed: 500n } },
      },
    },
    contracts: {
      C: {
        frameworkId: 'F',
        beneficiaryId: 'B',
        initial: 700n,
        modifications: 0n,
        amount: 700n,
        ordered: 0n,
        certified: 500n,
        invoiced: 0n,
        paid: 400n,
        released: 200n,
        closed: true,
      },
    },
  }
}

describe('ledgerInvariantViolations', () => {
  it('finds nothing wrong with sound balances', () => {
    expect(ledgerInvariantViolations(sound())).toEqual([])
  })

  it.each([
    ['invariant 1', (b: LedgerBalances) => void (b.frameworks.F!.maximum = 899n)],
    [
      'invariant 2',
      (b: LedgerBalances) => {
        b.frameworks.F!.beneficiaries.B!.allocated = 499n
        b.frameworks.F!.allocated = 499n
      },
    ],
    ['invariant 3', (b: LedgerBalances) => void (b.frameworks.F!.maximum = 499n)],
    ['invariant 4', (b: LedgerBalances) => void (b.contracts.C!.paid = 501n)],
    ['invariant 5', (b: LedgerBalances) => void (b.frameworks.F!.holders = 2)],
    [
      'invariant 6',
      (b: LedgerBalances) => {
        b.contracts.C!.released = 100n
        b.contracts.C!.certified = 600n
      },
    ],
  ])('names %s when it is broken', (name, breakIt) => {
    const balances = sound()
    breakIt(balances)
    expect(ledgerInvariantViolations(balances).join('\n')).toContain(name)
  })

  it('refuses to fold an event type it was not taught', () => {
    const event = { type: 'MoneyPrinted', position: '1', data: {} } as unknown as RecordedEvent
    expect(() => new BalancesFold().apply(event)).toThrow(/does not know event type MoneyPrinted/)
  })
})

/** A store whose `readAll` reads every allocation twice: replaying it builds another state. */
function storeRepeatingAllocations(): EventStore {
  const store = createInMemoryStore()
  return {
    ...store,
    async *readAll(options) {
      for await (const event of store.readAll(options)) {
        yield event
        if (event.type === 'AllocationGranted') yield event
      }
    },
  }
}

describe('checkLedgerInvariants', () => {
  it('holds invariants 1 to 7 on the in-memory ledger after every command', async () => {
    await checkLedgerInvariants({ createStore: () => createInMemoryStore() })
  })

  it('fails, with a seed, when replaying the log does not give the state built command by command', async () => {
    const error: unknown = await checkLedgerInvariants({
      createStore: storeRepeatingAllocations,
      numRuns: 20,
      endOnFailure: true,
    }).catch((e: unknown) => e)
    expect((error as Error).message).toMatch(/seed: -?\d+/)
    expect(String((error as Error).cause)).toMatch(/Invariant|invariant/)
  })
})
