import { describe, expect, it } from 'vitest'
import { describeStore, readServiceConfig } from './service-config.js'

describe('readServiceConfig', () => {
  it('defaults to ./ministry.db on 127.0.0.1:8080', () => {
    expect(readServiceConfig({})).toEqual({
      store: { kind: 'sqlite', path: './ministry.db' },
      port: 8080,
      host: '127.0.0.1',
    })
  })

  it('reads a SQLite path, a PostgreSQL URL with its schema, a port and a host', () => {
    expect(
      readServiceConfig({ PLAFOND_STORE: 'sqlite:/var/lib/plafond/ac.db', PORT: '0', HOST: '::' }),
    ).toEqual({
      store: { kind: 'sqlite', path: '/var/lib/plafond/ac.db' },
      port: 0,
      host: '::',
    })
    expect(
      readServiceConfig({
        PLAFOND_STORE: 'postgresql://app:secret@db:5432/plafond',
        PLAFOND_PG_SCHEMA: 'ac_2025_agile',
      }).store,
    ).toEqual({
      kind: 'postgres',
      connectionString: 'postgresql://app:secret@db:5432/plafond',
      schema: 'ac_2025_agile',
    })
  })

  it.each([
    [
      { PLAFOND_STORE: 'mysql://db/x' },
      /PLAFOND_STORE expected sqlite:PATH or a postgres:\/\/ URL/,
    ],
    [{ PLAFOND_STORE: 'sqlite:' }, /with a file path/],
    [{ PLAFOND_STORE: 'postgres://db/x', PLAFOND_PG_SCHEMA: 'Bad-Name' }, /PLAFOND_PG_SCHEMA/],
    [{ PORT: '70000' }, /PORT expected a TCP port/],
    [{ PORT: '80a' }, /PORT expected a TCP port/],
  ])('refuses %o, naming the variable', (env, message) => {
    expect(() => readServiceConfig(env)).toThrow(message)
  })

  it('never prints a PostgreSQL password', () => {
    expect(() => readServiceConfig({ PLAFOND_STORE: 'mysql://app:secret@db/x' })).toThrow(
      /mysql:\/\/app:\*\*\*@db\/x/,
    )
    const { store } = readServiceConfig({
      PLAFOND_STORE: 'postgres://app:s3cr%40t@db:5432/plafond',
    })
    expect(describeStore(store)).toBe('postgres://app:***@db:5432/plafond (schema plafond)')
  })
})
