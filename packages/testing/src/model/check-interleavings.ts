import fc from 'fast-check'
import { createLedger, isLedgerError, type EventStore, type ExecuteResult } from '@plafond/core'
import { BalancesFold } from './balances-fold.js'
import {
  INTERLEAVING_OPENING,
  interleavingOperation,
  issueOperation,
} from './interleaving-scenario.js'
import { MODEL_CHECK_CLOCK } from './check-ledger-against-model.js'
import { balancesOfModel } from './ledger-balances.js'
import { ledgerInvariantViolations } from './ledger-invariants.js'
import { cloneLedgerModel, createLedgerModel, type LedgerModel } from './ledger-model.js'
import { predictOutcome } from './predict-outcome.js'
import { propertyRuns } from './property-runs.js'
import { scheduledStore } from './scheduled-store.js'
import { stableSerialize } from './stable-serialize.js'

/** Options of `checkInterleavings`. */
export interface InterleavingCheckOptions {
  /** A new, empty store for each run; the check closes it at the end of the run. */
  readonly createStore: () => EventStore | Promise<EventStore>
  /** Interleavings to try; `PLAFOND_PROPERTY_RUNS` or 40 by default. */
  readonly numRuns?: number
  /** Replays a failure: the seed fast-check printed. */
  readonly seed?: number
  /** Stops at the first failure without shrinking it: faster, with a longer counterexample. */
  readonly endOnFailure?: boolean
  /** Replays a failure: the path fast-check printed, with `seed`. */
  readonly path?: string
}

/** What the interleavings saw, all runs together. */
export interface InterleavingReport {
  readonly runs: number
  readonly accepted: number
  readonly refused: number
  /** Commands that gave up with `CONCURRENCY_CONFLICT` after their attempts. */
  readonly gaveUp: number
  /** Attempts after a version conflict. */
  readonly retries: number
}

type Outcome =
  { readonly kind: 'result'; readonly result: ExecuteResult } | { readonly kind: 'gave-up' }

/**
 * Concurrent commands from two ledgers over one store, with fast-check's scheduler choosing, run
 * after run, in which order their reads and appends reach the store. The outcome must be one a
 * serial execution gives: the accepted commands, in the order the log holds them, are all accepted
 * by the reference model and leave exactly the balances the log holds; every refused command is
 * refused with the same code by the model at some point of that serial history; a command that
 * gave up after its retries wrote nothing. Invariants and `verify()` hold every time.
 */
export async function checkInterleavings(
  options: InterleavingCheckOptions,
): Promise<InterleavingReport> {
  const totals = { runs: 0, accepted: 0, refused: 0, gaveUp: 0, retries: 0 }
  const property = fc.asyncProperty(
    fc.scheduler(),
    fc.array(fc.tuple(interleavingOperation, fc.constantFrom(0, 1)), {
      minLength: 2,
      maxLength: 8,
    }),
    async (scheduler, operations) => {
      const store = await options.createStore()
      const plain = createLedger({ store, clock: MODEL_CHECK_CLOCK })
      try {
        const start: LedgerModel = createLedgerModel()
        for (const { command, actor } of INTERLEAVING_OPENING) {
          const result = await plain.execute(command, { actor })
          const predicted = predictOutcome(start, command, actor)
          if (!result.ok || !predicted.outcome.ok)
            throw new Error(`The opening failed at ${command.commandId}.`)
        }
        let retries = 0
        const shared = scheduledStore(store, scheduler)
        const ledgers = [0, 1].map(() =>
          createLedger({
            store: shared,
            clock: MODEL_CHECK_CLOCK,
            maxAttempts: 50,
            retryDelay: () => {
              retries += 1
              return 0
            },
          }),
        )
        const issued = operations.map(([op], i) => issueOperation(op, i))
        const running = Promise.all(
          issued.map(({ command, actor }, i) =>
            ledgers[operations[i]![1]]!.execute(command, { actor }).then(
              (result): Outcome => ({ kind: 'result', result }),
              (error: unknown): Outcome => {
                if (isLedgerError(error, 'CONCURRENCY_CONFLICT')) return { kind: 'gave-up' }
                throw error
              },
            ),
          ),
        )
        const outcomes = await scheduler.waitFor(running)

        // The serial history the log tells: accepted commands by the position of their first event.
        const firstPosition = new Map<string, bigint>()
        const fold = new BalancesFold()
        for await (const event of plain.readAll()) {
          fold.apply(event)
          if (!firstPosition.has(event.meta.commandId))
            firstPosition.set(event.meta.commandId, BigInt(event.position))
        }
        const where = (what: string): string =>
          `${what}\n${scheduler
            .report()
            .map((t) => `  ${t.status} ${t.label}`)
            .join('\n')}`
        const accepted = issued
          .filter((_, i) => {
            const o = outcomes[i]!
            return o.kind === 'result' && o.result.ok
          })
          .sort((a, b) =>
            firstPosition.get(a.command.commandId)! < firstPosition.get(b.command.commandId)!
              ? -1
              : 1,
          )
        const prefixes: LedgerModel[] = [cloneLedgerModel(start)]
        const serial = cloneLedgerModel(start)
        for (const one of accepted) {
          const predicted = predictOutcome(serial, one.command, one.actor)
          if (!predicted.outcome.ok) {
            throw new Error(
              where(
                `${one.command.commandId} was accepted, but in the log's order the model refuses it (${predicted.outcome.code}).`,
              ),
            )
          }
          prefixes.push(cloneLedgerModel(serial))
        }
        for (const [i, outcome] of outcomes.entries()) {
          const { command, actor } = issued[i]!
          if (outcome.kind === 'gave-up') {
            if (
              firstPosition.has(command.commandId) ||
              (await store.findOutcome(command.commandId))
            ) {
              throw new Error(
                `${command.commandId} gave up with CONCURRENCY_CONFLICT, yet something of it was written.`,
              )
            }
            continue
          }
          if (outcome.result.ok) continue
          const code = outcome.result.rejection.code
          const explained = prefixes.some((prefix) => {
            const predicted = predictOutcome(cloneLedgerModel(prefix), command, actor).outcome
            return !predicted.ok && predicted.code === code
          })
          if (!explained) {
            throw new Error(
              where(
                `${command.commandId} (${command.type}) was refused with ${code}, which no serial order of the accepted commands explains.`,
              ),
            )
          }
        }
        const broken = [...fold.violations, ...ledgerInvariantViolations(fold.balances)]
        if (broken.length > 0)
          throw new Error(where(`Invariants broken:\n  ${broken.join('\n  ')}`))
        const expected = stableSerialize(balancesOfModel(serial))
        const found = stableSerialize(fold.balances)
        if (expected !== found) {
          throw new Error(
            where(
              `The log's balances differ from the serial history's.\n  model: ${expected}\n  log:   ${found}`,
            ),
          )
        }
        const verified = await plain.verify()
        if (!verified.ok)
          throw new Error(`verify() failed at ${verified.position}: ${verified.reason}`)
        totals.runs += 1
        totals.retries += retries
        totals.accepted += accepted.length
        for (const outcome of outcomes) {
          if (outcome.kind === 'gave-up') totals.gaveUp += 1
          else if (!outcome.result.ok) totals.refused += 1
        }
      } finally {
        await plain.close()
      }
    },
  )
  await fc.assert(property, {
    numRuns: options.numRuns ?? propertyRuns(40),
    ...(options.seed === undefined ? {} : { seed: options.seed }),
    ...(options.endOnFailure === true ? { endOnFailure: true } : {}),
    ...(options.path === undefined ? {} : { path: options.path }),
  })
  return totals
}
