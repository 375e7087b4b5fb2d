import { Actor, COMMAND_TYPES, Command, type CommandInput } from '@plafond/core'

/** One line of a JSONL command file, read. */
export type CommandLine =
  | { readonly kind: 'blank' }
  | { readonly kind: 'command'; readonly actor: Actor; readonly command: CommandInput }
  | { readonly kind: 'invalid'; readonly problem: string }

const LINE_KEYS = ['actor', 'command']

/** What zod says is wrong: a list of issues, each with the path to its field. */
interface SchemaError {
  readonly issues: readonly { readonly path: readonly PropertyKey[]; readonly message: string }[]
}

/** zod's issues as `at path: message`, the first three of them. */
function describeIssues(error: SchemaError, root: string): string {
  const shown = error.issues.slice(0, 3).map((issue) => {
    const path = [root, ...issue.path.map(String)].join('.')
    return `at ${path}: ${issue.message.replace(/\.+$/, '')}`
  })
  const more = error.issues.length - shown.length
  return `${shown.join('; ')}${more > 0 ? ` (and ${more} more)` : ''}`
}

function invalid(problem: string): CommandLine {
  return { kind: 'invalid', problem }
}

/**
 * Reads one line of a JSONL command file: `{ "actor": {…}, "command": {…} }`, or `{ "command": {…} }`
 * when `defaultActor` (from `--actor`) stands in for the actor. The command is checked against its
 * zod schema and the actor against `Actor`, so that a file with a bad line is refused before any
 * of it is written; what the ledger decides (refusals) is not checked here.
 */
export function parseCommandLine(text: string, defaultActor: Actor | undefined): CommandLine {
  const trimmed = text.trim()
  if (trimmed === '') return { kind: 'blank' }
  let value: unknown
  try {
    value = JSON.parse(trimmed)
  } catch (error) {
    return invalid(
      `expected one JSON object per line, found text that does not parse (${(error as Error).message}). Fix the line, or remove it.`,
    )
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    const found = value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value
    return invalid(`expected an object { "actor": …, "command": … }, found ${found}.`)
  }
  const record = value as Record<string, unknown>
  const unknown = Object.keys(record).filter((key) => !LINE_KEYS.includes(key))
  if (unknown.length > 0) {
    return invalid(
      `expected only "actor" and "command" on a line, found ${unknown.map((key) => JSON.stringify(key)).join(', ')}. Remove ${unknown.length > 1 ? 'them' : 'it'}, or move ${unknown.length > 1 ? 'them' : 'it'} inside the command if it belongs there.`,
    )
  }
  if (record.command === undefined) {
    return invalid('expected a "command" object on the line, found none. Add the command.')
  }
  const command = record.command as { readonly type?: unknown }
  if (
    typeof command === 'object' &&
    command !== null &&
    !(COMMAND_TYPES as readonly unknown[]).includes(command.type)
  ) {
    return invalid(
      `expected command.type to be one of ${COMMAND_TYPES.join(', ')}; found ${JSON.stringify(command.type) ?? 'none'}. Fix the type.`,
    )
  }
  const parsedCommand = Command.safeParse(record.command)
  if (!parsedCommand.success) {
    return invalid(
      `invalid command ${describeIssues(parsedCommand.error, 'command')}. Fix the field.`,
    )
  }
  if (record.actor === undefined) {
    if (defaultActor !== undefined)
      return { kind: 'command', actor: defaultActor, command: record.command as CommandInput }
    return invalid(
      `expected an "actor" ({ "id": …, "roles": […] }) on the line, found none. Add one, or give every line without one a default actor with --actor '{"id":"…","roles":[{"role":"coordinator"}]}' (or --actor-file FILE).`,
    )
  }
  const parsedActor = Actor.safeParse(record.actor)
  if (!parsedActor.success) {
    return invalid(`invalid actor ${describeIssues(parsedActor.error, 'actor')}. Fix the actor.`)
  }
  return { kind: 'command', actor: parsedActor.data, command: record.command as CommandInput }
}
