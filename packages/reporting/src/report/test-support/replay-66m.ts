import { readFileSync } from 'node:fs'
import { createLedger, type Actor, type CommandInput, type LedgerEvent } from '@plafond/core'

/** The synthetic history of the 66 M€ framework, from the `replay-66m` example. */
export const HISTORY_66M = new URL(
  '../../../../../examples/replay-66m/data/history.jsonl',
  import.meta.url,
)

/** The instant the replay's ledger clock shows: after the last business date of the history. */
export const REPLAY_INSTANT = '2026-01-15T09:00:00.000Z'

/** What replaying the history gave: its events, and how many commands were refused. */
export interface Replayed66m {
  readonly events: LedgerEvent[]
  readonly commands: number
  readonly refused: number
}

/**
 * Replays the 66 M€ history into an in-memory ledger, one command at a time so that the log's
 * order is the commands' order, with a fixed clock. The history refuses a few commands on
 * purpose (see the example's README); they are counted, not thrown.
 */
export async function replay66m(): Promise<Replayed66m> {
  const lines = readFileSync(HISTORY_66M, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as { actor: Actor; command: CommandInput })
  const ledger = createLedger({ clock: () => new Date(REPLAY_INSTANT) })
  let refused = 0
  for (const { actor, command } of lines) {
    const result = await ledger.execute(command, { actor })
    if (!result.ok) refused += 1
  }
  const events: LedgerEvent[] = []
  for await (const event of ledger.readAll()) events.push(event)
  await ledger.close()
  return { events, commands: lines.length, refused }
}
