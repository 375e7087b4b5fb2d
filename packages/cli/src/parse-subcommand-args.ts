import { parseArgs, type ParseArgsConfig } from 'node:util'
import { CliError } from './cli-error.js'

type OptionsConfig = NonNullable<ParseArgsConfig['options']>

/**
 * Parses a subcommand's arguments with `util.parseArgs` (strict, positionals allowed), turning its
 * errors into usage errors that point at `plafond <command> --help`.
 */
export function parseSubcommandArgs<const O extends OptionsConfig>(
  command: string,
  args: readonly string[],
  options: O,
) {
  try {
    return parseArgs({ args: [...args], options, allowPositionals: true, strict: true })
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    throw new CliError(
      'usage',
      `${message.replace(/\.?$/, '.')} Run \`plafond ${command} --help\` for its options.`,
      { cause: error },
    )
  }
}

/** Whether the arguments ask for help (`--help` or `-h` before any `--`). */
export function wantsHelp(args: readonly string[]): boolean {
  const end = args.indexOf('--')
  return (end === -1 ? args : args.slice(0, end)).some((arg) => arg === '--help' || arg === '-h')
}

/** Reads a whole-number option, or says what was expected. */
export function integerOption(
  command: string,
  name: string,
  text: string | undefined,
  range: { readonly min: number; readonly max: number; readonly fallback: number },
): number {
  if (text === undefined) return range.fallback
  const value = /^\d+$/.test(text) ? Number(text) : Number.NaN
  if (!Number.isSafeInteger(value) || value < range.min || value > range.max) {
    throw new CliError(
      'usage',
      `Expected --${name} to be a whole number from ${range.min} to ${range.max}, found ${JSON.stringify(text)}. Run \`plafond ${command} --help\` for its options.`,
    )
  }
  return value
}
