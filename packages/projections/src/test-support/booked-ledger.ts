import type { Ledger, LedgerEvent } from '@plafond/core'
import { executeAll, openedLedger } from '@plafond/testing'
import { EVERYONE } from './ledger-scenario.js'
import { commandNumbering, type UnnumberedCommand } from './numbered-commands.js'

/** A ledger with `@plafond/testing`'s `FRAMEWORK` opened, then `commands`, each required to pass. */
export async function bookedLedger(
  commands: readonly UnnumberedCommand[],
): Promise<{ readonly ledger: Ledger; readonly events: LedgerEvent[] }> {
  const ledger = await openedLedger()
  const numbered = commandNumbering('booked')
  await executeAll(ledger, commands.map(numbered), EVERYONE)
  const events: LedgerEvent[] = []
  for await (const event of ledger.readAll()) events.push(event)
  return { ledger, events }
}
