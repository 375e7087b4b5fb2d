import { performance } from 'node:perf_hooks'
import type { LedgerEvent } from '@plafond/core'
import { foldProjections, serializeState, standardProjections } from '@plafond/projections'
import { beforeAll, describe, expect, it } from 'vitest'
import { readHistory66m, replayLines } from '../open-data/test-support/history-66m.js'
import { exportCsv } from './export-csv.js'
import { importCsv } from './import-csv.js'

let original: LedgerEvent[]
beforeAll(async () => {
  original = (await replayLines(readHistory66m())).events
})

function states(events: readonly LedgerEvent[]): Record<string, string> {
  const folded = foldProjections(events, standardProjections) as Record<string, unknown>
  return Object.fromEntries(
    standardProjections.map((p) => [p.name, serializeState(folded[p.name])]),
  )
}

describe('CSV round trip of the 66 M€ history', () => {
  it('exports the history, imports it into an empty ledger, and the projections are identical', async () => {
    let began = performance.now()
    const text = exportCsv(original)
    const exported = performance.now() - began
    began = performance.now()
    const result = importCsv(text)
    const imported = performance.now() - began
    if (!result.ok) throw new Error(JSON.stringify(result.errors.slice(0, 5)))
    const replay = await replayLines(
      result.commands.map(({ actor, command }) => ({ actor, command })),
      '2026-03-01T12:00:00.000Z',
    )
    console.log(
      `CSV: ${result.commands.length} rows, ${(text.length / 1024).toFixed(0)} KiB; export ${exported.toFixed(0)} ms, import ${imported.toFixed(0)} ms, replay ${replay.seconds.toFixed(2)} s`,
    )
    expect(replay.refused).toBe(0)
    expect(replay.events).toHaveLength(original.length)
    // Different clocks: recordedAt differs, and no standard projection's state depends on it.
    expect(replay.events.map((e) => e.meta.recordedAt)).not.toEqual(
      original.map((e) => e.meta.recordedAt),
    )
    const before = states(original)
    const after = states(replay.events)
    for (const projection of standardProjections) {
      expect(after[projection.name], projection.name).toBe(before[projection.name])
    }
    expect(exportCsv(replay.events)).toBe(text)
  })
})
