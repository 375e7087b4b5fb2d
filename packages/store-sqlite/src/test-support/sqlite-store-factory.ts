import { rmSync } from 'node:fs'
import type { EventStore } from '@plafond/core'
import type { EventStoreContractFactory } from '@plafond/testing/store-contract'
import { createSqliteStore } from '../create-sqlite-store.js'
import type { SqliteStoreOptions } from '../sqlite-store-options.js'
import type { TemporaryDirectory } from './temporary-directory.js'

/**
 * Conformance-suite factory for SQLite stores: each `create` is a new file in `directory`,
 * `reopen` opens the same file again, `destroy` removes the file with its WAL and shared memory.
 */
export function sqliteStoreFactory(
  directory: TemporaryDirectory,
  options: Omit<SqliteStoreOptions, 'path'> = {},
): EventStoreContractFactory {
  const paths = new WeakMap<EventStore, string>()
  let files = 0
  const open = (path: string): EventStore => {
    const store = createSqliteStore({ ...options, path })
    paths.set(store, path)
    return store
  }
  const pathOf = (store: EventStore): string => {
    const path = paths.get(store)
    if (path === undefined) throw new Error('This store was not made by sqliteStoreFactory.')
    return path
  }
  return {
    create: async () => open(directory.file(`store-${++files}.db`)),
    reopen: async (previous) => {
      await previous.close()
      return open(pathOf(previous))
    },
    destroy: async (store) => {
      for (const suffix of ['', '-wal', '-shm'])
        rmSync(`${pathOf(store)}${suffix}`, { force: true })
    },
  }
}
