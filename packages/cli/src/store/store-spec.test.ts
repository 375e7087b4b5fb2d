import { describe, expect, it } from 'vitest'
import { CliError } from '../cli-error.js'
import { parseStoreSpec } from './store-spec.js'

describe('parseStoreSpec', () => {
  it('resolves a relative SQLite path against the working directory and keeps an absolute one', () => {
    expect(parseStoreSpec('sqlite:ledger.db', '/work')).toEqual({
      kind: 'sqlite',
      path: '/work/ledger.db',
      display: 'sqlite:ledger.db',
    })
    expect(parseStoreSpec('sqlite:/data/ledger.db', '/work')).toMatchObject({
      path: '/data/ledger.db',
    })
  })

  it('takes ?schema= out of a PostgreSQL URL, keeps the other parameters, and masks the password', () => {
    expect(
      parseStoreSpec(
        'postgresql://app:s3cr%40t@db:5432/ledgers?schema=ac_2025&sslmode=require',
        '/',
      ),
    ).toEqual({
      kind: 'postgres',
      connectionString: 'postgresql://app:s3cr%40t@db:5432/ledgers?sslmode=require',
      schema: 'ac_2025',
      display: 'postgresql://app:***@db:5432/ledgers?schema=ac_2025&sslmode=require',
    })
    expect(parseStoreSpec('postgres://postgres@127.0.0.1/test', '/')).toEqual({
      kind: 'postgres',
      connectionString: 'postgres://postgres@127.0.0.1/test',
      schema: undefined,
      display: 'postgres://postgres@127.0.0.1/test',
    })
  })

  it('knows memory', () => {
    expect(parseStoreSpec('memory', '/')).toEqual({ kind: 'memory', display: 'memory' })
  })

  it('refuses anything else as a usage error that shows the expected forms', () => {
    for (const text of [
      'ledger.db',
      'mysql://h/db',
      'sqlite:',
      'postgres://h/db?schema=',
      'MEMORY',
    ]) {
      let thrown: unknown
      try {
        parseStoreSpec(text, '/')
      } catch (error) {
        thrown = error
      }
      expect(thrown, text).toBeInstanceOf(CliError)
      expect((thrown as CliError).exitCode).toBe(2)
    }
  })

  it('never prints the password of a URL it cannot parse', () => {
    expect(() => parseStoreSpec('postgres://app:hunter2@[bad/db', '/')).toThrow(/app:\*\*\*@/)
    expect(() => parseStoreSpec('postgres://app:hunter2@[bad/db', '/')).not.toThrow(/hunter2/)
  })
})
