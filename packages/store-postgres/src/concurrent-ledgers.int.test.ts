import {
  createLedger,
  formatCents,
  isLedgerError,
  parseCents,
  type CommandInput,
  type EventStore,
  type Ledger,
} from '@plafond/core'
import {
  BalancesFold,
  FRAMEWORK,
  SIRETS,
  accountantOf,
  buyerOf,
  coordinator,
  executeAll,
  fixedClock,
  ledgerInvariantViolations,
  openedFrameworkCommands,
  raceForAllocation,
} from '@plafond/testing'
import { expect, it } from 'vitest'
import { createPostgresStore } from './create-postgres-store.js'
import { describePostgres, testDatabase, useTestSchemas } from './test-database.js'

const database = await testDatabase()

const WRITERS = 16
const AWARDS_PER_WRITER = 4
const BENEFICIARY = SIRETS.beneficiaryB
const ALLOCATION = parseCents(FRAMEWORK.beneficiaries[0]!.allocation)

/** A store that counts the appends refused for a version conflict: the ledger's retries. */
function countingConflicts(store: EventStore, counter: { conflicts: number }): EventStore {
  return {
    ...store,
    append: async (writes, options) => {
      try {
        return await store.append(writes, options)
      } catch (error) {
        if (isLedgerError(error, 'CONCURRENCY_CONFLICT')) counter.conflicts += 1
        throw error
      }
    },
  }
}

/** Award amounts from 5 000 € to 24 000 €, spread so that 64 awards ask about 1.5 times the allocation. */
function awardAmount(writer: number, n: number): bigint {
  return (5_000n + BigInt((writer * 7 + n * 13) % 20) * 1_000n) * 100n
}

function award(writer: number, n: number): CommandInput {
  return {
    type: 'AwardContract',
    commandId: `award:W${writer}-${n}`,
    frameworkId: FRAMEWORK.frameworkId,
    contractId: `W${writer}-${n}`,
    beneficiaryId: BENEFICIARY,
    holderId: SIRETS.holder1,
    kind: 'subsequent-contract',
    amount: formatCents(awardAmount(writer, n)),
    awardedOn: '2025-03-01',
    competition: 'mini-competition',
  }
}

describePostgres(database, 'PostgreSQL store: many ledgers writing at once', (url) => {
  const schemas = useTestSchemas(url, 1)

  it(`${WRITERS} ledgers, each over its own store and connection, race for one allocation: nothing committed past it, nothing lost, verify() passes`, async () => {
    const schema = await schemas.migrated()
    const counter = { conflicts: 0 }
    const ledgers: Ledger[] = Array.from({ length: WRITERS }, () =>
      createLedger({
        store: countingConflicts(
          createPostgresStore({ connectionString: url, maxConnections: 1 }, { schema }),
          counter,
        ),
        clock: fixedClock(),
        maxAttempts: 200,
        retryDelay: () => 1 + Math.random() * 10,
      }),
    )
    try {
      await executeAll(ledgers[0]!, openedFrameworkCommands(), coordinator())

      // Each writer awards, and on each contract it won certifies delivery and records a payment:
      // awards contend on the framework stream, the rest goes to contract streams of its own.
      const outcomes = await Promise.all(
        ledgers.map(async (ledger, writer) => {
          const won: bigint[] = []
          const refused: bigint[] = []
          for (let n = 0; n < AWARDS_PER_WRITER; n++) {
            const amount = awardAmount(writer, n)
            const result = await ledger.execute(award(writer, n), {
              actor: buyerOf(BENEFICIARY),
            })
            if (!result.ok) {
              expect(result.rejection.code).toBe('allocation_exceeded')
              refused.push(amount)
              continue
            }
            won.push(amount)
            const contractId = `W${writer}-${n}`
            const certified = await ledger.execute(
              {
                type: 'CertifyService',
                commandId: `certify:${contractId}`,
                contractId,
                serviceId: 'S1',
                amount: formatCents(amount / 2n),
                certifiedOn: '2025-04-01',
              },
              { actor: buyerOf(BENEFICIARY) },
            )
            const paid = await ledger.execute(
              {
                type: 'RecordPayment',
                commandId: `pay:${contractId}`,
                contractId,
                paymentId: 'P1',
                amount: formatCents(amount / 4n),
                paidOn: '2025-04-15',
              },
              { actor: accountantOf(BENEFICIARY) },
            )
            expect([certified.ok, paid.ok]).toEqual([true, true])
          }
          return { won, refused }
        }),
      )

      const won = outcomes.flatMap((o) => o.won)
      const refused = outcomes.flatMap((o) => o.refused)
      const accepted = won.reduce((sum, amount) => sum + amount, 0n)
      const fold = await new BalancesFold().applyAll(ledgers[0]!.readAll())
      const committed =
        fold.balances.frameworks[FRAMEWORK.frameworkId]!.beneficiaries[BENEFICIARY]!.committed

      expect(refused.length, 'the awards asked more than the allocation').toBeGreaterThan(0)
      expect(committed, 'committed past the allocation').toBeLessThanOrEqual(ALLOCATION)
      expect(committed, 'an accepted award is missing from the log').toBe(accepted)
      // Awards only add commitments: an award refused at any moment does not fit at the end.
      for (const amount of refused) expect(amount).toBeGreaterThan(ALLOCATION - committed)
      const contracts = Object.values(fold.balances.contracts)
      expect(contracts.length).toBe(won.length)
      for (const contract of contracts) {
        expect(contract.certified * 2n).toBe(contract.amount)
        expect(contract.paid * 4n).toBe(contract.amount)
      }
      expect([...fold.violations, ...ledgerInvariantViolations(fold.balances)]).toEqual([])

      const verified = await ledgers[0]!.verify()
      expect(verified).toMatchObject({ ok: true, events: fold.events })
      console.log(
        `${WRITERS} ledgers: ${won.length} awards accepted, ${refused.length} refused, ${counter.conflicts} version conflicts retried, ${fold.events} events`,
      )
    } finally {
      await Promise.all(ledgers.map((ledger) => ledger.close()))
    }
  })

  it(`raceForAllocation: 120 awards from ${WRITERS} ledgers over one store with a pool of ${WRITERS} connections`, async () => {
    const report = await raceForAllocation({
      createStore: async () =>
        createPostgresStore(
          { connectionString: url, maxConnections: WRITERS },
          { schema: await schemas.migrated() },
        ),
      writers: WRITERS,
      awards: 120,
      numRuns: 1,
    })
    console.log('raceForAllocation on PostgreSQL:', report)
    expect(report.runs).toBe(1)
    expect(report.accepted).toBeGreaterThan(0)
    expect(report.refused).toBeGreaterThan(0)
  })
})
