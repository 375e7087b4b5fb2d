import type { Command } from '../commands/command.js'
import { canonicalJson } from '../events/canonical-json.js'
import { flatObjectJson } from '../events/flat-json.js'
import { reject, type Rejection } from '../rejections/rejection.js'
import type { CommandOutcome } from '../store/event-store.js'

/**
 * The content a command is compared on when its id comes back: canonical JSON of the parsed
 * command, flat, since its outcome keeps it.
 */
export function commandContent(command: Command): string {
  return flatObjectJson(canonicalJson(command))
}

function firstDifference(before: unknown, after: unknown, path: string): string | undefined {
  if (canonicalJson(before ?? null) === canonicalJson(after ?? null)) return undefined
  const bothObjects =
    typeof before === 'object' && before !== null && typeof after === 'object' && after !== null
  if (!bothObjects || Array.isArray(before) !== Array.isArray(after)) return path || '(root)'
  const a = before as Record<string, unknown>
  const b = after as Record<string, unknown>
  for (const key of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) {
    const found = firstDifference(a[key], b[key], path === '' ? key : `${path}.${key}`)
    if (found !== undefined) return found
  }
  return path || '(root)'
}

/** `idempotency_conflict` naming the first field where a reused command id's content differs. */
export function idempotencyConflict(stored: CommandOutcome, command: Command): Rejection {
  const field =
    firstDifference(JSON.parse(stored.content), JSON.parse(commandContent(command)), '') ?? '(root)'
  return reject(
    'idempotency_conflict',
    `commandId ${command.commandId} was already used for a different command (first difference: ${field}). Use a new commandId for a new command, or resend the original unchanged.`,
    { commandId: command.commandId, field },
  )
}
