import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { Actor } from '@plafond/core'
import { CliError } from '../cli-error.js'

function check(value: unknown, where: string, exit: 'usage' | 'invalidInput'): Actor {
  const parsed = Actor.safeParse(value)
  if (parsed.success) return parsed.data
  const issue = parsed.error.issues[0]!
  const path = ['actor', ...issue.path.map(String)].join('.')
  throw new CliError(
    exit,
    `Expected ${where} to be an actor { "id": …, "roles": [{ "role": "coordinator" | "auditor" } | { "role": "buyer" | "accountant", "beneficiaryId": SIRET }] }; at ${path}: ${issue.message}. Fix it.`,
  )
}

/**
 * The actor for lines that carry none: from `--actor JSON` or `--actor-file FILE`, or none, in
 * which case such a line is invalid. A line's own actor always wins over the default.
 */
export async function readDefaultActor(
  values: { readonly actor: string | undefined; readonly actorFile: string | undefined },
  cwd: string,
): Promise<Actor | undefined> {
  if (values.actor !== undefined && values.actorFile !== undefined) {
    throw new CliError('usage', 'Expected --actor or --actor-file, found both. Keep one of them.')
  }
  if (values.actor !== undefined) {
    let value: unknown
    try {
      value = JSON.parse(values.actor)
    } catch {
      throw new CliError(
        'usage',
        `Expected --actor to be JSON such as '{"id":"dinum","roles":[{"role":"coordinator"}]}', found ${JSON.stringify(values.actor)}, which does not parse. Quote it for your shell.`,
      )
    }
    return check(value, '--actor', 'usage')
  }
  const file = values.actorFile
  if (file === undefined) return undefined
  let text: string
  try {
    text = await readFile(resolve(cwd, file), 'utf8')
  } catch (error) {
    throw new CliError(
      'invalidInput',
      `Expected --actor-file to name a readable JSON file, but cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'}). Check the path.`,
      { cause: error },
    )
  }
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    throw new CliError(
      'invalidInput',
      `Expected ${file} (--actor-file) to hold one JSON actor, found text that does not parse (${(error as Error).message}). Fix the file.`,
    )
  }
  return check(value, `${file} (--actor-file)`, 'invalidInput')
}
