import { copyFileSync } from 'node:fs'
import {
  GENESIS_HASH,
  canonicalJson,
  createLedger,
  sealEvent,
  verifyLog,
  type LogHead,
  type RecordedEvent,
  type VerifyResult,
} from '@plafond/core'
import {
  SIRETS,
  awardContractCommand,
  buyerOf,
  contractFixture,
  coordinator,
  openedFrameworkCommands,
} from '@plafond/testing'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createSqliteStore } from './create-sqlite-store.js'
import { EVENT_COLUMNS } from './event-row.js'
import { temporaryDirectory } from './test-support/temporary-directory.js'

const directory = temporaryDirectory('tamper')
const pristine = directory.file('pristine.db')
const events: RecordedEvent[] = []
let head: LogHead
let copies = 0

beforeAll(async () => {
  const ledger = createLedger({ store: createSqliteStore({ path: pristine }) })
  for (const command of openedFrameworkCommands()) {
    expect((await ledger.execute(command, { actor: coordinator() })).ok).toBe(true)
  }
  for (const contractId of ['MS-1', 'MS-2', 'MS-3', 'MS-4']) {
    const award = awardContractCommand(contractFixture({ contractId, amount: '1000.00' }))
    expect((await ledger.execute(award, { actor: buyerOf(SIRETS.beneficiaryB) })).ok).toBe(true)
  }
  for await (const event of ledger.store.readAll()) events.push(event)
  head = (await ledger.head())!
  // Closing the last connection folds the WAL into the file, so a copy of the file is the ledger.
  await ledger.close()
})
afterAll(() => directory.remove())

/** A copy of the pristine ledger, changed by `tamper` with raw SQL, then verified by core. */
async function verifyAfter(
  tamper: (db: Database.Database) => void,
  checkpoint?: LogHead,
  outcomes = false,
): Promise<VerifyResult> {
  const path = directory.file(`tampered-${++copies}.db`)
  copyFileSync(pristine, path)
  const db = new Database(path)
  // Someone editing the file by hand does not enforce the ledger's constraints.
  db.pragma('foreign_keys = OFF')
  tamper(db)
  db.close()
  const store = createSqliteStore({ path, readonly: true })
  try {
    return await verifyLog(store, { ...(checkpoint ? { checkpoint } : {}), outcomes })
  } finally {
    await store.close()
  }
}

function set(column: string, value: string | number, position: number) {
  return (db: Database.Database) =>
    db.prepare(`UPDATE events SET ${column} = ? WHERE position = ?`).run(value, position)
}

const AT = 9

describe('tampering with the SQLite file is seen by verifyLog', () => {
  it('the pristine copy verifies', async () => {
    expect(events.length).toBeGreaterThan(AT + 2)
    expect(await verifyAfter(() => undefined)).toEqual({ ok: true, events: events.length, head })
  })

  const changes: readonly [string, () => string | number][] = [
    ['id', () => '01K6G0W0000000000000000ZZZ'],
    ['stream', () => 'contract-FORGED'],
    ['version', () => events[AT - 1]!.version + 100],
    ['type', () => 'HolderAdded'],
    ['schema_version', () => 7],
    ['data', () => canonicalJson({ ...(events[AT - 1]!.data as object), amount: '1.00' })],
    ['meta', () => canonicalJson({ ...events[AT - 1]!.meta, actorId: 'someone-else' })],
    ['prev_hash', () => 'f'.repeat(64)],
    ['hash', () => 'e'.repeat(64)],
  ]
  for (const [column, value] of changes) {
    it(`changing ${column} of the event at position ${AT} is reported at ${AT}`, async () => {
      expect(await verifyAfter(set(column, value(), AT))).toMatchObject({
        ok: false,
        position: String(AT),
      })
    })
  }

  it('the same value written back (whitespace aside) is not a change: stored JSON is re-parsed', async () => {
    const spaced = JSON.stringify(events[AT - 1]!.data, null, 2)
    expect(await verifyAfter(set('data', spaced, AT))).toMatchObject({ ok: true })
  })

  it('swapping the data of two events of the same type is reported at the first of them', async () => {
    const [first, second] = events.filter((e) => e.type === 'ContractAwarded')
    const result = await verifyAfter((db) => {
      const read = db
        .prepare<[string], string>('SELECT data FROM events WHERE position = ?')
        .pluck()
      const a = read.get(first!.position)!
      const b = read.get(second!.position)!
      set('data', b, Number(first!.position))(db)
      set('data', a, Number(second!.position))(db)
    })
    expect(result).toMatchObject({ ok: false, position: first!.position })
  })

  it(`swapping the rows at positions ${AT} and ${AT + 1} is reported at ${AT}`, async () => {
    const result = await verifyAfter((db) => {
      db.prepare('UPDATE events SET position = -1 WHERE position = ?').run(AT)
      db.prepare('UPDATE events SET position = ? WHERE position = ?').run(AT, AT + 1)
      db.prepare('UPDATE events SET position = ? WHERE position = -1').run(AT + 1)
    })
    expect(result).toMatchObject({ ok: false, position: String(AT) })
  })

  it(`deleting the event at position ${AT} is reported at the next one`, async () => {
    const result = await verifyAfter((db) =>
      db.prepare('DELETE FROM events WHERE position = ?').run(AT),
    )
    expect(result).toMatchObject({ ok: false, position: String(AT + 1) })
  })

  it('deleting the first event is reported at position 2', async () => {
    const result = await verifyAfter((db) =>
      db.prepare('DELETE FROM events WHERE position = 1').run(),
    )
    expect(result).toMatchObject({ ok: false, position: '2' })
  })

  it("deleting the last event is reported at the head's position", async () => {
    const result = await verifyAfter((db) =>
      db.prepare('DELETE FROM events WHERE position = ?').run(events.length),
    )
    expect(result).toMatchObject({ ok: false, position: head.position })
  })

  it('deleting the last event and moving the head back is caught by a checkpoint', async () => {
    const previous = events[events.length - 2]!
    const tamper = (db: Database.Database) => {
      db.prepare('DELETE FROM events WHERE position = ?').run(events.length)
      db.prepare('UPDATE log_head SET position = ?, hash = ?').run(
        Number(previous.position),
        previous.hash,
      )
    }
    expect(await verifyAfter(tamper)).toMatchObject({ ok: true })
    expect(await verifyAfter(tamper, head)).toMatchObject({ ok: false, position: head.position })
  })

  it('changing the head row is reported at its position', async () => {
    const result = await verifyAfter((db) =>
      db.prepare('UPDATE log_head SET hash = ?').run('d'.repeat(64)),
    )
    expect(result).toMatchObject({ ok: false, position: head.position })
  })

  it('an event added at the end without the head is reported', async () => {
    const last = events[events.length - 1]!
    const forged = sealEvent({
      ...last,
      id: '01K6G0W0000000000000000ZZY',
      version: last.version + 1,
      position: String(events.length + 1),
      prevHash: last.hash,
    })
    const result = await verifyAfter((db) => insert(db, forged))
    expect(result).toMatchObject({ ok: false, position: forged.position })
  })

  it(`an event inserted at position ${AT}, the later ones moved up, is reported at ${AT + 1}`, async () => {
    // The forger seals the inserted event properly; the event moved from AT to AT + 1 betrays it.
    const before = events[AT - 2]!
    const forged = sealEvent({
      ...events[AT - 1]!,
      id: '01K6G0W0000000000000000ZZX',
      stream: 'contract-FORGED',
      version: 1,
      position: String(AT),
      prevHash: before.hash,
    })
    const result = await verifyAfter((db) => {
      db.prepare('UPDATE events SET position = position + 1000000 WHERE position >= ?').run(AT)
      db.prepare('UPDATE events SET position = position - 999999 WHERE position >= 1000000').run()
      insert(db, forged)
    })
    expect(result).toMatchObject({ ok: false, position: String(AT + 1) })
  })

  it('a forged first event is reported at position 1', async () => {
    const result = await verifyAfter(set('prev_hash', GENESIS_HASH.replace(/0$/, '1'), 1))
    expect(result).toMatchObject({ ok: false, position: '1' })
  })

  it('data that is not JSON any more is reported at its position', async () => {
    const result = await verifyAfter(set('data', '{"amount": 1', AT))
    expect(result).toEqual({
      ok: false,
      position: String(AT),
      reason: expect.stringMatching(/does not parse/) as unknown,
    })
  })

  it('a deleted outcome row is found with outcomes: true, at the first event of its command', async () => {
    const event = events[AT - 1]!
    const commandId = event.meta.commandId
    const first = events.find((e) => e.meta.commandId === commandId)!
    const remove = (db: Database.Database) =>
      db.prepare('DELETE FROM command_outcomes WHERE command_id = ?').run(commandId)
    // The chain does not cover outcomes: only the outcome check sees it.
    expect(await verifyAfter(remove)).toMatchObject({ ok: true })
    expect(await verifyAfter(remove, undefined, true)).toEqual({
      ok: false,
      position: first.position,
      reason: expect.stringMatching(/no recorded outcome/) as unknown,
    })
    expect(await verifyAfter(() => undefined, undefined, true)).toEqual({
      ok: true,
      events: events.length,
      head,
    })
  })

  // JSON and TEXT columns keep whatever a hand edit writes (the STRICT table only checks the
  // kinds of its columns): verify reports it rather than throwing.
  const malformed: readonly [string, string | number, RegExp][] = [
    ['data', '{"amount":0.5}', /cannot be hashed/],
    ['data', '[1,2]', /its data is \[1,2\], not an object/],
    ['type', 12, /does not match its hash/],
  ]
  for (const [column, value, reason] of malformed) {
    it(`${column} set to ${JSON.stringify(value)} is reported at its position, not thrown`, async () => {
      expect(await verifyAfter(set(column, value, AT))).toEqual({
        ok: false,
        position: String(AT),
        reason: expect.stringMatching(reason) as unknown,
      })
    })
  }
})

function insert(db: Database.Database, event: RecordedEvent): void {
  db.prepare(`INSERT INTO events (${EVENT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
    Number(event.position),
    event.id,
    event.stream,
    event.version,
    event.type,
    event.schemaVersion,
    canonicalJson(event.data),
    canonicalJson(event.meta),
    event.prevHash,
    event.hash,
  )
}
