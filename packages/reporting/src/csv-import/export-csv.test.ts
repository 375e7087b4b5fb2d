import { createLedger, type LedgerEvent } from '@plafond/core'
import { beforeAll, describe, expect, it } from 'vitest'
import { expectGolden } from '../open-data/test-support/golden-file.js'
import {
  readEvents,
  SMALL_LEDGER,
  smallLedgerEvents,
  steppingClock,
} from '../open-data/test-support/small-ledger.js'
import type { CsvDialect } from './csv-dialect.js'
import { exportCsv } from './export-csv.js'
import { importCsv } from './import-csv.js'

let events: LedgerEvent[]
beforeAll(async () => {
  events = await smallLedgerEvents()
})

/** Imports a CSV into an empty ledger, one command at a time; throws on any refusal. */
async function importIntoEmptyLedger(text: string, start: string): Promise<LedgerEvent[]> {
  const result = importCsv(text)
  if (!result.ok) throw new Error(`Refused: ${JSON.stringify(result.errors)}`)
  const ledger = createLedger({ clock: steppingClock(start) })
  for (const { actor, command, line } of result.commands) {
    const outcome = await ledger.execute(command, { actor })
    if (!outcome.ok) throw new Error(`Line ${line} refused: ${outcome.rejection.message}`)
  }
  return readEvents(ledger)
}

/** What a ledger recorded, without when it was recorded, the event ids and the hashes. */
function recorded(log: readonly LedgerEvent[]) {
  return log.map((e) => ({
    stream: e.stream,
    version: e.version,
    position: e.position,
    type: e.type,
    data: e.data,
    commandId: e.meta.commandId,
    actorId: e.meta.actorId,
    effectiveOn: e.meta.effectiveOn,
  }))
}

describe('exportCsv on the small ledger', () => {
  it('matches its golden file: one row per command applied, in the order decided', () => {
    const text = exportCsv(events)
    expectGolden(new URL('golden/history.csv', import.meta.url), text)
    expect(text.split('\r\n').filter((line) => /^[a-z-]+,\d{4}-/.test(line))).toHaveLength(
      SMALL_LEDGER.length,
    )
  })

  it.each<CsvDialect>(['standard', 'french'])(
    'round-trips in the %s dialect: importing it writes the same events again',
    async (dialect) => {
      const text = exportCsv(events, { dialect })
      const again = await importIntoEmptyLedger(text, '2027-01-01T00:00:00.000Z')
      expect(recorded(again)).toEqual(recorded(events))
      expect(again[0]!.meta.recordedAt).not.toBe(events[0]!.meta.recordedAt)
      expect(exportCsv(again, { dialect })).toBe(text)
    },
  )

  it('writes the rows of a batch in command order, the order its log holds them in', async () => {
    const ledger = createLedger({ clock: steppingClock() })
    const outcomes = await ledger.executeBatch(
      SMALL_LEDGER.map((line) => line.command),
      { actors: SMALL_LEDGER.map((line) => line.actor) },
    )
    expect(outcomes.every((outcome) => outcome.ok)).toBe(true)
    const batched = await readEvents(ledger)
    // executeBatch lays the log out in decision order, as executing one command at a time does.
    expect(batched.map((e) => e.type)).toEqual(events.map((e) => e.type))
    const text = exportCsv(batched)
    expect(text.split('\r\n').map((line) => line.split(',')[0])).toEqual(
      exportCsv(events)
        .split('\r\n')
        .map((line) => line.split(',')[0]),
    )
    const again = await importIntoEmptyLedger(text, '2027-01-01T00:00:00.000Z')
    expect(recorded(again)).toEqual(recorded(events))
  })
})
