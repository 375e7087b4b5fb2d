import fc from 'fast-check'
import {
  canonicalJson,
  Command,
  createLedger,
  decide,
  parisDate,
  withoutUndefined,
  type Decision,
  type EventStore,
  type ExecuteResult,
  type Ledger,
} from '@plafond/core'
import {
  commandIntent,
  openingIntents,
  singleCommandIntent,
  type CommandIntent,
} from '../arbitraries/command-intent.js'
import { LEDGER_UNIVERSE } from '../arbitraries/ledger-universe.js'
import { resolveIntent, type SingleIntent } from '../arbitraries/resolve-intent.js'
import { BalancesFold } from './balances-fold.js'
import { MODEL_CHECK_CLOCK } from './check-ledger-against-model.js'
import { CoreStreamStates } from './core-stream-states.js'
import { ledgerInvariantViolations } from './ledger-invariants.js'
import {
  createLedgerUnderTest,
  createModelRunState,
  failure,
  intentContext,
  runIntent,
  type LedgerUnderTest,
  type ModelRunState,
} from './model-run.js'
import { predictOutcome } from './predict-outcome.js'
import { propertyRuns } from './property-runs.js'
import { stableSerialize } from './stable-serialize.js'

/** Options of `checkLedgerInvariants`. */
export interface InvariantCheckOptions {
  /** A new, empty store for each run; the check closes it at the end of the run. */
  readonly createStore: () => EventStore | Promise<EventStore>
  /** Random command sequences to run; `PLAFOND_PROPERTY_RUNS` or 20 by default. */
  readonly numRuns?: number
  /** The longest sequence, after the opening; 30 by default. */
  readonly maxCommands?: number
  /** Replays a failure: the seed fast-check printed. */
  readonly seed?: number
  /** Stops at the first failure without shrinking it: faster, with a longer counterexample. */
  readonly endOnFailure?: boolean
  /** Replays a failure: the path fast-check printed, with `seed`. */
  readonly path?: string
}

/** A fresh command by the actor who should issue it: no repeat, no batch. */
const freshIntent: fc.Arbitrary<SingleIntent> = singleCommandIntent
  .filter((intent) => intent.type !== 'Repeat' && intent.type !== 'Batch')
  .map((intent) => ({ ...intent, actor: 'proper' }))

async function invariantsFromScratch(state: ModelRunState, ledger: Ledger): Promise<void> {
  const fold = await new BalancesFold().applyAll(ledger.readAll())
  const broken = [...fold.violations, ...ledgerInvariantViolations(fold.balances)]
  if (broken.length > 0) throw failure(state, `Invariants broken:\n  ${broken.join('\n  ')}`)
}

function firstDifference(a: string, b: string): string {
  let i = 0
  while (i < a.length && a[i] === b[i]) i++
  const from = Math.max(0, i - 120)
  return `at character ${i}:\n  per command: …${a.slice(from, i + 120)}…\n  replayed:    …${b.slice(from, i + 120)}…`
}

/** Invariant 7, and the three derivations of the balances agreeing. */
async function replayMatches(
  state: ModelRunState,
  real: LedgerUnderTest,
): Promise<CoreStreamStates> {
  const replay = await new CoreStreamStates('replay').applyAll(real.ledger.readAll())
  const perCommand = real.perCommand.serialize()
  const replayed = replay.serialize()
  if (perCommand !== replayed) {
    throw failure(
      state,
      `Invariant 7: replaying the log does not give the state built command by command, ${firstDifference(perCommand, replayed)}`,
    )
  }
  const fold = await new BalancesFold().applyAll(real.ledger.readAll())
  const fromCore = stableSerialize(replay.balances())
  const fromFold = stableSerialize(fold.balances)
  if (fromCore !== fromFold) {
    throw failure(
      state,
      `Core's replayed states and the independent fold disagree on the balances.\n  core: ${fromCore}\n  fold: ${fromFold}`,
    )
  }
  return replay
}

function eventsOf(decision: Decision & { ok: true }): string[] {
  return [...decision.framework, ...decision.contract, ...(decision.product ?? [])]
    .map((e) => canonicalJson({ type: e.type, data: withoutUndefined(e.data) }))
    .sort()
}

function sameDecision(expected: Decision, result: ExecuteResult): string | undefined {
  if (expected.ok !== result.ok) {
    return `expected ${expected.ok ? 'acceptance' : expected.rejection.code}, got ${result.ok ? 'acceptance' : result.rejection.code}`
  }
  if (expected.ok && result.ok) {
    const decided = eventsOf(expected)
    const written = result.events.map((e) => canonicalJson({ type: e.type, data: e.data })).sort()
    if (canonicalJson(decided) !== canonicalJson(written)) {
      return `decided events ${decided.join(' ')} but wrote ${written.join(' ')}`
    }
  }
  if (!expected.ok && !result.ok) {
    const a = canonicalJson(expected.rejection)
    const b = canonicalJson(result.rejection)
    if (a !== b) return `decided ${a} but answered ${b}`
  }
  return undefined
}

/**
 * Properties of `DOMAIN.md`'s invariants over random command sequences (awards, orders,
 * modifications under every legal basis, certified delivery, invoices, payments with late
 * interest, holder successions, closings) on a ledger over the given store. After every command
 * the log (`ledger.readAll()`) is folded from scratch, independently of core, and invariants 1 to
 * 6 are checked: Σ allocations ≤ maximum, committed ≤ allocation per beneficiary, total committed
 * ≤ maximum, per contract Σ orders ≤ amount, certified ≤ amount, invoiced ≤ amount and paid ≤
 * certified, every call-off inside the validity and to current holders, no more current holders
 * than announced, committed = Σ (initial + modifications) − released. At the end, invariant 7: core's states built command by command
 * (immer, from the events each command returned) equal, byte for byte, a fresh replay of the log
 * through core's deciders; the balances derived from them equal the independent fold's; and a
 * second ledger created over the same store decides the next command exactly as core's pure
 * `decide` does on the replayed states, after which the first ledger, now stale, still agrees
 * with the reference model.
 */
export async function checkLedgerInvariants(options: InvariantCheckOptions): Promise<void> {
  const clock = MODEL_CHECK_CLOCK
  // The universe's rate tables, which the model reads too.
  const tables = { euThresholds: LEDGER_UNIVERSE.euThresholds, ecbRates: LEDGER_UNIVERSE.ecbRates }
  const property = fc.asyncProperty(
    openingIntents,
    fc.array(commandIntent(), { maxLength: options.maxCommands ?? 30, size: 'max' }),
    freshIntent,
    freshIntent,
    async (opening, intents: readonly CommandIntent[], next, follow) => {
      const store = await options.createStore()
      const ledger = createLedger({ store, clock, ...tables })
      const state = createModelRunState()
      const real = createLedgerUnderTest(ledger)
      try {
        for (const intent of [...opening, ...intents]) {
          await runIntent(intent, state, real, { model: false })
          await invariantsFromScratch(state, ledger)
        }
        const replay = await replayMatches(state, real)

        // A second ledger over the same store, with nothing cached, decides the next command.
        const second = createLedger({ store, clock, ...tables })
        const issued = resolveIntent(next, intentContext(state))
        const predicted = predictOutcome(state.model, issued.command, issued.actor)
        const parsed = Command.safeParse(issued.command)
        const result = await second.execute(issued.command, { actor: issued.actor })
        state.trace.push(
          `#${state.trace.length + 1} (second ledger) ${JSON.stringify(issued.command)} → ${result.ok ? 'ok' : result.rejection.code}`,
        )
        const problem = parsed.success
          ? sameDecision(
              decide(parsed.data, replay.decisionStates(parsed.data), {
                today: parisDate(clock()),
                ...tables,
              }),
              result,
            )
          : result.ok || result.rejection.code !== 'invalid_command'
            ? 'expected invalid_command'
            : undefined
        if (problem !== undefined) {
          throw failure(
            state,
            `A second ledger over the same store decided differently: ${problem}.`,
          )
        }
        const expected = predicted.outcome.ok ? 'ok' : predicted.outcome.code
        if ((result.ok ? 'ok' : result.rejection.code) !== expected) {
          throw failure(state, `The second ledger answered unlike the model (${expected}).`)
        }
        if (result.ok) real.perCommand.apply(result.events)

        // The first ledger's cache is now stale for that stream: it must still decide right.
        await runIntent(follow, state, real, { model: true })
        await invariantsFromScratch(state, ledger)
        await replayMatches(state, real)
      } finally {
        await ledger.close()
      }
    },
  )
  await fc.assert(property, {
    numRuns: options.numRuns ?? propertyRuns(20),
    ...(options.seed === undefined ? {} : { seed: options.seed }),
    ...(options.endOnFailure === true ? { endOnFailure: true } : {}),
    ...(options.path === undefined ? {} : { path: options.path }),
  })
}
