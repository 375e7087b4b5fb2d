import fc from 'fast-check'
import {
  createLedger,
  isLedgerError,
  type CommandInput,
  type EventStore,
  type ExecuteResult,
  type Ledger,
} from '@plafond/core'
import { buyerOf, COORDINATOR, LEDGER_UNIVERSE } from '../arbitraries/ledger-universe.js'
import { BalancesFold } from './balances-fold.js'
import { MODEL_CHECK_CLOCK } from './check-ledger-against-model.js'
import { ledgerInvariantViolations } from './ledger-invariants.js'
import { propertyRuns } from './property-runs.js'
import { toWireAmount } from './wire-amount.js'

/** Options of `raceForAllocation`. */
export interface RaceOptions {
  /** A new, empty store for each run; the race closes it at the end of the run. */
  readonly createStore: () => EventStore | Promise<EventStore>
  /** Ledgers created over the one store, as separate processes would; 1 by default. */
  readonly writers?: number
  /** Awards fired at once, spread over the writers; 200 by default. */
  readonly awards?: number
  /** The beneficiary's allocation, in cents; 10 000 € by default. Awards ask for 2 to 4 times it. */
  readonly allocationCents?: bigint
  /** `maxAttempts` of each writer; 50 by default, so that retries rarely run out. */
  readonly maxAttempts?: number
  /** Races to run, each with other random amounts; `PLAFOND_PROPERTY_RUNS` or 3 by default. */
  readonly numRuns?: number
  /** Replays a failure: the seed fast-check printed. */
  readonly seed?: number
  /** Replays a failure: the path fast-check printed, with `seed`. */
  readonly path?: string
  /** Stops at the first failure without shrinking it: faster, with a longer counterexample. */
  readonly endOnFailure?: boolean
}

/** What the races saw, all runs together. */
export interface RaceReport {
  readonly runs: number
  /** Awards accepted. */
  readonly accepted: number
  /** Awards refused with `allocation_exceeded`. */
  readonly refused: number
  /** Awards that gave up with `CONCURRENCY_CONFLICT` after their attempts (and wrote nothing). */
  readonly gaveUp: number
  /** Attempts after a version conflict, all writers together. */
  readonly retries: number
}

type Outcome =
  { readonly kind: 'result'; readonly result: ExecuteResult } | { readonly kind: 'gave-up' }

const FRAMEWORK = 'AC-RACE'
const HOLDER = LEDGER_UNIVERSE.holders[0]
const BENEFICIARY = LEDGER_UNIVERSE.beneficiaries[0]

async function open(ledger: Ledger, allocation: bigint): Promise<void> {
  const setup: CommandInput[] = [
    {
      type: 'OpenFramework',
      commandId: 'race-open',
      frameworkId: FRAMEWORK,
      title: 'Race',
      buyerId: LEDGER_UNIVERSE.buyerId,
      estimate: toWireAmount(allocation * 5n),
      // Far above the allocation: only the allocation may stop an award.
      maximum: toWireAmount(allocation * 10n),
      startsOn: '2025-01-01',
      endsOn: '2028-12-31',
      maxHolders: 1,
    },
    {
      type: 'AddHolder',
      commandId: 'race-holder',
      frameworkId: FRAMEWORK,
      holderId: HOLDER,
      name: 'Holder',
      addedOn: '2025-01-01',
    },
    {
      type: 'AddBeneficiary',
      commandId: 'race-beneficiary',
      frameworkId: FRAMEWORK,
      beneficiaryId: BENEFICIARY,
      name: 'Beneficiary',
    },
    {
      type: 'Allocate',
      commandId: 'race-allocate',
      frameworkId: FRAMEWORK,
      beneficiaryId: BENEFICIARY,
      amount: toWireAmount(allocation),
    },
  ]
  for (const command of setup) {
    const result = await ledger.execute(command, { actor: COORDINATOR })
    if (!result.ok)
      throw new Error(
        `The race's opening failed at ${command.commandId}: ${result.rejection.message}`,
      )
  }
}

function award(i: number, cents: bigint): CommandInput {
  return {
    type: 'AwardContract',
    commandId: `race-award-${i}`,
    frameworkId: FRAMEWORK,
    contractId: `RACE-${i}`,
    beneficiaryId: BENEFICIARY,
    holderId: HOLDER,
    kind: 'purchase-order',
    amount: toWireAmount(cents),
    awardedOn: '2026-02-02',
    competition: 'direct',
  }
}

/**
 * The N-concurrent-spenders test: many awards of random amounts race, all at once, for one
 * beneficiary's allocation, through one ledger or several ledgers over one store (as separate
 * processes would, so that optimistic concurrency and retries do the work). Checks that every
 * award is accepted or refused with `allocation_exceeded` (or, past its attempts, gives up with
 * `CONCURRENCY_CONFLICT` having written nothing); that the committed sum in the log never passes
 * the allocation by a cent and equals the sum of the accepted amounts; that every refused award
 * really did not fit; that the invariants hold and `verify()` passes. Returns what it counted.
 */
export async function raceForAllocation(options: RaceOptions): Promise<RaceReport> {
  const writers = options.writers ?? 1
  const count = options.awards ?? 200
  const allocation = options.allocationCents ?? 1_000_000n
  const totals = { runs: 0, accepted: 0, refused: 0, gaveUp: 0, retries: 0 }
  // Each award asks 1 % to 2 % of the allocation: 200 of them ask 2 to 4 times it.
  const amounts = fc.array(fc.bigInt({ min: allocation / 100n, max: allocation / 50n }), {
    minLength: count,
    maxLength: count,
  })
  const property = fc.asyncProperty(amounts, async (asks) => {
    const store = await options.createStore()
    let retries = 0
    const ledgers = Array.from({ length: writers }, () =>
      createLedger({
        store,
        clock: MODEL_CHECK_CLOCK,
        maxAttempts: options.maxAttempts ?? 50,
        retryDelay: (attempt) => {
          retries += 1
          return Math.min(2 ** (attempt - 2), 20)
        },
      }),
    )
    const first = ledgers[0]!
    try {
      await open(first, allocation)
      const actor = buyerOf(BENEFICIARY)
      const outcomes = await Promise.all(
        asks.map((cents, i) =>
          ledgers[i % writers]!.execute(award(i, cents), { actor }).then(
            (result): Outcome => ({ kind: 'result', result }),
            (error: unknown): Outcome => {
              if (isLedgerError(error, 'CONCURRENCY_CONFLICT')) return { kind: 'gave-up' }
              throw error
            },
          ),
        ),
      )

      const fold = await new BalancesFold().applyAll(first.readAll())
      const committed = fold.balances.frameworks[FRAMEWORK]!.beneficiaries[BENEFICIARY]!.committed
      let acceptedSum = 0n
      const refusedAsks: bigint[] = []
      for (const [i, outcome] of outcomes.entries()) {
        const contract = fold.balances.contracts[`RACE-${i}`]
        if (outcome.kind === 'gave-up') {
          totals.gaveUp += 1
          if (contract || (await store.findOutcome(`race-award-${i}`))) {
            throw new Error(
              `Award ${i} gave up with CONCURRENCY_CONFLICT, yet something of it was written.`,
            )
          }
        } else if (outcome.result.ok) {
          totals.accepted += 1
          acceptedSum += asks[i]!
          if (contract?.amount !== asks[i])
            throw new Error(`Award ${i} was accepted but its contract is not in the log.`)
        } else {
          totals.refused += 1
          refusedAsks.push(asks[i]!)
          if (outcome.result.rejection.code !== 'allocation_exceeded') {
            throw new Error(
              `Award ${i} was refused with ${outcome.result.rejection.code}, expected ok or allocation_exceeded: ${outcome.result.rejection.message}`,
            )
          }
          if (contract) throw new Error(`Award ${i} was refused, yet its contract is in the log.`)
        }
      }
      if (committed > allocation) {
        throw new Error(
          `Committed ${committed} cents passed the allocation of ${allocation} cents.`,
        )
      }
      if (committed !== acceptedSum) {
        throw new Error(
          `The log commits ${committed} cents, the accepted awards ${acceptedSum} cents.`,
        )
      }
      // Awards only add commitments, so one refused at any moment does not fit at the end either.
      for (const ask of refusedAsks) {
        if (ask <= allocation - committed) {
          throw new Error(
            `An award of ${ask} cents was refused though ${allocation - committed} cents are left.`,
          )
        }
      }
      const broken = [...fold.violations, ...ledgerInvariantViolations(fold.balances)]
      if (broken.length > 0) throw new Error(`Invariants broken:\n  ${broken.join('\n  ')}`)
      const verified = await first.verify()
      if (!verified.ok)
        throw new Error(`verify() failed at ${verified.position}: ${verified.reason}`)
      totals.runs += 1
      totals.retries += retries
    } finally {
      await first.close()
    }
  })
  await fc.assert(property, {
    numRuns: options.numRuns ?? propertyRuns(3),
    ...(options.seed === undefined ? {} : { seed: options.seed }),
    ...(options.path === undefined ? {} : { path: options.path }),
    ...(options.endOnFailure === true ? { endOnFailure: true } : {}),
  })
  return totals
}
