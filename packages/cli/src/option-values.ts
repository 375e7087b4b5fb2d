import { isBusinessDate } from '@plafond/core'
import { CliError } from './cli-error.js'

/** Reads a business-date option (`YYYY-MM-DD`, a real day), or says what was expected. */
export function dateOption(
  command: string,
  name: string,
  text: string | undefined,
): string | undefined {
  if (text === undefined) return undefined
  if (isBusinessDate(text)) return text
  throw new CliError(
    'usage',
    `Expected --${name} to be a real date written YYYY-MM-DD (e.g. 2025-12-31), found ${JSON.stringify(text)}. Run \`plafond ${command} --help\` for its options.`,
  )
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/

/** Reads an instant option (ISO-8601 with its offset), or says what was expected. */
export function instantOption(
  command: string,
  name: string,
  text: string | undefined,
): string | undefined {
  if (text === undefined) return undefined
  if (INSTANT.test(text) && !Number.isNaN(Date.parse(text))) return new Date(text).toISOString()
  throw new CliError(
    'usage',
    `Expected --${name} to be an instant with its offset, e.g. 2025-06-30T18:00:00Z or 2025-06-30T20:00:00+02:00, found ${JSON.stringify(text)}. Run \`plafond ${command} --help\` for its options.`,
  )
}

/** Reads an option that takes one of a few words, or lists them. */
export function choiceOption<const T extends string>(
  command: string,
  name: string,
  text: string | undefined,
  choices: readonly T[],
): T | undefined {
  if (text === undefined) return undefined
  if ((choices as readonly string[]).includes(text)) return text as T
  throw new CliError(
    'usage',
    `Expected --${name} to be one of ${choices.join(', ')}, found ${JSON.stringify(text)}. Run \`plafond ${command} --help\` for its options.`,
  )
}

/**
 * A `RangeError` from @plafond/reporting names an option value that does not fit the ledger (a
 * framework id it does not hold, a date before what it publishes): a usage error, said as is.
 */
export function reportingError(command: string, error: unknown): unknown {
  if (!(error instanceof RangeError)) return error
  return new CliError(
    'usage',
    `${error.message} Run \`plafond ${command} --help\` for its options.`,
    { cause: error },
  )
}
