import type { ProjectionCheckpoint } from '@plafond/core'
import type { Pool, PoolClient } from 'pg'
import type { StoreTables } from './store-tables.js'

/** About how many characters of parts one INSERT carries. */
const INSERT_CHARACTERS = 4 << 20

/** At most this many parts per INSERT (three parameters each). */
const INSERT_PARTS = 256

/** A row of the checkpoint query: the checkpoint, and one of its parts (null when it has none). */
interface CheckpointPartRow {
  readonly name: string
  readonly version: number
  readonly position: string
  readonly parts: number
  readonly body: string | null
}

/** Thrown by `loadCheckpoint` when a checkpoint's parts do not match its count. */
export class MissingCheckpointParts extends Error {}

/**
 * The checkpoint saved under `name`, or undefined: one query, so one snapshot, even while another
 * process saves the same checkpoint.
 */
export async function loadCheckpoint(
  pool: Pool,
  tables: StoreTables,
  name: string,
): Promise<ProjectionCheckpoint | undefined> {
  const { rows } = await pool.query<CheckpointPartRow>(
    `SELECT c.name, c.version, c.position, c.parts, p.body
       FROM ${tables.projectionCheckpoints} c
       LEFT JOIN ${tables.projectionCheckpointParts} p ON p.name = c.name
      WHERE c.name = $1
      ORDER BY p.part`,
    [name],
  )
  const first = rows[0]
  if (first === undefined) return undefined
  const parts = rows.flatMap((row) => (row.body === null ? [] : [row.body]))
  if (parts.length !== first.parts) {
    throw new MissingCheckpointParts(
      `the checkpoint of ${name} has ${parts.length} of its ${first.parts} parts`,
    )
  }
  return { name: first.name, version: first.version, position: first.position, parts }
}

/**
 * Replaces the checkpoint of `checkpoint.name` and all its parts in one transaction on `client`,
 * taking the parts one at a time and sending them a few megabytes per INSERT. The checkpoint's
 * row is written first: its lock makes two saves of the same checkpoint wait for each other.
 */
export async function saveCheckpoint(
  client: PoolClient,
  tables: StoreTables,
  checkpoint: Omit<ProjectionCheckpoint, 'parts'>,
  parts: Iterable<string>,
): Promise<void> {
  const { name } = checkpoint
  await client.query('BEGIN ISOLATION LEVEL READ COMMITTED')
  try {
    await client.query(
      `INSERT INTO ${tables.projectionCheckpoints} (name, version, position, parts)
       VALUES ($1, $2, $3, 0)
       ON CONFLICT (name) DO UPDATE
         SET version = EXCLUDED.version, position = EXCLUDED.position, parts = 0`,
      [name, checkpoint.version, checkpoint.position],
    )
    let count = 0
    let pending: string[] = []
    let size = 0
    const send = async (): Promise<void> => {
      const values: unknown[] = [name]
      const rows = pending.map((body, i) => {
        values.push(count - pending.length + i, body)
        return `($1, $${2 * i + 2}, $${2 * i + 3})`
      })
      pending = []
      size = 0
      await client.query(
        `INSERT INTO ${tables.projectionCheckpointParts} (name, part, body)
         VALUES ${rows.join(', ')}
         ON CONFLICT (name, part) DO UPDATE SET body = EXCLUDED.body`,
        values,
      )
    }
    for (const part of parts) {
      pending.push(part)
      count++
      size += part.length
      if (size >= INSERT_CHARACTERS || pending.length >= INSERT_PARTS) await send()
    }
    if (pending.length > 0) await send()
    await client.query(
      `DELETE FROM ${tables.projectionCheckpointParts} WHERE name = $1 AND part >= $2`,
      [name, count],
    )
    await client.query(`UPDATE ${tables.projectionCheckpoints} SET parts = $2 WHERE name = $1`, [
      name,
      count,
    ])
    await client.query('COMMIT')
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined)
    throw error
  }
}
