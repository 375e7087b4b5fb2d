import {
  checkInterleavings,
  checkLedgerAgainstModel,
  checkLedgerInvariants,
  raceForAllocation,
} from '@plafond/testing'
import { afterAll, describe, expect, it } from 'vitest'
import { createSqliteStore } from './create-sqlite-store.js'
import { temporaryDirectory } from './test-support/temporary-directory.js'

const directory = temporaryDirectory('model')
afterAll(() => directory.remove())
let files = 0

/** A new ledger file per run. NORMAL spares an fsync per command; the logic under test is the same. */
function createStore() {
  return createSqliteStore({ path: directory.file(`run-${++files}.db`), synchronous: 'NORMAL' })
}

describe('the core ledger on a SQLite file, against the reference model', () => {
  it('random command sequences: outcomes, events and balances agree with the model', async () => {
    const report = await checkLedgerAgainstModel({ createStore })
    expect(report.commands).toBeGreaterThan(0)
  })

  it("random command sequences keep DOMAIN.md's invariants, and a replay of the file equals the live states", async () => {
    await checkLedgerInvariants({ createStore })
  })

  it('awards racing for one allocation through several ledgers over one file never pass it', async () => {
    const report = await raceForAllocation({ createStore, writers: 3 })
    expect(report.accepted).toBeGreaterThan(0)
    expect(report.refused).toBeGreaterThan(0)
  })

  it('interleavings of two ledgers over one file give the outcome of a serial execution', async () => {
    const report = await checkInterleavings({ createStore })
    expect(report.runs).toBeGreaterThan(0)
  })
})
