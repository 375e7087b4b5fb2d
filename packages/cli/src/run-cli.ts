import packageJson from '../package.json' with { type: 'json' }
import { CliError } from './cli-error.js'
import { cliHelp } from './cli-help.js'
import type { CliIo } from './cli-io.js'
import { EXIT_CODES } from './exit-codes.js'
import { wantsHelp } from './parse-subcommand-args.js'
import { printError } from './print-error.js'
import { SUBCOMMANDS } from './subcommand-table.js'

const NAMES = SUBCOMMANDS.map((command) => command.name).join(', ')

function unknown(word: string): CliError {
  if (word.startsWith('-')) {
    return new CliError(
      'usage',
      `Expected a command (${NAMES}) before any option, found ${word}. Options go after the command, as in \`plafond verify --store sqlite:ledger.db\`; run \`plafond --help\`.`,
    )
  }
  return new CliError(
    'usage',
    `Expected a command, one of ${NAMES}; found ${JSON.stringify(word)}. Run \`plafond --help\`.`,
  )
}

/**
 * Runs `plafond` with its arguments (without `node` and the script) and resolves to the exit
 * code. Every failure is printed here, once, by `printError`.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [first, ...rest] = argv
  const help = cliHelp(SUBCOMMANDS, packageJson.version)
  if (first === undefined) {
    io.stderr(help)
    return EXIT_CODES.usage.code
  }
  if (first === '--help' || first === '-h') {
    io.stdout(help)
    return EXIT_CODES.ok.code
  }
  if (first === '--version' || first === '-V') {
    io.stdout(`${packageJson.version}\n`)
    return EXIT_CODES.ok.code
  }
  if (first === 'help') {
    const topic = SUBCOMMANDS.find((command) => command.name === rest[0])
    if (rest[0] !== undefined && topic === undefined) return await printError(unknown(rest[0]), io)
    io.stdout(topic?.help ?? help)
    return EXIT_CODES.ok.code
  }
  const subcommand = SUBCOMMANDS.find((command) => command.name === first)
  if (subcommand === undefined) return await printError(unknown(first), io)
  if (wantsHelp(rest)) {
    io.stdout(subcommand.help)
    return EXIT_CODES.ok.code
  }
  try {
    return await subcommand.run(rest, io)
  } catch (error) {
    return await printError(error, io, subcommand.name)
  }
}
