import { CliError } from '../cli-error.js'
import type { CliIo } from '../cli-io.js'
import { exitCodeTable } from '../exit-codes.js'
import { dateOption } from '../option-values.js'
import { parseSubcommandArgs } from '../parse-subcommand-args.js'
import { STORE_OPTION, STORE_OPTION_HELP, storeSpecFrom } from '../store/store-option.js'
import type { Subcommand } from '../subcommand.js'

const OPTIONS = {
  ...STORE_OPTION,
  out: { type: 'string' },
  'published-on': { type: 'string' },
  'ocid-prefix': { type: 'string' },
} as const

const HELP = `Usage: plafond export decp|ocds [options]

Exports the framework agreements of the ledger and their call-offs as open data, as JSON:

  decp   DECP 2.0.3, France's données essentielles de la commande publique: the framework and
         every subsequent contract, each modification as new totals with increasing ids
  ocds   an OCDS 1.1.5 release package: the framework's ocid, call-offs linked by
         relatedProcesses, payments as implementation transactions, modifications as
         amendments, parties with their roles

Both are valid against the official schemas (the tests of @plafond/reporting check it).

Options:
${STORE_OPTION_HELP}
  --out FILE           write to FILE (its directory is created) instead of stdout
  --published-on DATE  decp: datePublicationDonnees, YYYY-MM-DD (default: today in Paris);
                       it must not be before the latest notification it publishes
  --ocid-prefix P      ocds: your publisher's registered prefix, e.g. ocds-a1b2c3- (without
                       it, a placeholder registered to no one is used, with a warning)
  -h, --help           this help

The store is opened read-only.

Exit codes:
${exitCodeTable()}

Examples:
  plafond export decp --store sqlite:ledger.db --out decp.json
  plafond export ocds --ocid-prefix ocds-a1b2c3- --out ocds.json
`

const OCID_PREFIX = /^ocds-[a-z0-9]{6}-$/

async function run(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseSubcommandArgs('export', args, OPTIONS)
  const standard = positionals[0]
  if (positionals.length !== 1 || (standard !== 'decp' && standard !== 'ocds')) {
    throw new CliError(
      'usage',
      `Expected one standard, decp or ocds, found ${positionals.length === 0 ? 'none' : positionals.join(' ')}. Write \`plafond export decp\` or \`plafond export ocds\`.`,
    )
  }
  const ocidPrefix = values['ocid-prefix']
  if (ocidPrefix !== undefined && !OCID_PREFIX.test(ocidPrefix)) {
    throw new CliError(
      'usage',
      `Expected --ocid-prefix to be "ocds-", six lowercase letters or digits and "-" (e.g. ocds-a1b2c3-), found ${JSON.stringify(ocidPrefix)}. Use the prefix registered for your publisher.`,
    )
  }
  const request = {
    standard,
    spec: storeSpecFrom(values.store, io),
    out: values.out,
    publishedOn: dateOption('export', 'published-on', values['published-on']),
    ocidPrefix,
  } as const
  const { runExport } = await import('../export/run-export.js')
  return runExport(request, io)
}

/** `plafond export decp|ocds`: the open-data exports of `@plafond/reporting`. */
export const exportCommand: Subcommand = {
  name: 'export',
  synopsis: 'export decp|ocds',
  summary: 'open-data exports: DECP 2.0.3 or OCDS 1.1.5 release package',
  help: HELP,
  run,
}
