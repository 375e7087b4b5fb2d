import { newTestEvents } from '@plafond/testing'
import { Pool } from 'pg'
import { expect, it } from 'vitest'
import { createPostgresStore, type PostgresStore } from './create-postgres-store.js'
import { describePostgres, testDatabase, useTestSchemas } from './test-database.js'

const database = await testDatabase()

/**
 * A tailing reader, as a projection runner is: it resumes from the position after the last one it
 * saw, and so never looks below it again. It records every position that arrives below the last
 * one (it became visible out of order) or past a hole (the reader moved on without it).
 */
class TailingReader {
  last = 0n
  seen = 0
  readonly problems: string[] = []

  take(position: bigint): void {
    if (position <= this.last) {
      this.problems.push(`position ${position} arrived after ${this.last}`)
    } else if (position !== this.last + 1n) {
      this.problems.push(`position ${position} arrived while ${this.last + 1n} was not visible`)
    }
    if (position > this.last) this.last = position
    this.seen += 1
  }
}

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

describePostgres(database, 'PostgreSQL store: global positions become visible in order', (url) => {
  const schemas = useTestSchemas(url, 1)

  it('a reader tailing readAll while 8 processes append never finds a position below one it saw, and misses none', async () => {
    const schema = await schemas.migrated()
    const open = (): PostgresStore =>
      createPostgresStore({ connectionString: url, maxConnections: 2 }, { schema })
    const writers = Array.from({ length: 8 }, open)
    const readerStore = open()
    const reader = new TailingReader()
    const appendsPerWriter = 40
    let writing = true
    try {
      const tailing = (async () => {
        for (;;) {
          const done = !writing
          for await (const event of readerStore.readAll({
            fromPosition: String(reader.last + 1n),
            batchSize: 16,
          })) {
            reader.take(BigInt(event.position))
          }
          if (done) return
          await pause(1)
        }
      })()
      const written = await Promise.all(
        writers.map(async (store, w) => {
          let events = 0
          for (let n = 0; n < appendsPerWriter; n++) {
            const count = 1 + ((w + n) % 3)
            await store.append([
              {
                stream: `stream-${w}-${n % 5}`,
                expectedVersion: 'any',
                events: newTestEvents(count),
              },
            ])
            events += count
          }
          return events
        }),
      )
      writing = false
      await tailing
      const total = written.reduce((sum, n) => sum + n, 0)
      expect(reader.problems).toEqual([])
      expect(reader.seen).toBe(total)
      expect(await readerStore.head()).toMatchObject({ position: String(total) })
    } finally {
      await Promise.all([...writers, readerStore].map((store) => store.close()))
    }
  })

  it('the same reader catches the commit-order gap of a plain sequence, which the store avoids', async () => {
    // The hazard, reproduced step by step on a bigserial column: a transaction that took a lower
    // number commits after one that took a higher number, and the reader has moved past it.
    const schema = schemas.next()
    const pool = new Pool({ connectionString: url, max: 3 })
    const slow = await pool.connect()
    const reader = new TailingReader()
    const read = async (): Promise<void> => {
      const { rows } = await pool.query<{ position: string }>(
        `SELECT position::text AS position FROM "${schema}".naive WHERE position > $1 ORDER BY position`,
        [reader.last.toString()],
      )
      for (const row of rows) reader.take(BigInt(row.position))
    }
    try {
      await pool.query(`CREATE SCHEMA "${schema}"`)
      await pool.query(`CREATE TABLE "${schema}".naive (position bigserial PRIMARY KEY)`)
      await slow.query('BEGIN')
      await slow.query(`INSERT INTO "${schema}".naive DEFAULT VALUES`)
      await pool.query(`INSERT INTO "${schema}".naive DEFAULT VALUES`)
      await read()
      await slow.query('COMMIT')
      await read()
      expect(reader.problems).toEqual(['position 2 arrived while 1 was not visible'])
      expect(reader.seen).toBe(1)
    } finally {
      slow.release()
      await pool.end()
    }
  })
})
