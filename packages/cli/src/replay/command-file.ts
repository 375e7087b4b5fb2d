import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { createInterface } from 'node:readline'
import type { Actor, CommandInput } from '@plafond/core'
import { CliError } from '../cli-error.js'
import { parseCommandLine } from './parse-command-line.js'

/** A line of the file that cannot be replayed, and why. */
export interface InvalidLine {
  /** 1-based line number. */
  readonly line: number
  readonly problem: string
}

/** What a first pass over the file found. */
export interface CheckedFile {
  /** How many commands the file holds (blank lines aside). */
  readonly commands: number
  /** Every bad line, in order. */
  readonly invalid: readonly InvalidLine[]
}

/** A command of the file, with its actor and line number. */
export interface FileCommand {
  readonly line: number
  readonly actor: Actor
  readonly command: CommandInput
}

/** Fails early, with a message, when the path is not a readable file. */
async function mustBeFile(path: string): Promise<void> {
  let isFile: boolean
  try {
    isFile = (await stat(path)).isFile()
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'an error'
    throw new CliError(
      'invalidInput',
      `Expected a JSONL file of commands at ${path}, but cannot read it (${code}). Check the path.`,
      { cause: error },
    )
  }
  if (!isFile) {
    throw new CliError(
      'invalidInput',
      `Expected a JSONL file of commands at ${path}, found a directory or a special file. Name the file itself.`,
    )
  }
}

/** The file's lines, numbered from 1, read as a stream: a file of any size stays out of memory. */
async function* numberedLines(path: string): AsyncGenerator<{ line: number; text: string }> {
  await mustBeFile(path)
  const lines = createInterface({
    input: createReadStream(path, { encoding: 'utf8' }),
    crlfDelay: Infinity,
  })
  let line = 0
  for await (const text of lines) {
    line += 1
    yield { line, text: line === 1 ? text.replace(/^\uFEFF/, '') : text }
  }
}

/**
 * The first pass: reads every line and checks it (JSON, actor, command schema) without touching
 * the store, so that a file with a bad line is refused whole. `onLine` is called with the number
 * of lines read so far, for progress.
 */
export async function checkCommandFile(
  path: string,
  defaultActor: Actor | undefined,
  onLine?: (lines: number) => void,
): Promise<CheckedFile> {
  const invalid: InvalidLine[] = []
  let commands = 0
  for await (const { line, text } of numberedLines(path)) {
    const parsed = parseCommandLine(text, defaultActor)
    if (parsed.kind === 'command') commands += 1
    if (parsed.kind === 'invalid') invalid.push({ line, problem: parsed.problem })
    onLine?.(line)
  }
  return { commands, invalid }
}

/**
 * The second pass: the commands of a file that `checkCommandFile` passed, in order. A line that
 * has become invalid since (the file was changed during the replay) stops the replay.
 */
export async function* readCommandFile(
  path: string,
  defaultActor: Actor | undefined,
): AsyncGenerator<FileCommand> {
  for await (const { line, text } of numberedLines(path)) {
    const parsed = parseCommandLine(text, defaultActor)
    if (parsed.kind === 'blank') continue
    if (parsed.kind === 'invalid') {
      throw new CliError(
        'invalidInput',
        `${path}:${line}: ${parsed.problem} The file changed while it was being replayed: the commands before this line were recorded. Fix the file and run the same command again; what was recorded is replayed, not written twice.`,
      )
    }
    yield { line, actor: parsed.actor, command: parsed.command }
  }
}
