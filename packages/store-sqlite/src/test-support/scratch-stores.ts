import type { EventStore } from '@plafond/core'
import { afterAll, afterEach } from 'vitest'
import { createSqliteStore } from '../create-sqlite-store.js'
import type { SqliteStoreOptions } from '../sqlite-store-options.js'
import { temporaryDirectory } from './temporary-directory.js'

/**
 * Ledger files for one test file, under a temporary directory, and the stores opened on them:
 * each test's stores are closed after it, and the directory is removed after the file.
 */
export function scratchStores(label: string): {
  /** A new file's path. */
  readonly newPath: () => string
  /** A store, closed after the test. */
  readonly open: (options: SqliteStoreOptions) => EventStore
} {
  const directory = temporaryDirectory(label)
  let files = 0
  let open: EventStore[] = []
  afterEach(async () => {
    await Promise.all(open.map((store) => store.close()))
    open = []
  })
  afterAll(() => directory.remove())
  return {
    newPath: () => directory.file(`${label}-${++files}.db`),
    open: (options) => {
      const store = createSqliteStore(options)
      open.push(store)
      return store
    },
  }
}
