import { mkdir, rm, stat } from 'node:fs/promises'
import { dirname } from 'node:path'
import { isLedgerError, type EventStore } from '@plafond/core'
import { createSqliteStore } from '@plafond/store-sqlite'

/**
 * Opens an empty SQLite ledger at `path`, creating its directory. A ledger left there by a previous
 * run (with its `-wal` and `-shm` files) is deleted first, so each run starts fresh; any file that
 * is not a Plafond ledger is left alone and the run stops: an example never deletes somebody
 * else's file. The store's own opening check tells the two apart.
 */
export async function openFreshLedgerFile(path: string): Promise<EventStore> {
  await mkdir(dirname(path), { recursive: true })
  if ((await sizeOf(path)) > 0) {
    try {
      await createSqliteStore({ path }).close()
    } catch (error) {
      if (!isLedgerError(error, 'INCOMPATIBLE_STORE')) throw error
      throw new Error(
        `Expected ${path} to be a Plafond ledger from a previous run, found another file; it was not changed. Move it away and run again.`,
        { cause: error },
      )
    }
  }
  for (const file of [path, `${path}-wal`, `${path}-shm`]) await rm(file, { force: true })
  return createSqliteStore({ path })
}

/** Bytes of the ledger file and its write-ahead log. */
export async function ledgerFileBytes(path: string): Promise<number> {
  return (await sizeOf(path)) + (await sizeOf(`${path}-wal`))
}

async function sizeOf(path: string): Promise<number> {
  try {
    return (await stat(path)).size
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0
    throw error
  }
}
