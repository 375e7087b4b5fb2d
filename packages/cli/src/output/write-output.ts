import { mkdir, writeFile } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import { CliError } from '../cli-error.js'
import type { CliIo } from '../cli-io.js'

/** A document a command produces, and the file name it takes in a directory. */
export interface OutputFile {
  readonly fileName: string
  readonly content: string
}

function cannotWrite(path: string, error: unknown): CliError {
  const code = (error as NodeJS.ErrnoException).code ?? String(error)
  return new CliError(
    'invalidInput',
    `Expected to write ${path}, but cannot (${code}). Check that its directory is writable, or choose another --out.`,
    { cause: error },
  )
}

/**
 * Writes one document to `--out FILE` (its directory created when missing), or to stdout without
 * `--out`. Returns the absolute path written, if any.
 */
export async function writeOutput(
  io: CliIo,
  out: string | undefined,
  content: string,
): Promise<string | undefined> {
  if (out === undefined) {
    io.stdout(content)
    return undefined
  }
  const path = resolve(io.cwd, out)
  try {
    await mkdir(dirname(path), { recursive: true })
    await writeFile(path, content, 'utf8')
  } catch (error) {
    throw cannotWrite(path, error)
  }
  return path
}

/** Writes several documents into the directory `--out DIR` (created when missing). */
export async function writeOutputDirectory(
  io: CliIo,
  out: string,
  files: readonly OutputFile[],
): Promise<string[]> {
  const directory = resolve(io.cwd, out)
  const written: string[] = []
  try {
    await mkdir(directory, { recursive: true })
  } catch (error) {
    throw cannotWrite(directory, error)
  }
  for (const file of files) {
    const path = join(directory, file.fileName)
    try {
      await writeFile(path, file.content, 'utf8')
    } catch (error) {
      throw cannotWrite(path, error)
    }
    written.push(path)
  }
  return written
}
