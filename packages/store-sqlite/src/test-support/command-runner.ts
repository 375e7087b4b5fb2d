// A child process for the multi-process and crash tests: opens its own ledger on the SQLite file
// the parent names and executes the plan it receives, reporting each unit's results over IPC.
import { createLedger, isLedgerError, type ExecuteResult, type Ledger } from '@plafond/core'
import { createSqliteStore } from '../create-sqlite-store.js'
import type { ChildMessage, CommandPlan, CommandUnit, ReportedResult } from './command-process.js'

function send(message: ChildMessage): Promise<void> {
  return new Promise((resolve) => {
    if (!process.send) return resolve()
    process.send(message, () => resolve())
  })
}

function report(commandId: string, result: ExecuteResult): ReportedResult {
  return result.ok
    ? {
        commandId,
        ok: true,
        replayed: result.replayed,
        positions: result.events.map((e) => e.position),
      }
    : {
        commandId,
        ok: false,
        code: result.rejection.code,
        replayed: result.replayed,
        positions: [],
      }
}

/** Runs one unit, starting again (same command ids, so safely) while other processes hold it up. */
async function runUnit(ledger: Ledger, unit: CommandUnit): Promise<ExecuteResult[]> {
  for (let attempt = 1; ; attempt++) {
    try {
      if (unit.batch) return await ledger.executeBatch(unit.commands, { actor: unit.actor })
      return [await ledger.execute(unit.commands[0]!, { actor: unit.actor })]
    } catch (error) {
      const transient =
        isLedgerError(error, 'CONCURRENCY_CONFLICT') || isLedgerError(error, 'STORE_UNAVAILABLE')
      if (!transient || attempt >= 100) throw error
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 20))
    }
  }
}

async function run(plan: CommandPlan): Promise<void> {
  const ledger = createLedger({ store: createSqliteStore({ path: plan.path }) })
  const started = new Promise<void>((resolve) => {
    if (!plan.waitForGo) return resolve()
    process.on('message', (message: { kind: string }) => {
      if (message.kind === 'go') resolve()
    })
  })
  await send({ kind: 'ready' })
  await started
  for (const [index, unit] of plan.units.entries()) {
    const results = await runUnit(ledger, unit)
    await send({
      kind: 'unit',
      index,
      results: results.map((result, i) => report(unit.commands[i]!.commandId, result)),
    })
  }
  await ledger.close()
  await send({ kind: 'done' })
  process.disconnect()
}

process.once('message', (plan: CommandPlan) => {
  run(plan).catch(async (error: unknown) => {
    process.exitCode = 1
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error)
    await send({ kind: 'failed', message })
    process.disconnect()
  })
})
