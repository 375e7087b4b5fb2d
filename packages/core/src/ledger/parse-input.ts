import type { ZodError } from 'zod'
import { Actor } from '../authorization/actor.js'
import { Command } from '../commands/command.js'
import { reject, type InputIssue, type Rejection } from '../rejections/rejection.js'
import { compileParser, NOT_SURE } from '../validation/compiled-parser.js'

function issuesOf(error: ZodError, prefix: string): InputIssue[] {
  const pathOf = (parts: readonly PropertyKey[]): string =>
    [prefix, ...parts.map(String)].filter((part) => part !== '').join('.') || '(root)'
  return error.issues.flatMap((issue) =>
    // zod reports unknown fields on their parent object; name each field instead.
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({
          path: pathOf([...issue.path, key]),
          message: `Unknown field ${JSON.stringify(key)}: remove it or check its spelling.`,
        }))
      : [{ path: pathOf(issue.path), message: issue.message }],
  )
}

function invalid(what: string, issues: InputIssue[]): Rejection {
  const first = issues[0]!
  const more =
    issues.length > 1
      ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})`
      : ''
  const sentence = /[.!?]$/.test(first.message) ? first.message : `${first.message}.`
  return reject(
    'invalid_command',
    `Invalid ${what} at ${first.path}: ${sentence}${more} Nothing was written.`,
    {
      path: first.path,
      issues,
    },
  )
}

const fastCommand = compileParser(Command)
const fastActor = compileParser(Actor)

/** Parses a command, or says which field is wrong and why (`invalid_command`). */
export function parseCommand(
  input: unknown,
): { readonly command: Command } | { readonly rejection: Rejection } {
  const fast = fastCommand(input)
  if (fast !== NOT_SURE) return { command: fast as Command }
  const parsed = Command.safeParse(input)
  if (parsed.success) return { command: parsed.data }
  return { rejection: invalid('command', issuesOf(parsed.error, '')) }
}

/** Parses the actor passed beside a command. */
export function parseActor(
  input: unknown,
): { readonly actor: Actor } | { readonly rejection: Rejection } {
  const fast = fastActor(input)
  if (fast !== NOT_SURE) return { actor: fast as Actor }
  const parsed = Actor.safeParse(input)
  if (parsed.success) return { actor: parsed.data }
  return { rejection: invalid('actor', issuesOf(parsed.error, 'actor')) }
}
