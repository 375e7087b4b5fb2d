import type { ProjectionCheckpoint } from '@plafond/core'
import type Database from 'better-sqlite3'

/** A row of `projection_checkpoints` (schema 2 on): the parts are in `projection_checkpoint_parts`. */
interface CheckpointRow {
  readonly name: string
  readonly version: number
  readonly position: string
  readonly parts: number
}

/** A row of `projection_checkpoints` in schema 1, which kept the state whole. */
interface WholeCheckpointRow {
  readonly name: string
  readonly version: number
  readonly position: string
  readonly state: string
}

/** How the store loads and saves projection checkpoints. */
export interface CheckpointTable {
  /** The checkpoint saved under `name`, or undefined. Throws when its parts are not all there. */
  load(name: string): ProjectionCheckpoint | undefined
  /**
   * Replaces the checkpoint of `checkpoint.name`, all its parts, in one transaction, taking the
   * parts one at a time.
   */
  save(checkpoint: Omit<ProjectionCheckpoint, 'parts'>, parts: Iterable<string>): void
}

/** Thrown by `load` when a checkpoint's parts do not match its count. */
export class MissingCheckpointParts extends Error {}

/**
 * The checkpoint statements of a file of schema `version`. Schema 1 (read by a read-only store that
 * cannot migrate the file) kept each state whole: it loads as one part, and is never saved to.
 */
export function prepareCheckpointTable(db: Database.Database, version: number): CheckpointTable {
  if (version === 1) {
    const loadWhole = db.prepare<[string], WholeCheckpointRow>(
      'SELECT name, version, position, state FROM projection_checkpoints WHERE name = ?',
    )
    return {
      load(name) {
        const row = loadWhole.get(name)
        return (
          row && {
            name: row.name,
            version: row.version,
            position: row.position,
            parts: [row.state],
          }
        )
      },
      save() {
        throw new Error('A store on a file of schema 1 is read-only: it never saves checkpoints.')
      },
    }
  }
  const loadHead = db.prepare<[string], CheckpointRow>(
    'SELECT name, version, position, parts FROM projection_checkpoints WHERE name = ?',
  )
  const loadParts = db
    .prepare<[string], string>(
      'SELECT body FROM projection_checkpoint_parts WHERE name = ? ORDER BY part',
    )
    .pluck()
  const saveHead = db.prepare<[string, number, string, number]>(
    `INSERT INTO projection_checkpoints (name, version, position, parts) VALUES (?, ?, ?, ?)
     ON CONFLICT (name) DO UPDATE SET version = excluded.version, position = excluded.position, parts = excluded.parts`,
  )
  const savePart = db.prepare<[string, number, string]>(
    `INSERT INTO projection_checkpoint_parts (name, part, body) VALUES (?, ?, ?)
     ON CONFLICT (name, part) DO UPDATE SET body = excluded.body`,
  )
  const dropPartsFrom = db.prepare<[string, number]>(
    'DELETE FROM projection_checkpoint_parts WHERE name = ? AND part >= ?',
  )
  const countParts = db.prepare<[number, string]>(
    'UPDATE projection_checkpoints SET parts = ? WHERE name = ?',
  )
  // Parts are written over the previous ones, then those past the new count dropped.
  const saveAll = db.transaction(
    (checkpoint: Omit<ProjectionCheckpoint, 'parts'>, parts: Iterable<string>) => {
      const { name } = checkpoint
      saveHead.run(name, checkpoint.version, checkpoint.position, 0)
      let count = 0
      for (const part of parts) savePart.run(name, count++, part)
      dropPartsFrom.run(name, count)
      countParts.run(count, name)
    },
  )
  // One read transaction: both reads see the same save, even while another process saves.
  const loadAll = db.transaction((name: string): ProjectionCheckpoint | undefined => {
    const row = loadHead.get(name)
    if (row === undefined) return undefined
    const parts = loadParts.all(name)
    if (parts.length !== row.parts) {
      throw new MissingCheckpointParts(
        `the checkpoint of ${name} has ${parts.length} of its ${row.parts} parts`,
      )
    }
    return { name: row.name, version: row.version, position: row.position, parts }
  })
  return {
    load(name) {
      return loadAll(name)
    },
    save(checkpoint, parts) {
      saveAll.immediate(checkpoint, parts)
    },
  }
}
