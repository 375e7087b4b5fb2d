import { exportCommand } from './subcommands/export-command.js'
import { headCommand } from './subcommands/head-command.js'
import { replayCommand } from './subcommands/replay-command.js'
import { reportCommand } from './subcommands/report-command.js'
import { verifyCommand } from './subcommands/verify-command.js'
import type { Subcommand } from './subcommand.js'

/** Every `plafond` subcommand, in the order `plafond --help` lists them. */
export const SUBCOMMANDS: readonly Subcommand[] = [
  replayCommand,
  verifyCommand,
  headCommand,
  reportCommand,
  exportCommand,
]
