import { CliError } from '../cli-error.js'
import type { CliIo } from '../cli-io.js'
import { parseSubcommandArgs } from '../parse-subcommand-args.js'
import { STORE_OPTION, STORE_OPTION_HELP } from '../store/store-option.js'
import type { Subcommand } from '../subcommand.js'

const OPTIONS = { ...STORE_OPTION, out: { type: 'string' } } as const

/** The open-data standards an export can follow (`DOMAIN.md`, "Open-data standards"). */
const STANDARDS = ['decp', 'ocds'] as const

const HELP = `Usage: plafond export decp|ocds [options]      (not available yet: needs @plafond/reporting)

Will export the framework and its call-offs as open data: DECP 2.0.3 (France's données
essentielles de la commande publique) or an OCDS 1.1.5 release package, valid against the
official schemas.

Options:
${STORE_OPTION_HELP}
  --out FILE           write to FILE instead of stdout
  -h, --help           this help

Exit codes: 2 until @plafond/reporting is wired in.
`

async function run(args: readonly string[], _io: CliIo): Promise<number> {
  const { positionals } = parseSubcommandArgs('export', args, OPTIONS)
  const standard = positionals[0]
  if (positionals.length !== 1 || !(STANDARDS as readonly string[]).includes(standard ?? '')) {
    throw new CliError(
      'usage',
      `Expected one standard, decp or ocds, found ${positionals.length === 0 ? 'none' : positionals.join(' ')}. Write \`plafond export decp\` or \`plafond export ocds\`.`,
    )
  }
  throw new CliError(
    'usage',
    `not available yet: needs @plafond/reporting, which this version of @plafond/cli does not include. The ${standard} export arrives with it.`,
  )
}

/** `plafond export decp|ocds`: reserved for the open-data exports of `@plafond/reporting`. */
export const exportCommand: Subcommand = {
  name: 'export',
  synopsis: 'export decp|ocds',
  summary: 'open-data exports, DECP 2.0.3 or OCDS 1.1.5 (not available yet)',
  help: HELP,
  run,
}
