import type { Actor, CommandInput, Ledger } from '@plafond/core'
import { checkOutcome, emptyTally, type MixTally } from './check-outcome.js'
import type { MixEntry } from './command-mix.js'

/** Executes entries one after the other, each awaited before the next: a single writer. */
export async function executeInTurn(
  ledger: Ledger,
  entries: readonly MixEntry[],
): Promise<MixTally> {
  const tally = emptyTally()
  for (const entry of entries) {
    checkOutcome(entry, await ledger.execute(entry.command, { actor: entry.actor }), tally)
  }
  return tally
}

/**
 * Executes several clients' entries at once on one ledger: each client awaits its own commands in
 * order (its call-offs depend on it), and the clients run concurrently, as the callers of a
 * service would.
 */
export async function executeConcurrently(
  ledger: Ledger,
  clients: readonly (readonly MixEntry[])[],
): Promise<MixTally> {
  const tallies = await Promise.all(clients.map((entries) => executeInTurn(ledger, entries)))
  const total = emptyTally()
  for (const tally of tallies) {
    total.ok += tally.ok
    total.refused += tally.refused
    total.replayed += tally.replayed
    total.events += tally.events
  }
  return total
}

/** Executes entries with `executeBatch`, `size` commands per batch (one transaction each). */
export async function executeInBatches(
  ledger: Ledger,
  entries: readonly MixEntry[],
  size: number,
): Promise<MixTally> {
  const tally = emptyTally()
  for (let from = 0; from < entries.length; from += size) {
    const batch = entries.slice(from, from + size)
    const results = await ledger.executeBatch(
      batch.map((entry) => entry.command),
      { actors: batch.map((entry) => entry.actor) },
    )
    results.forEach((result, i) => checkOutcome(batch[i]!, result, tally))
  }
  return tally
}

/** Opens the synthetic framework on a ledger (one batch from the coordinator). */
export async function openFramework(
  ledger: Ledger,
  setup: readonly CommandInput[],
  coordinator: Actor,
): Promise<void> {
  const results = await ledger.executeBatch(setup, { actor: coordinator })
  const refused = results.find((result) => !result.ok)
  if (refused && !refused.ok) {
    throw new Error(`Opening the synthetic framework was refused: ${refused.rejection.message}`)
  }
}
