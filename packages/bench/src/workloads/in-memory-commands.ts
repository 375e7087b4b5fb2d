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

/**
 * Commands per second on the in-memory store, one writer awaiting each `execute`: the mix with
 * validation, authorization, idempotency and hashing, as an application calls the ledger. Each run
 * starts from a fresh ledger; a first run of the same size warms the JIT and is not reported (the
 * command path gets about twice as fast over its first ten thousand commands).
 */
export async function inMemoryCommands(options: InMemoryCommandsOptions): Promise<void> {
  const framework = syntheticFramework()
  for (let run = -1; run < options.runs; run++) {
    const ledger = createLedger()
    await openFramework(ledger, framework.setup, framework.coordinator)
    const count = options.commands
    const entries = takeMix(commandMix(framework, { prefix: `run${run + 1}` }), count)
    const { result: tally, ...elapsed } = await timed(() => executeInTurn(ledger, entries))
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
    await ledger.close()
  }
}
