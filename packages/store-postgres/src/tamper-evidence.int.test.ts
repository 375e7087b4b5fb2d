import {
  canonicalJson,
  createLedger,
  hashEvent,
  sealEvent,
  verifyLog,
  type RecordedEvent,
} from '@plafond/core'
import {
  SIRETS,
  awardContractCommand,
  buyerOf,
  contractFixture,
  coordinator,
  executeAll,
  fixedClock,
  openedFrameworkCommands,
} from '@plafond/testing'
import { Pool } from 'pg'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { createPostgresStore, type PostgresStore } from './create-postgres-store.js'
import { describePostgres, testDatabase, useTestSchemas } from './test-database.js'

const database = await testDatabase()

/** Where the tampering happens: an event in the middle of the log. */
const P = 6

/** What a tamper case does to the stored rows, given the log as it was written. */
type Tamper = (db: TamperDb, log: readonly RecordedEvent[]) => Promise<void>

/** Raw SQL on one schema's events table, as someone with write access to the database has it. */
class TamperDb {
  constructor(
    readonly pool: Pool,
    readonly schema: string,
  ) {}

  get events(): string {
    return `"${this.schema}".events`
  }

  async sql(text: string, values: unknown[] = []): Promise<void> {
    await this.pool.query(text, values)
  }

  async insert(event: RecordedEvent): Promise<void> {
    await this.sql(
      `INSERT INTO ${this.events} (position, id, stream, version, type, schema_version, data, meta, prev_hash, hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        event.position,
        event.id,
        event.stream,
        event.version,
        event.type,
        event.schemaVersion,
        canonicalJson(event.data),
        canonicalJson(event.meta),
        event.prevHash,
        event.hash,
      ],
    )
  }

  /** Moves every event from `position` on one place up, leaving `position` free. */
  async shiftFrom(position: number): Promise<void> {
    // Through a far range first, so that no two rows ever share a position on the way.
    await this.sql(`UPDATE ${this.events} SET position = position + 1000000 WHERE position >= $1`, [
      position,
    ])
    await this.sql(
      `UPDATE ${this.events} SET position = position - 999999 WHERE position >= 1000000`,
    )
  }

  async moveHead(event: RecordedEvent): Promise<void> {
    await this.sql(`UPDATE "${this.schema}".log_head SET position = $1, hash = $2`, [
      event.position,
      event.hash,
    ])
  }
}

const at = (log: readonly RecordedEvent[], position: number): RecordedEvent => log[position - 1]!

/** Cases: what is done to the rows, and the position verify must name (from the log's length). */
const CASES: readonly (readonly [string, Tamper, (last: number) => number])[] = [
  [
    'changing an amount in an event',
    (db) =>
      db.sql(
        `UPDATE ${db.events} SET data = regexp_replace(data, '"amount":"\\d', '"amount":"9') WHERE position = $1`,
        [P],
      ),
    () => P,
  ],
  [
    'changing who an event says acted',
    (db) =>
      db.sql(
        `UPDATE ${db.events} SET meta = replace(meta, '"actorId":"', '"actorId":"x') WHERE position = $1`,
        [P],
      ),
    () => P,
  ],
  [
    'changing the stream version of an event',
    (db) => db.sql(`UPDATE ${db.events} SET version = version + 100 WHERE position = $1`, [P]),
    () => P,
  ],
  [
    'changing an event and recomputing its hash',
    async (db, log) => {
      const original = at(log, P)
      const changed = { ...original, meta: { ...original.meta, actorId: 'someone-else' } }
      await db.sql(`UPDATE ${db.events} SET meta = $1, hash = $2 WHERE position = $3`, [
        canonicalJson(changed.meta),
        hashEvent(changed),
        P,
      ])
    },
    () => P + 1,
  ],
  [
    'deleting an event',
    (db) => db.sql(`DELETE FROM ${db.events} WHERE position = $1`, [P]),
    () => P + 1,
  ],
  [
    'deleting the last event',
    (db, log) => db.sql(`DELETE FROM ${db.events} WHERE position = $1`, [log.length]),
    (last) => last,
  ],
  [
    'inserting a copy of an event into another stream (the later ones moved up)',
    async (db, log) => {
      await db.shiftFrom(P)
      await db.insert({
        ...at(log, P - 1),
        id: '01K6G0W0000000000000FORGED',
        stream: 'contract-COPY',
        version: 1,
        position: String(P),
      })
    },
    () => P,
  ],
  [
    'inserting a forged event with a correct hash (the later ones moved up)',
    async (db, log) => {
      await db.shiftFrom(P)
      const { hash: _, ...template } = at(log, P - 1)
      await db.insert(
        sealEvent({
          ...template,
          id: '01K6G0W0000000000000FORGED',
          stream: 'contract-FORGED',
          version: 1,
          position: String(P),
          prevHash: at(log, P - 1).hash,
        }),
      )
    },
    () => P + 1,
  ],
  [
    'swapping two events (each keeps its position)',
    async (db, log) => {
      await db.sql(`DELETE FROM ${db.events} WHERE position IN ($1, $2)`, [P, P + 2])
      await db.insert({ ...at(log, P + 2), position: String(P) })
      await db.insert({ ...at(log, P), position: String(P + 2) })
    },
    () => P,
  ],
]

describePostgres(database, 'PostgreSQL store: tampering with stored events', (url) => {
  const schemas = useTestSchemas(url)
  const pool = new Pool({ connectionString: url, max: 4 })
  afterAll(() => pool.end())

  /** A log of about twenty real events: the framework opened, three contracts awarded. */
  async function writtenLog(): Promise<{ store: PostgresStore; log: RecordedEvent[] }> {
    const store = createPostgresStore({ pool }, { schema: await schemas.migrated() })
    const ledger = createLedger({ store, clock: fixedClock() })
    await executeAll(ledger, openedFrameworkCommands(), coordinator())
    await executeAll(
      ledger,
      ['MS-1', 'MS-2', 'MS-3'].map((contractId) =>
        awardContractCommand(contractFixture({ contractId, amount: '150000.00' })),
      ),
      buyerOf(SIRETS.beneficiaryB),
    )
    const log: RecordedEvent[] = []
    for await (const event of store.readAll()) log.push(event)
    return { store, log }
  }

  let length = 0
  beforeAll(async () => {
    const { store, log } = await writtenLog()
    length = log.length
    expect(await verifyLog(store)).toMatchObject({ ok: true, events: length })
    expect(length).toBeGreaterThan(P + 3)
  })

  it.each(CASES)('%s is reported at the first bad position', async (_, tamper, expected) => {
    const { store, log } = await writtenLog()
    await tamper(new TamperDb(pool, store.schema), log)
    const result = await verifyLog(store)
    expect(result).toMatchObject({ ok: false, position: String(expected(length)) })
  })

  it('a deleted command outcome passes the chain, and is found with outcomes: true', async () => {
    const { store, log } = await writtenLog()
    const award = log.find((event) => event.meta.commandId === 'award:MS-2')!
    await new TamperDb(pool, store.schema).sql(
      `DELETE FROM "${store.schema}".command_outcomes WHERE command_id = $1`,
      ['award:MS-2'],
    )
    expect(await verifyLog(store)).toMatchObject({ ok: true, events: log.length })
    expect(await verifyLog(store, { outcomes: true })).toEqual({
      ok: false,
      position: award.position,
      reason: expect.stringMatching(/award:MS-2 .*no recorded outcome/) as unknown,
    })
  })

  it('an event added past the head without moving the head is reported', async () => {
    const { store, log } = await writtenLog()
    const last = log[log.length - 1]!
    const { hash: _, ...template } = last
    await new TamperDb(pool, store.schema).insert(
      sealEvent({
        ...template,
        id: '01K6G0W0000000000000FORGED',
        stream: 'contract-FORGED',
        version: 1,
        position: String(log.length + 1),
        prevHash: last.hash,
      }),
    )
    const result = await verifyLog(store)
    expect(result).toMatchObject({ ok: false })
    expect(result.ok === false && result.reason).toMatch(/head/)
  })

  it('a tail rewritten with every hash recomputed and the head moved passes verify, but not against a checkpoint exported before', async () => {
    const { store, log } = await writtenLog()
    const checkpoint = await store.head()
    const db = new TamperDb(pool, store.schema)
    await db.sql(`DELETE FROM ${db.events} WHERE position >= $1`, [P])
    let prevHash = at(log, P - 1).hash
    let forged: RecordedEvent | undefined
    for (const original of log.slice(P - 1)) {
      const { hash: _, ...unhashed } = original
      forged = sealEvent({
        ...unhashed,
        meta: { ...original.meta, actorId: 'rewriter' },
        prevHash,
      })
      await db.insert(forged)
      prevHash = forged.hash
    }
    await db.moveHead(forged!)
    // A self-consistent rewrite is what an exported checkpoint is for (docs/operations.md).
    expect(await verifyLog(store)).toMatchObject({ ok: true, events: log.length })
    expect(await verifyLog(store, { checkpoint: checkpoint! })).toMatchObject({
      ok: false,
      position: checkpoint!.position,
    })
  })
})
