import { renameSync } from 'node:fs'
import { isLedgerError, type EventStore } from '@plafond/core'
import Database from 'better-sqlite3'
import { afterAll, describe, expect, it } from 'vitest'
import { createSqliteStore } from './create-sqlite-store.js'
import { LINE_SQL } from './event-line.js'
import { startReadAhead, type ReadAhead, type ReadAheadPage } from './read-ahead.js'
import { temporaryDirectory } from './test-support/temporary-directory.js'
import { every, flat } from './test-support/collect-events.js'

const directory = temporaryDirectory('ahead')
afterAll(() => directory.remove())
let files = 0

/** A ledger file of `count` events on two streams, one of whose ids holds the line separator. */
async function ledgerFile(count: number): Promise<string> {
  const path = directory.file(`ahead-${++files}.db`)
  const store = createSqliteStore({ path })
  for (let i = 0; i < count; i++) {
    await store.append([
      {
        stream: i % 2 === 0 ? 'framework-A' : 'contract-\x1fB',
        expectedVersion: 'any',
        events: [
          {
            id: i === 5 ? 'id\x1fwith-separator' : `id-${i}`,
            type: 'Paid',
            schemaVersion: 1,
            data: { amount: String(i), note: 'é"\\' },
            meta: {
              actorId: 'alice',
              commandId: `c-${i}`,
              effectiveOn: '2026-01-02',
              recordedAt: '2026-01-02T03:04:05.000Z',
            },
          },
        ],
      },
    ])
  }
  await store.close()
  return path
}

async function pagesOf(ahead: ReadAhead): Promise<ReadAheadPage[]> {
  const pages: ReadAheadPage[] = []
  for (;;) {
    const page = await ahead.next()
    pages.push(page)
    if (page.kind !== 'lines') return pages
  }
}

/** The lines of `path` read ahead five at a time, at most two pages ahead, woken at once. */
function fivePagesAhead(path: string) {
  return startReadAhead({
    path,
    sql: LINE_SQL,
    from: 1,
    size: 5,
    window: 2,
    resume: 0,
    busyTimeoutMs: 100,
  })
}

describe('startReadAhead', () => {
  // A window of 2 and a resume of 0 over 5 pages: the worker sleeps twice and must be woken.
  it('posts the pages the same statement reads on another connection, in order, then the end', async () => {
    const path = await ledgerFile(23)
    const db = new Database(path, { readonly: true })
    const statement = db.prepare<[number, number], string>(LINE_SQL).pluck()
    const expected = [1, 6, 11, 16, 21].map((from) => statement.all(from, 5))
    db.close()
    const ahead = fivePagesAhead(path)
    expect(ahead, 'a worker thread should start here').toBeDefined()
    const pages = await pagesOf(ahead!)
    expect(pages).toEqual([...expected.map((lines) => ({ kind: 'lines', lines })), { kind: 'end' }])
  })

  it('says failed, with the reason, when the worker cannot open the file', async () => {
    const ahead = fivePagesAhead(directory.file('missing.db'))
    const pages = await pagesOf(ahead!)
    expect(pages).toHaveLength(1)
    expect(pages[0]).toMatchObject({ kind: 'failed' })
    expect((pages[0] as { why: string }).why).toMatch(/directory does not exist|unable to open/)
  })

  it('stops on request: the next page is a failure, never a page read past the stop', async () => {
    const path = await ledgerFile(30)
    const ahead = startReadAhead({
      path,
      sql: LINE_SQL,
      from: 1,
      size: 2,
      window: 1,
      resume: 0,
      busyTimeoutMs: 100,
    })
    expect((await ahead!.next()).kind).toBe('lines')
    ahead!.stop()
    expect(await ahead!.next()).toEqual({ kind: 'failed', why: 'the read-ahead was stopped' })
  })
})

describe('readAllBatches read ahead by a worker thread', () => {
  const ahead = (path: string): EventStore =>
    createSqliteStore({ path, readonly: true, readAheadEvents: 1 })

  it('yields what readAll yields, in the same batches as a read without the worker', async () => {
    const path = await ledgerFile(37)
    const withWorker = ahead(path)
    const without = createSqliteStore({ path, readonly: true, readAheadEvents: Infinity })
    try {
      const all = await every(without.readAll())
      expect(all).toHaveLength(37)
      const sizes = async (store: EventStore): Promise<number[]> => {
        const out: number[] = []
        for await (const batch of store.readAllBatches!({ batchSize: 4, fromPosition: '3' }))
          out.push(batch.length)
        return out
      }
      expect(await sizes(withWorker)).toEqual(await sizes(without))
      expect(await flat(withWorker.readAllBatches!({ batchSize: 4 }))).toEqual(all)
      expect(await flat(withWorker.readAllBatches!({ batchSize: 4, fromPosition: '30' }))).toEqual(
        all.slice(29),
      )
    } finally {
      await withWorker.close()
      await without.close()
    }
  })

  it('reads the rest on its own connection when the worker cannot open the file', async () => {
    const path = await ledgerFile(12)
    const store = ahead(path)
    const expected = await every(store.readAll())
    // The store's connection keeps the file open; a worker opening the path finds nothing there.
    renameSync(path, `${path}.moved`)
    try {
      expect(await flat(store.readAllBatches!({ batchSize: 5 }))).toEqual(expected)
    } finally {
      await store.close()
    }
  })

  it('an event whose data no longer parses is CORRUPT_LOG at its position', async () => {
    const path = await ledgerFile(9)
    const db = new Database(path)
    db.prepare('UPDATE events SET data = \'{"amount": 1\' WHERE position = 7').run()
    db.close()
    const store = ahead(path)
    try {
      const error: unknown = await flat(store.readAllBatches!({ batchSize: 2 })).catch(
        (e: unknown) => e,
      )
      expect(isLedgerError(error, 'CORRUPT_LOG'), String(error)).toBe(true)
      expect((error as Error).message).toContain('the event at position 7 does not parse')
    } finally {
      await store.close()
    }
  })

  it('a store closed during the read stops it with STORE_CLOSED', async () => {
    const store = ahead(await ledgerFile(10))
    const error: unknown = await (async () => {
      for await (const batch of store.readAllBatches!({ batchSize: 2 })) {
        if (batch[0]!.position === '1') await store.close()
      }
    })().catch((e: unknown) => e)
    expect(isLedgerError(error, 'STORE_CLOSED'), String(error)).toBe(true)
  })

  it('a reader that stops early leaves the store usable', async () => {
    const store = ahead(await ledgerFile(10))
    try {
      for await (const batch of store.readAllBatches!({ batchSize: 2 })) {
        expect(batch).toHaveLength(2)
        break
      }
      expect(await flat(store.readAllBatches!({ batchSize: 3 }))).toHaveLength(10)
    } finally {
      await store.close()
    }
  })
})

describe('the readAheadEvents option', () => {
  it.each([0, -1, 1.5, Number.NaN])('refuses %s with INVALID_ARGUMENT, naming the option', (n) => {
    const error: unknown = (() => {
      try {
        createSqliteStore({ path: directory.file('never.db'), readAheadEvents: n })
        return undefined
      } catch (e) {
        return e
      }
    })()
    expect(isLedgerError(error, 'INVALID_ARGUMENT'), String(error)).toBe(true)
    expect((error as Error).message).toContain(
      'Expected readAheadEvents to be a positive integer or Infinity',
    )
  })
})
