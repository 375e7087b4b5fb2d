import type { CliIo } from './cli-io.js'

/**
 * One `plafond <name>` command, in a file of its own under `subcommands/`. Adding one is that
 * file plus a line in `subcommand-table.ts`.
 */
export interface Subcommand {
  /** The word after `plafond`. */
  readonly name: string
  /** How it is called, for the list in `plafond --help` (`replay FILE`). */
  readonly synopsis: string
  /** What it does, in one line. */
  readonly summary: string
  /** The whole text of `plafond <name> --help`. */
  readonly help: string
  /**
   * Runs with the arguments that follow the name and resolves to the exit code. Failures the user
   * can fix are thrown as `CliError` (or `LedgerError` from a store); `run-cli` prints them.
   */
  run(args: readonly string[], io: CliIo): Promise<number>
}
