import { createLedger } from '@plafond/core'
import { emitRate, note } from '../measure/sample.js'
import { timed } from '../measure/stopwatch.js'
import { commandMix, takeMix } from '../workload/command-mix.js'
import { executeInTurn, openFramework } from '../workload/mix-clients.js'
import { syntheticFramework } from '../workload/synthetic-framework.js'

/** Options of `inMemoryCommands`. */
export interface InMemoryCommandsOptions {
  readonly commands: number
  readonly runs: number
}

/** Runs of the same size before the measured ones, to warm the JIT; not reported. */
const WARM_UP_RUNS = 2

/**
 * Commands per second on the in-memory store, one writer awaiting each `execute`: the mix with
 * validation, authorization, idempotency and hashing, as an application calls the ledger, in a
 * process that has been running for a while. Each run starts from a fresh ledger; the first two
 * runs of the same size warm the JIT and are not reported: a run of 20 000 commands took 50 000
 * commands per second from a cold process, 67 000 in the second run, 90 000 from the third on
 * (2026-11-29, built packages, an idle machine).
 */
export async function inMemoryCommands(options: InMemoryCommandsOptions): Promise<void> {
  const framework = syntheticFramework()
  for (let run = -WARM_UP_RUNS; run < options.runs; run++) {
    const ledger = createLedger()
    await openFramework(ledger, framework.setup, framework.coordinator)
    const count = options.commands
    const entries = takeMix(commandMix(framework, { prefix: `run${run + 1}` }), count)
    const { result: tally, ...elapsed } = await timed(() => executeInTurn(ledger, entries))
    await ledger.close()
    if (run < 0) continue
    note(
      `in memory, run ${run + 1}: ${count} commands (${tally.refused} refused, ${tally.replayed} repeated, ${tally.events} events) in ${elapsed.wallMs.toFixed(0)} ms`,
    )
    emitRate(
      {
        id: 'memory.execute',
        label: 'in memory: execute, 1 writer, realistic mix',
        unit: 'commands/s',
      },
      count,
      elapsed,
    )
  }
}
