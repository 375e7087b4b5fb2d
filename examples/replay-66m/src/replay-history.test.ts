import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { formatCents } from '@plafond/core'
import { createSqliteStore } from '@plafond/store-sqlite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
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
    expect(Object.keys(summary.modificationsByBasis).sort()).toEqual([
      'R2194-2',
      'R2194-6',
      'R2194-8',
    ])
    expect(summary.closedOn).toBe('2025-06-02')
  })

  it('issues the purchase orders and tells each product its phase, as the history planned', () => {
    const issued = history.lines.filter((line, index) => {
      return line.command.type === 'IssueOrder' && run.results[index]!.ok
    })
    expect(summary.orders.count).toBe(issued.length)
    expect(summary.orders.count).toBeGreaterThan(0)
    const named = new Set(
      history.lines.flatMap(({ command }) =>
        command.type === 'AwardContract' ? [command.product] : [],
      ),
    )
    expect(summary.products.map((p) => p.product).sort()).toEqual([...named].sort())
    for (const product of summary.products) {
      expect(product.phase, product.product).toBeDefined()
      expect(product.measurements, product.product).toBeGreaterThan(0)
    }
    expect(summary.products.reduce((sum, p) => sum + p.certified, 0n)).toBe(
      summary.totals.certified,
    )
  })
})

describe('resuming a replay into a SQLite file', () => {
  let directory: string

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'plafond-replay-66m-'))
  })

  afterAll(async () => {
    await rm(directory, { recursive: true, force: true })
  })

  it('answers every command the first half applied with its first outcome, and writes each event once', async () => {
    const path = join(directory, 'ledger.db')
    // NORMAL: a test has no power cut to survive, and FULL only adds disk syncs.
    const open = () => createSqliteStore({ path, synchronous: 'NORMAL' })
    const half = Math.floor(history.lines.length / 2)
    const first = await replayHistory(history.lines.slice(0, half), { store: open() })
    await first.ledger.close()

    const resumed = await replayHistory(history.lines, { store: open(), chunkSize: 400 })
    try {
      const outcome = (result: ReplayRun['results'][number]) =>
        result.ok ? 'ok' : result.rejection.code
      expect(resumed.results.map(outcome)).toEqual(run.results.map(outcome))
      // A command refused before the ledger records its outcome (not authorized) is decided
      // again; it wrote nothing either time. Everything else the first half ran is replayed.
      const expected = run.results.map((single, index) =>
        index < half ? single.ok || single.rejection.code !== 'forbidden' : single.replayed,
      )
      expect(resumed.results.map((result) => result.replayed)).toEqual(expected)
      expect(resumed.replayed).toBeGreaterThanOrEqual(half - 1)
      expect(first.eventsWritten + resumed.eventsWritten).toBe(summary.events)

      const after = await summarizeLedger(resumed.ledger.readAll())
      expect(after.events).toBe(summary.events)
      expect(after.eventsByType).toEqual(summary.eventsByType)
      expect(after.totals).toEqual(summary.totals)
      expect(after.beneficiaries).toEqual(summary.beneficiaries)
      expect(after.products).toEqual(summary.products)
      expect(await resumed.ledger.verify()).toMatchObject({ ok: true, events: summary.events })
    } finally {
      await resumed.ledger.close()
    }
  })
})
