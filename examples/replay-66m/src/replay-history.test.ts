import { formatCents } from '@plafond/core'
import { beforeAll, describe, expect, it } from 'vitest'
import { TOTAL_PAID } from './framework-terms.js'
import { buildHistory } from './history-builder.js'
import { DEFAULT_SEED } from './history-file.js'
import { summarizeLedger, type LedgerSummary } from './ledger-summary.js'
import { replayHistory, type ReplayRun } from './replay-history.js'

// The committed file is this history (history-file.test.ts checks it), so this replays it.
const history = buildHistory(DEFAULT_SEED)
let run: ReplayRun
let summary: LedgerSummary

beforeAll(async () => {
  run = await replayHistory(history.lines)
  summary = await summarizeLedger(run.ledger.readAll())
})

describe('replaying the synthetic history', () => {
  it('pays exactly 66 000 000.00 €, all of it certified and invoiced', () => {
    expect(formatCents(summary.totals.paid)).toBe(TOTAL_PAID)
    expect(formatCents(summary.totals.certified)).toBe(TOTAL_PAID)
    expect(formatCents(summary.invoiced)).toBe(TOTAL_PAID)
    expect(summary.beneficiaries).toHaveLength(24)
  })

  it('refuses exactly the deliberate mistakes, each with its code', () => {
    const refused = history.lines.flatMap((line, index) => {
      const result = run.results[index]!
      return result.ok ? [] : [{ commandId: line.command.commandId, code: result.rejection.code }]
    })
    expect(refused).toEqual(history.refusals.map(({ commandId, code }) => ({ commandId, code })))
  })

  it('answers the retried command with its first outcome, writing nothing new', () => {
    const retried = history.retried[0]!
    const outcomes = history.lines.flatMap((line, index) =>
      line.command.commandId === retried ? [run.results[index]!] : [],
    )
    expect(outcomes.map((o) => [o.ok, o.replayed])).toEqual([
      [true, false],
      [true, true],
    ])
  })

  it('keeps every invariant after every event, and the hash chain verifies', async () => {
    expect(summary.breaches).toEqual([])
    for (const b of summary.beneficiaries) {
      expect(b.committed <= b.allocated, `${b.name} committed within its allocation`).toBe(true)
      expect(b.paid).toBe(b.certified)
    }
    expect(summary.totals.allocated <= summary.maximum).toBe(true)
    const verify = await run.ledger.verify()
    expect(verify).toMatchObject({ ok: true, events: summary.events })
  })

  it('records the late payments, the modifications and the succession it staged', () => {
    expect(summary.latePayments).toBeGreaterThan(0)
    expect(summary.lateInterest).toBeGreaterThan(0n)
    expect(summary.successions).toBe(1)
    expect(summary.modifications).toBeGreaterThan(summary.successions)
    expect(summary.closedOn).toBe('2025-06-02')
  })
})
