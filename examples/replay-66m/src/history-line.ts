import type { Actor, CommandInput } from '@plafond/core'

/** One line of `history.jsonl`: a command and the actor who issues it. */
export interface HistoryLine {
  readonly actor: Actor
  readonly command: CommandInput
}

/** Serializes lines as JSON Lines: one object per line, each line ending with `\n`. */
export function toJsonl(lines: readonly HistoryLine[]): string {
  return lines.map((line) => `${JSON.stringify(line)}\n`).join('')
}

/**
 * Parses JSON Lines into history lines. Only the envelope is checked here (an object with an
 * `actor` and a `command`); the ledger validates the command and the actor themselves.
 */
export function parseJsonl(text: string, source = 'history'): HistoryLine[] {
  const lines: HistoryLine[] = []
  const rows = text.split('\n')
  for (let index = 0; index < rows.length; index++) {
    const row = rows[index]!.trim()
    if (row === '') continue
    let value: unknown
    try {
      value = JSON.parse(row)
    } catch (error) {
      throw new SyntaxError(
        `${source}:${index + 1}: expected one JSON object per line, found text that does not parse (${(error as Error).message}). Regenerate the file with \`pnpm --filter @plafond/example-replay-66m generate\`.`,
        { cause: error },
      )
    }
    if (
      typeof value !== 'object' ||
      value === null ||
      !('actor' in value) ||
      !('command' in value)
    ) {
      throw new SyntaxError(
        `${source}:${index + 1}: expected an object { "actor": …, "command": … }, found ${row.slice(0, 80)}.`,
      )
    }
    lines.push(value as HistoryLine)
  }
  return lines
}
