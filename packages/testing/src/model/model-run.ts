import type fc from 'fast-check'
import type { Actor, ExecuteResult, Ledger } from '@plafond/core'
import type { CommandIntent } from '../arbitraries/command-intent.js'
import { COORDINATOR, EVERYONE } from '../arbitraries/ledger-universe.js'
import {
  resolveIntent,
  type IntentContext,
  type IssuedCommand,
} from '../arbitraries/resolve-intent.js'
import { BalancesFold } from './balances-fold.js'
import { CoreStreamStates } from './core-stream-states.js'
import { balancesOfModel } from './ledger-balances.js'
import { ledgerInvariantViolations } from './ledger-invariants.js'
import { createLedgerModel, type LedgerModel } from './ledger-model.js'
import { predictOutcome, type Prediction } from './predict-outcome.js'
import { stableSerialize } from './stable-serialize.js'
import { toWireAmount } from './wire-amount.js'

/** The model side of a run: the reference model and what was issued so far (fast-check's Model). */
export interface ModelRunState {
  /** The reference model, moved on by every prediction. */
  readonly model: LedgerModel
  /** Every command issued so far, with its actor: repeats pick from it. */
  readonly history: IssuedCommand[]
  /** One line per command run, printed when a check fails. */
  readonly trace: string[]
  /** How many times each outcome was seen, keyed `AwardContract ok`, `AwardContract allocation_exceeded`, … */
  readonly outcomes: Map<string, number>
  /** How many fresh command ids were handed out. */
  issued: number
  /** How many accepted payments wrote late-payment interest, as the model predicted. */
  lateInterests: number
}

/** The real side of a run: the ledger and what was built from its answers (fast-check's Real). */
export interface LedgerUnderTest {
  /** The ledger under test. */
  readonly ledger: Ledger
  /** The balances folded from the log, event after event. */
  readonly fold: BalancesFold
  /** Core's states built from the events each command returned, one command at a time. */
  readonly perCommand: CoreStreamStates
}

/** What each step checks besides running. */
export interface StepChecks {
  /** Compare every outcome with the model's prediction, and the balances with the model's. */
  readonly model: boolean
}

/** A fresh model side. */
export function createModelRunState(): ModelRunState {
  return {
    model: createLedgerModel(),
    history: [],
    trace: [],
    outcomes: new Map(),
    issued: 0,
    lateInterests: 0,
  }
}

/** A fresh real side over a ledger. */
export function createLedgerUnderTest(ledger: Ledger): LedgerUnderTest {
  return { ledger, fold: new BalancesFold(), perCommand: new CoreStreamStates('per-command') }
}

/** What intents resolve against on the model side: its model, its history, fresh command ids. */
export function intentContext(state: ModelRunState): IntentContext {
  return {
    model: state.model,
    history: state.history,
    nextCommandId: () => `cmd-${++state.issued}`,
  }
}

function describeOutcome(o: { readonly ok: boolean; readonly code?: string }, replayed: boolean) {
  return `${o.ok ? 'ok' : o.code!}${replayed ? ' (replayed)' : ''}`
}

function actual(result: ExecuteResult): { ok: boolean; code?: string } {
  return result.ok ? { ok: true } : { ok: false, code: result.rejection.code }
}

/** The late-payment interest written (or predicted), as `<days> days late, <amount>`, or `none`. */
function lateInterestWritten(result: ExecuteResult): string {
  const event = result.ok
    ? result.events.find((e) => e.type === 'LatePaymentInterestDue')
    : undefined
  if (!event) return 'none'
  const data = event.data as Readonly<Record<string, unknown>>
  return `${String(data.daysLate)} days late, ${String(data.amount)}`
}

function lateInterestPredicted(predicted: Prediction): string {
  const late = predicted.outcome.ok ? predicted.outcome.lateInterest : undefined
  return late ? `${late.daysLate} days late, ${toWireAmount(late.amount)}` : 'none'
}

/** A failed check, with the last commands of the run for context. */
export function failure(state: ModelRunState, what: string): Error {
  const tail = state.trace.slice(-25).join('\n  ')
  return new Error(`${what}\nLast commands (model → ledger):\n  ${tail}`)
}

function check(
  state: ModelRunState,
  issued: IssuedCommand,
  predicted: Prediction,
  result: ExecuteResult,
  checks: StepChecks,
): void {
  const expected = predicted.outcome.ok ? { ok: true } : { ok: false, code: predicted.outcome.code }
  const got = actual(result)
  const key = `${issued.command.type} ${got.ok ? 'ok' : got.code!}`
  state.outcomes.set(key, (state.outcomes.get(key) ?? 0) + 1)
  state.trace.push(
    `#${state.trace.length + 1} ${JSON.stringify(issued.command)} by ${issued.actor.id}: ${describeOutcome(expected, predicted.replayed)} → ${describeOutcome(got, result.replayed)}`,
  )
  if (checks.model && (got.ok !== expected.ok || got.code !== expected.code)) {
    const message = result.ok ? '' : ` (${result.rejection.message})`
    throw failure(
      state,
      `The model expected ${describeOutcome(expected, predicted.replayed)} for ${issued.command.type} ${issued.command.commandId}, the ledger answered ${describeOutcome(got, result.replayed)}${message}.`,
    )
  }
  if (checks.model && result.ok) {
    const expectedInterest = lateInterestPredicted(predicted)
    const writtenInterest = lateInterestWritten(result)
    if (expectedInterest !== writtenInterest) {
      throw failure(
        state,
        `The model expected late-payment interest ${expectedInterest} for ${issued.command.commandId}, the ledger wrote ${writtenInterest}.`,
      )
    }
    if (writtenInterest !== 'none') state.lateInterests += 1
  }
  if (checks.model && result.replayed !== predicted.replayed) {
    throw failure(
      state,
      `The model expected replayed=${predicted.replayed} for ${issued.command.commandId}, the ledger said ${result.replayed}.`,
    )
  }
  if (result.ok) {
    const strangers = result.events.filter((e) => e.meta.commandId !== issued.command.commandId)
    if (result.events.length === 0 || strangers.length > 0) {
      throw failure(
        state,
        `${issued.command.commandId} was accepted with ${result.events.length} events, ${strangers.length} of them from other commands.`,
      )
    }
  }
}

async function checkBalances(
  state: ModelRunState,
  real: LedgerUnderTest,
  checks: StepChecks,
): Promise<void> {
  const from = (BigInt(real.fold.lastPosition) + 1n).toString()
  for await (const event of real.ledger.readAll({ fromPosition: from })) real.fold.apply(event)
  const broken = [...real.fold.violations, ...ledgerInvariantViolations(real.fold.balances)]
  if (broken.length > 0) throw failure(state, `Invariants broken:\n  ${broken.join('\n  ')}`)
  if (!checks.model) return
  const expected = stableSerialize(balancesOfModel(state.model))
  const found = stableSerialize(real.fold.balances)
  if (expected !== found) {
    throw failure(
      state,
      `The balances folded from the log differ from the model's.\n  model: ${expected}\n  log:   ${found}`,
    )
  }
}

/**
 * Runs one intent (a command, or a batch through `executeBatch`) on the model and the ledger, and
 * checks the outcome, the replayed flag, the events, the invariants and the balances.
 */
export async function runIntent(
  intent: CommandIntent,
  state: ModelRunState,
  real: LedgerUnderTest,
  checks: StepChecks = { model: true },
): Promise<void> {
  const context = intentContext(state)
  if (intent.type === 'Batch') {
    const actor: Actor = intent.everyone ? EVERYONE : COORDINATOR
    const issued: IssuedCommand[] = []
    const predictions: Prediction[] = []
    for (const step of intent.steps) {
      if (step.type === 'Batch') continue
      const one = { command: resolveIntent(step, context).command, actor }
      issued.push(one)
      state.history.push(one)
      predictions.push(predictOutcome(state.model, one.command, actor))
    }
    const results = await real.ledger.executeBatch(
      issued.map((one) => one.command),
      { actor },
    )
    state.trace.push(`-- batch of ${issued.length} by ${actor.id}:`)
    results.forEach((result, i) => {
      check(state, issued[i]!, predictions[i]!, result, checks)
      if (result.ok && !result.replayed) real.perCommand.apply(result.events)
    })
  } else {
    const issued = resolveIntent(intent, context)
    state.history.push(issued)
    const predicted = predictOutcome(state.model, issued.command, issued.actor)
    const result = await real.ledger.execute(issued.command, { actor: issued.actor })
    check(state, issued, predicted, result, checks)
    if (result.ok && !result.replayed) real.perCommand.apply(result.events)
  }
  await checkBalances(state, real, checks)
}

function describeIntent(intent: CommandIntent): string {
  return `${intent.type} ${stableSerialize(intent)}`
}

/** One step of a model-based run (`fc.commands`): an intent, resolved when it runs. */
export class IntentCommand implements fc.AsyncCommand<ModelRunState, LedgerUnderTest> {
  /** What the step will issue, relative to the state it finds. */
  readonly intent: CommandIntent

  constructor(intent: CommandIntent) {
    this.intent = intent
  }

  /** Every intent can run in any state: refusals are part of what is checked. */
  check(): boolean {
    return true
  }

  /** Runs the intent on both sides and checks them. */
  async run(state: ModelRunState, real: LedgerUnderTest): Promise<void> {
    await runIntent(this.intent, state, real)
  }

  /** The intent, for fast-check's report of a failing sequence. */
  toString(): string {
    return describeIntent(this.intent)
  }
}
