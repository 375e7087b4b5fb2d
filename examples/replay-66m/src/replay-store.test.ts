import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createLedger } from '@plafond/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openReplayStore } from './replay-store.js'

const coordinator = { id: 'dinum', roles: [{ role: 'coordinator' as const }] }
const open = {
  type: 'OpenFramework',
  commandId: 'open',
  frameworkId: 'AC-T',
  title: 'Agile',
  buyerId: '13002526500013',
  estimate: '100.00',
  maximum: '200.00',
  startsOn: '2025-01-01',
  endsOn: '2026-12-31',
  maxHolders: 3,
} as const

let directory: string
beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'plafond-replay-store-'))
})
afterAll(async () => {
  await rm(directory, { recursive: true, force: true })
})

/** Opens the framework `frameworkId` in the file; says whether it was new, and the events after. */
async function openFramework(
  path: string,
  resume: boolean,
  frameworkId: string,
): Promise<{ readonly replayed: boolean; readonly events: number }> {
  const opened = await openReplayStore({ kind: 'sqlite', path, synchronous: 'NORMAL', resume })
  const ledger = createLedger({ store: opened.store })
  const result = await ledger.execute(
    { ...open, commandId: `open-${frameworkId}`, frameworkId },
    { actor: coordinator },
  )
  const verified = await ledger.verify()
  await ledger.close()
  expect(result.ok).toBe(true)
  expect(await opened.bytesOnDisk()).toBeGreaterThan(0)
  return { replayed: result.replayed, events: verified.ok ? verified.events : -1 }
}

describe('openReplayStore', () => {
  it('starts from an empty ledger file unless told to resume, creating its directory', async () => {
    const path = join(directory, 'out', 'ledger.db')
    expect(await openFramework(path, false, 'AC-1')).toEqual({ replayed: false, events: 1 })
    // Resumed: the first command is known and writes nothing; a new one adds to the ledger.
    expect(await openFramework(path, true, 'AC-1')).toEqual({ replayed: true, events: 1 })
    expect(await openFramework(path, true, 'AC-2')).toEqual({ replayed: false, events: 2 })
    // Fresh again: the previous ledger is gone, and the first command is new once more.
    expect(await openFramework(path, false, 'AC-1')).toEqual({ replayed: false, events: 1 })
  })

  it('refuses to replace a file that is not a Plafond ledger, leaving it as it was', async () => {
    const path = join(directory, 'notes.db')
    await writeFile(path, 'my notes, not a ledger\n'.repeat(20))
    await expect(
      openReplayStore({ kind: 'sqlite', path, synchronous: 'FULL', resume: false }),
    ).rejects.toThrow(/Expected .*notes\.db to be a Plafond ledger.*--db/)
    expect(await readFile(path, 'utf8')).toBe('my notes, not a ledger\n'.repeat(20))
  })

  it('opens an in-memory store that has no size on disk', async () => {
    const opened = await openReplayStore({ kind: 'memory' })
    expect(opened.label).toBe('in memory')
    expect(await opened.bytesOnDisk()).toBeUndefined()
    await opened.store.close()
  })
})
