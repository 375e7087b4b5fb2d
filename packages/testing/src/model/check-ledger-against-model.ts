import fc from 'fast-check'
import { createLedger, type EventStore } from '@plafond/core'
import { commandIntent, openingIntents } from '../arbitraries/command-intent.js'
import { LEDGER_UNIVERSE } from '../arbitraries/ledger-universe.js'
import {
  createLedgerUnderTest,
  createModelRunState,
  IntentCommand,
  runIntent,
} from './model-run.js'
import { propertyRuns } from './property-runs.js'

/** The instant every checked ledger lives at: 2 March 2026, 10:00 in Paris. */
export const MODEL_CHECK_CLOCK = (): Date => new Date('2026-03-02T09:00:00.000Z')

/** Options of `checkLedgerAgainstModel`. */
export interface ModelCheckOptions {
  /** A new, empty store for each run; the check closes it at the end of the run. */
  readonly createStore: () => EventStore | Promise<EventStore>
  /** Random command sequences to run; `PLAFOND_PROPERTY_RUNS` or 25 by default. */
  readonly numRuns?: number
  /** The longest sequence, after the opening; 40 by default. */
  readonly maxCommands?: number
  /** Replays a failure: the seed fast-check printed. */
  readonly seed?: number
  /** Stops at the first failure without shrinking it: faster, with a longer counterexample. */
  readonly endOnFailure?: boolean
  /** Replays a failure: the path fast-check printed, with `seed`. */
  readonly path?: string
  /** Whether some steps go through `executeBatch`; true by default. */
  readonly batches?: boolean
}

/** What a model check saw. */
export interface ModelCheckReport {
  /** Commands run, all runs together (shrinking included). */
  readonly commands: number
  /** How many times each outcome came up: `ok`, or a rejection code. */
  readonly outcomes: Readonly<Record<string, number>>
  /** How many payments wrote `LatePaymentInterestDue`, each with the amount the model predicted. */
  readonly lateInterests: number
}

/**
 * Runs random command sequences through `createLedger` over the given store and through the
 * reference model side by side (fast-check's model-based testing), and checks after every step:
 * the outcome (ok, or the exact rejection code), the replayed flag of repeated command ids, the
 * events, the late-payment interest a payment writes (its days late and amount), the invariants
 * of `DOMAIN.md`, and every balance (per beneficiary allocated and committed, per framework, per
 * contract amount, ordered, certified, invoiced and paid) folded from the log against the model's.
 * Throws fast-check's report, with its seed, on the first disagreement. The ledger and the model
 * both read `LEDGER_UNIVERSE`'s rate tables.
 *
 * ```ts
 * await checkLedgerAgainstModel({ createStore: () => createSqliteStore({ path: ':memory:' }) })
 * ```
 */
export async function checkLedgerAgainstModel(
  options: ModelCheckOptions,
): Promise<ModelCheckReport> {
  const outcomes = new Map<string, number>()
  let commands = 0
  let lateInterests = 0
  const property = fc.asyncProperty(
    openingIntents,
    fc.commands(
      [commandIntent({ batches: options.batches ?? true }).map((i) => new IntentCommand(i))],
      {
        maxCommands: options.maxCommands ?? 40,
        size: 'max',
      },
    ),
    async (opening, steps) => {
      const store = await options.createStore()
      const ledger = createLedger({
        store,
        clock: MODEL_CHECK_CLOCK,
        // The universe's rate tables, which the model reads too.
        euThresholds: LEDGER_UNIVERSE.euThresholds,
        ecbRates: LEDGER_UNIVERSE.ecbRates,
      })
      const state = createModelRunState()
      const real = createLedgerUnderTest(ledger)
      try {
        for (const intent of opening) await runIntent(intent, state, real)
        await fc.asyncModelRun(() => ({ model: state, real }), steps)
      } finally {
        commands += state.trace.length
        lateInterests += state.lateInterests
        for (const [key, count] of state.outcomes)
          outcomes.set(key, (outcomes.get(key) ?? 0) + count)
        await ledger.close()
      }
    },
  )
  await fc.assert(property, {
    numRuns: options.numRuns ?? propertyRuns(25),
    ...(options.seed === undefined ? {} : { seed: options.seed }),
    ...(options.endOnFailure === true ? { endOnFailure: true } : {}),
    ...(options.path === undefined ? {} : { path: options.path }),
  })
  return { commands, outcomes: Object.fromEntries(outcomes), lateInterests }
}
