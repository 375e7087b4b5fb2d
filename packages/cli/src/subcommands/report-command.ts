import { CliError } from '../cli-error.js'
import type { CliIo } from '../cli-io.js'
import { parseSubcommandArgs } from '../parse-subcommand-args.js'
import { STORE_OPTION, STORE_OPTION_HELP } from '../store/store-option.js'
import type { Subcommand } from '../subcommand.js'

const OPTIONS = {
  ...STORE_OPTION,
  format: { type: 'string' },
  'as-of': { type: 'string' },
  out: { type: 'string' },
} as const

const HELP = `Usage: plafond report [options]      (not available yet: needs @plafond/reporting)

Will print the state of the framework agreement: overview (maximum, estimate, allocated,
committed, certified, paid), beneficiaries, holders, budget years, alerts and forecast.

Options:
${STORE_OPTION_HELP}
  --format html|md|csv|json
  --as-of DATE         the state as of a business date (YYYY-MM-DD)
  --out FILE           write to FILE instead of stdout
  -h, --help           this help

Exit codes: 2 until @plafond/reporting is wired in.
`

async function run(args: readonly string[], _io: CliIo): Promise<number> {
  parseSubcommandArgs('report', args, OPTIONS)
  throw new CliError(
    'usage',
    'not available yet: needs @plafond/reporting, which this version of @plafond/cli does not include. Meanwhile `plafond verify` checks the ledger.',
  )
}

/** `plafond report`: reserved for the reports of `@plafond/reporting`. */
export const reportCommand: Subcommand = {
  name: 'report',
  synopsis: 'report',
  summary: 'reports in html, md, csv or json (not available yet)',
  help: HELP,
  run,
}
