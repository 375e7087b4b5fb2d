import { mkdir, rm, stat } from 'node:fs/promises'
import { dirname, relative } from 'node:path'
import { createInMemoryStore, isLedgerError, type EventStore } from '@plafond/core'
import { createSqliteStore, type SqliteSynchronous } from '@plafond/store-sqlite'

/** Where a replay writes: in memory, or a SQLite file, fresh or resumed. */
export type ReplayStoreChoice =
  | { readonly kind: 'memory' }
  | {
      readonly kind: 'sqlite'
      /** The ledger file; its directory is created when missing. */
      readonly path: string
      /** `'FULL'` syncs every commit to disk (the store's default); `'NORMAL'` at checkpoints. */
      readonly synchronous: SqliteSynchronous
      /** Keep the ledger already in the file and add to it; otherwise start from an empty file. */
      readonly resume: boolean
    }

/** An open store for a replay, with what the report says about it. */
export interface ReplayStore {
  readonly store: EventStore
  /** `in memory`, or `SQLite out/ledger.db (synchronous FULL, resumed)`. */
  readonly label: string
  /** Bytes of the file and its write-ahead log, once the store is closed; undefined in memory. */
  readonly bytesOnDisk: () => Promise<number | undefined>
}

/**
 * Opens the store a replay writes into. A fresh SQLite run deletes the previous ledger at the
 * path (and its `-wal` and `-shm` files) first, but only if that file is a Plafond ledger or
 * empty: a replay never deletes somebody else's file.
 */
export async function openReplayStore(choice: ReplayStoreChoice): Promise<ReplayStore> {
  if (choice.kind === 'memory') {
    return { store: createInMemoryStore(), label: 'in memory', bytesOnDisk: async () => undefined }
  }
  const { path, synchronous, resume } = choice
  await mkdir(dirname(path), { recursive: true })
  if (!resume) {
    await checkReplaceable(path)
    for (const file of [path, `${path}-wal`, `${path}-shm`]) await rm(file, { force: true })
  }
  return {
    store: createSqliteStore({ path, synchronous }),
    label: `SQLite ${shown(path)} (synchronous ${synchronous}${resume ? ', resumed' : ''})`,
    bytesOnDisk: async () => (await sizeOf(path)) + (await sizeOf(`${path}-wal`)),
  }
}

/**
 * Throws unless the file at `path` is missing or may be replaced: a Plafond ledger or an empty
 * file. The store's own opening check decides, reading through the write-ahead log of a run that
 * was interrupted, and leaves any other program's file untouched.
 */
async function checkReplaceable(path: string): Promise<void> {
  if ((await sizeOf(path)) === 0) return
  try {
    await createSqliteStore({ path }).close()
  } catch (error) {
    if (!isLedgerError(error, 'INCOMPATIBLE_STORE')) throw error
    throw new Error(
      `Expected ${path} to be a Plafond ledger that a fresh replay may replace, found another file; it was not changed. Pass another path with --db, or move that file away.`,
      { cause: error },
    )
  }
}

/** The path as the user would type it: relative to where they ran the command, when inside it. */
function shown(path: string): string {
  const fromHere = relative(process.env.INIT_CWD ?? process.cwd(), path)
  return fromHere === '' || fromHere.startsWith('..') ? path : fromHere
}

async function sizeOf(path: string): Promise<number> {
  try {
    return (await stat(path)).size
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0
    throw error
  }
}
