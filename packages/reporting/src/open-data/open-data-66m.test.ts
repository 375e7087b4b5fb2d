import { performance } from 'node:perf_hooks'
import { parseCents, type LedgerEvent } from '@plafond/core'
import { beforeAll, describe, expect, it } from 'vitest'
import { exportDecp } from './export-decp.js'
import { exportOcds } from './export-ocds.js'
import { readHistory66m, replayLines } from './test-support/history-66m.js'
import { validateDecp, validateOcdsPackage } from './test-support/open-data-validators.js'

// The synthetic history of the previous DINUM framework (examples/replay-66m): 4 years, 24
// beneficiaries, 273 call-offs, 1 790 payments totalling exactly 66 000 000.00 € HT.
let events: LedgerEvent[]
beforeAll(async () => {
  const replay = await replayLines(readHistory66m())
  events = replay.events
  console.log(
    `66 M€ history: ${replay.applied} commands applied, ${replay.refused} refused on purpose, ${events.length} events, replayed in ${replay.seconds.toFixed(2)} s`,
  )
})

function timed<T>(what: string, run: () => T): T {
  const began = performance.now()
  const result = run()
  console.log(`${what}: ${(performance.now() - began).toFixed(0)} ms`)
  return result
}

describe('open-data exports of the 66 M€ history', () => {
  it('DECP 2.0.3: one marche per framework and call-off, valid against the official schema', () => {
    const { json, document, ids } = timed('exportDecp', () =>
      exportDecp(events, { publishedOn: '2026-01-15' }),
    )
    const verdict = timed('DECP validation', () => validateDecp(document))
    expect(verdict.errors).toEqual([])
    expect(verdict.valid).toBe(true)
    const awarded = events.filter((event) => event.type === 'ContractAwarded').length
    expect(document.marches.marche).toHaveLength(1 + awarded)
    expect(new Set(ids.map((m) => m.decpId)).size).toBe(ids.length)
    expect(ids[0]).toMatchObject({ kind: 'framework', ledgerId: 'AC-DINUM-AGILE-2021' })
    expect(ids[0]!.decpId).toMatch(/^AC-DINU~[0-9a-f]{8}$/)
    const modified = document.marches.marche.filter((m) => m.modifications !== undefined)
    // Every modification of a call-off, and the framework's succession (R2194-6).
    const modifications = events.filter((event) => event.type === 'ContractModified').length
    expect(modifications).toBe(14)
    expect(modified.flatMap((m) => m.modifications ?? [])).toHaveLength(modifications + 1)
    console.log(
      `DECP: ${document.marches.marche.length} marchés, ${(json.length / 1024).toFixed(0)} KiB`,
    )
  })

  it('OCDS 1.1.5: valid against the official schemas, payments adding up to 66 M€ exactly', () => {
    const { json, document } = timed('exportOcds', () =>
      exportOcds(events, { ocidPrefix: 'ocds-a1b2c3-' }),
    )
    const verdict = timed('OCDS validation', () => validateOcdsPackage(document))
    expect(verdict.errors).toEqual([])
    expect(verdict.valid).toBe(true)
    const transactions = document.releases.flatMap((release) =>
      (release.contracts ?? []).flatMap((c) => c.implementation?.transactions ?? []),
    )
    expect(transactions).toHaveLength(events.filter((e) => e.type === 'PaymentRecorded').length)
    // Each amount was written from the ledger's decimal: read back as text, it sums to the cent.
    const total = transactions.reduce((sum, t) => sum + parseCents(String(t.value.amount)), 0n)
    expect(total).toBe(6_600_000_000n)
    const callOffs = new Set(document.releases.map((r) => r.ocid))
    expect(callOffs.size).toBe(1 + events.filter((e) => e.type === 'ContractAwarded').length)
    console.log(
      `OCDS: ${document.releases.length} releases, ${(json.length / 1024 / 1024).toFixed(1)} MiB`,
    )
  })
})
