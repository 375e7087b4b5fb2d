import { exitCodeTable } from './exit-codes.js'
import { STORE_OPTION_HELP } from './store/store-option.js'
import type { Subcommand } from './subcommand.js'

/** The text of `plafond --help`: the subcommands, `--store`, and the exit codes. */
export function cliHelp(subcommands: readonly Subcommand[], version: string): string {
  const width = Math.max(...subcommands.map((command) => command.synopsis.length))
  const list = subcommands
    .map((command) => `  ${command.synopsis.padEnd(width)}  ${command.summary}`)
    .join('\n')
  return `plafond ${version}: the books of a French public framework agreement (accord-cadre),
as an event-sourced, tamper-evident ledger.

Usage: plafond <command> [options]
       plafond <command> --help     options and examples of one command
       plafond --version

Commands:
${list}

Options of the commands that open a ledger:
${STORE_OPTION_HELP}

Exit codes:
${exitCodeTable()}

Example:
  plafond replay history.jsonl --store sqlite:ledger.db && plafond verify --store sqlite:ledger.db
`
}
