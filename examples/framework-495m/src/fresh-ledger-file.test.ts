import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInMemoryStore } from '@plafond/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ledgerFileBytes, openFreshLedgerFile } from './fresh-ledger-file.js'
import { simulateFirstYear } from './simulate-first-year.js'
import { writeFirstYear } from './write-first-year.js'

let directory: string
beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'plafond-framework-495m-'))
})
afterAll(async () => {
  await rm(directory, { recursive: true, force: true })
})

const { commands } = simulateFirstYear()

describe('openFreshLedgerFile', () => {
  it('writes the same log into SQLite as in memory, and starts afresh on each run', async () => {
    const path = join(directory, 'out', 'ledger.db')
    const memory = await writeFirstYear(commands, createInMemoryStore())
    const memoryHead = await memory.ledger.head()
    await memory.ledger.close()

    for (let run = 0; run < 2; run++) {
      const written = await writeFirstYear(commands, await openFreshLedgerFile(path))
      expect(written.refusals).toEqual([])
      // Deterministic clock and ids: the same commands give the same chain, to the last hash.
      expect(await written.ledger.head()).toEqual(memoryHead)
      await written.ledger.close()
    }
    expect(await ledgerFileBytes(path)).toBeGreaterThan(0)
  })

  it('leaves a file that is not a Plafond ledger alone, and says so', async () => {
    const path = join(directory, 'notes.db')
    await writeFile(path, 'not a ledger')
    await expect(openFreshLedgerFile(path)).rejects.toThrow(/not changed/)
    expect(await readFile(path, 'utf8')).toBe('not a ledger')
  })
})
