import { readFile, rename, rm, writeFile } from 'node:fs/promises'
import type { LogHead } from '@plafond/core'
import { CliError } from '../cli-error.js'

/**
 * A checkpoint as `plafond verify --write-checkpoint` writes it: the head of a log that verified,
 * to keep somewhere the ledger's writers cannot reach. `verify --checkpoint` reads `position` and
 * `hash` and ignores the rest.
 */
export interface CheckpointFile {
  /** Position of the last event, a decimal string. */
  readonly position: string
  /** Hash of that event (64 hexadecimal digits). */
  readonly hash: string
  /** How many events the log held. */
  readonly events: number
  /** When the log was verified (ISO-8601). */
  readonly verifiedAt: string
}

const EXAMPLE = '{ "position": "1234", "hash": "<64 hexadecimal digits>" }'

/** Reads a checkpoint file, or says what is wrong with it. */
export async function readCheckpoint(path: string, name: string): Promise<LogHead> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    throw new CliError(
      'invalidInput',
      `Expected a checkpoint file at ${name}, but cannot read it (${(error as NodeJS.ErrnoException).code ?? 'error'}). Check the path; \`plafond verify --write-checkpoint FILE\` writes one.`,
      { cause: error },
    )
  }
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    throw new CliError(
      'invalidInput',
      `Expected ${name} to hold a JSON checkpoint ${EXAMPLE}, found text that does not parse. Use a file written by \`plafond verify --write-checkpoint\`.`,
    )
  }
  const { position, hash } = (typeof value === 'object' && value !== null ? value : {}) as {
    readonly position?: unknown
    readonly hash?: unknown
  }
  if (typeof position !== 'string' || !/^[1-9]\d*$/.test(position)) {
    throw new CliError(
      'invalidInput',
      `Expected ${name} to hold a checkpoint ${EXAMPLE}; its "position" is ${JSON.stringify(position) ?? 'missing'}, not a positive whole number as a string. Use a file written by \`plafond verify --write-checkpoint\`.`,
    )
  }
  if (typeof hash !== 'string' || !/^[0-9a-f]{64}$/.test(hash)) {
    throw new CliError(
      'invalidInput',
      `Expected ${name} to hold a checkpoint ${EXAMPLE}; its "hash" is ${JSON.stringify(hash) ?? 'missing'}, not 64 lower-case hexadecimal digits. Use a file written by \`plafond verify --write-checkpoint\`.`,
    )
  }
  return { position, hash }
}

/** Writes a checkpoint through a temporary file and a rename, so a crash never leaves half of one. */
export async function writeCheckpoint(
  path: string,
  name: string,
  checkpoint: CheckpointFile,
): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`
  try {
    await writeFile(temporary, `${JSON.stringify(checkpoint, null, 2)}\n`, 'utf8')
    await rename(temporary, path)
  } catch (error) {
    await rm(temporary, { force: true })
    throw new CliError(
      'invalidInput',
      `Expected to write the checkpoint to ${name}, but cannot (${(error as NodeJS.ErrnoException).code ?? 'error'}). Check that its directory exists and is writable; the ledger verified and was not changed.`,
      { cause: error },
    )
  }
}
