import { isLedgerError, LedgerError } from '@plafond/core'
import { newTestEvent } from '@plafond/testing'
import { DatabaseError } from 'pg'
import { describe, expect, it } from 'vitest'
import { createPostgresStore } from './create-postgres-store.js'
import { translateDriverError } from './driver-error.js'

const context = { schema: 'plafond', doing: 'appending' }

/** A server error as pg builds it from the wire, with its SQLSTATE. */
function serverError(code: string, message: string, constraint?: string): DatabaseError {
  const error = new DatabaseError(message, message.length, 'error')
  error.code = code
  if (constraint !== undefined) error.constraint = constraint
  return error
}

describe('translateDriverError', () => {
  it.each([
    ['40001', 'could not serialize access due to concurrent update', 'CONCURRENCY_CONFLICT'],
    ['40P01', 'deadlock detected', 'CONCURRENCY_CONFLICT'],
    ['55P03', 'canceling statement due to lock timeout', 'STORE_UNAVAILABLE'],
    ['57P01', 'terminating connection due to administrator command', 'STORE_UNAVAILABLE'],
    ['53300', 'sorry, too many clients already', 'STORE_UNAVAILABLE'],
    ['42P01', 'relation "plafond.events" does not exist', 'INCOMPATIBLE_STORE'],
    ['22021', 'invalid byte sequence for encoding "UTF8": 0x00', 'INVALID_ARGUMENT'],
  ] as const)(
    'SQLSTATE %s (%s) becomes %s, with the driver error as cause',
    (code, message, expected) => {
      const cause = serverError(code, message)
      const translated = translateDriverError(cause, context)
      expect(isLedgerError(translated, expected)).toBe(true)
      expect((translated as LedgerError).cause).toBe(cause)
      expect((translated as LedgerError).message).toContain(context.schema)
    },
  )

  it('a unique violation is a concurrency conflict, except on the event id, which is a caller error', () => {
    const stream = translateDriverError(
      serverError('23505', 'duplicate key value', 'events_stream_version_key'),
      context,
    )
    const id = translateDriverError(
      serverError('23505', 'duplicate key value', 'events_id_key'),
      context,
    )
    expect(isLedgerError(stream, 'CONCURRENCY_CONFLICT')).toBe(true)
    expect(isLedgerError(id, 'INVALID_ARGUMENT')).toBe(true)
  })

  it('LedgerErrors and errors that come from neither the server nor the connection pass unchanged', () => {
    const ledgerError = new LedgerError('CORRUPT_LOG', 'broken')
    const bug = new TypeError('x is not a function')
    expect(translateDriverError(ledgerError, context)).toBe(ledgerError)
    expect(translateDriverError(bug, context)).toBe(bug)
  })
})

describe('a store whose server cannot be reached', () => {
  // Port 1 on the loopback: nothing listens there, so the connection is refused at once.
  const unreachable = 'postgres://postgres@127.0.0.1:1/plafond'

  it('throws STORE_UNAVAILABLE with the refused connection as cause, on open and on every call', async () => {
    const store = createPostgresStore({ connectionString: unreachable, connectTimeoutMs: 2_000 })
    const errors = await Promise.all(
      [
        () => store.ready(),
        () => store.head(),
        () => store.append([{ stream: 'a', expectedVersion: 'any', events: [newTestEvent()] }]),
      ].map((call) =>
        call().then(
          () => undefined,
          (error: unknown) => error,
        ),
      ),
    )
    for (const error of errors) {
      expect(isLedgerError(error, 'STORE_UNAVAILABLE'), String(error)).toBe(true)
      expect((error as LedgerError).cause).toBeInstanceOf(Error)
      expect((error as LedgerError).message).toMatch(/Cannot reach PostgreSQL/)
    }
    await store.close()
  })

  it('refuses a schema name it could not put in SQL as is, before connecting', () => {
    for (const schema of ['Plafond', 'plafond; DROP TABLE x', '1plafond', '', 'a'.repeat(64)]) {
      expect(() => createPostgresStore({ connectionString: unreachable }, { schema })).toThrow(
        expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
      )
    }
  })
})
