import { CliError } from '../cli-error.js'
import type { CliIo } from '../cli-io.js'
import { exitCodeTable } from '../exit-codes.js'
import { choiceOption, dateOption, instantOption } from '../option-values.js'
import { parseSubcommandArgs } from '../parse-subcommand-args.js'
import { STORE_OPTION, STORE_OPTION_HELP, storeSpecFrom } from '../store/store-option.js'
import type { Subcommand } from '../subcommand.js'

const OPTIONS = {
  ...STORE_OPTION,
  format: { type: 'string' },
  'as-of': { type: 'string' },
  'as-known-at': { type: 'string' },
  today: { type: 'string' },
  framework: { type: 'string' },
  title: { type: 'string' },
  notice: { type: 'string' },
  locale: { type: 'string' },
  out: { type: 'string' },
} as const

const FORMATS = ['html', 'md', 'csv', 'json'] as const

const HELP = `Usage: plafond report [options]

Reports on the framework agreement of the ledger, folded from its events by the standard
projections: overview (maximum, estimate, allocated, committed, certified, invoiced, paid,
headroom), beneficiaries, holders and concentration, budget years (AE / CP), months, call-offs
and their drift, products, alerts, payment delays and the forecast.

  html   one self-contained page (inline SVG charts, no network), in French, prints on A4
  md     Markdown, for a README or a ticket
  json   { overview, beneficiaries, holders, budgetYears, alerts, forecast, … }, amounts as
         decimal strings
  csv    one RFC 4180 file per view in the directory --out (--locale fr: ";" and decimal comma)

Options:
${STORE_OPTION_HELP}
  --format FORMAT      html, md, csv or json; by default taken from the extension of --out
                       (.html, .md, .json), else json
  --out FILE           write to FILE (its directory is created) instead of stdout;
                       with --format csv, the directory to write the files into (required)
  --as-of DATE         count only what took effect by this business date (YYYY-MM-DD)
  --as-known-at TIME   count only what was recorded by this instant (ISO-8601 with offset):
                       what the ledger said then, before later corrections
  --today DATE         the day the forecast counts from (default: today in Paris)
  --framework ID       the framework to report on, when the ledger holds several
  --title TEXT         the report's title (default: the framework's title)
  --notice TEXT        a notice every format shows prominently (e.g. "Données synthétiques")
  --locale en|fr       CSV only: en (default) RFC 4180 with "," and "."; fr with ";", decimal
                       comma and French headers, for a spreadsheet in French
  -h, --help           this help

The store is opened read-only. The report trusts the log as stored: check it with
\`plafond verify\` first when that matters.

Exit codes:
${exitCodeTable()}

Examples:
  plafond report --store sqlite:ledger.db --out report.html
  plafond report --format md --as-of 2024-12-31 > report-2024.md
  plafond report --format csv --locale fr --out rapport-csv
  plafond report --format json | jq .overview
`

async function run(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseSubcommandArgs('report', args, OPTIONS)
  if (positionals.length > 0) {
    throw new CliError(
      'usage',
      `Expected no argument after report, found ${positionals.join(' ')}. Name the ledger with --store and the file with --out.`,
    )
  }
  const format = choiceOption('report', 'format', values.format, FORMATS)
  const request = {
    spec: storeSpecFrom(values.store, io),
    out: values.out,
    asOf: dateOption('report', 'as-of', values['as-of']),
    asKnownAt: instantOption('report', 'as-known-at', values['as-known-at']),
    today: dateOption('report', 'today', values.today),
    frameworkId: values.framework,
    title: values.title,
    notice: values.notice,
    locale: choiceOption('report', 'locale', values.locale, ['en', 'fr'] as const) ?? 'en',
  }
  // The work, and the reporting package with it, loads only once the flags are known to be right.
  const { runReport, reportFormatFor } = await import('../report/run-report.js')
  return runReport({ ...request, format: reportFormatFor(format, values.out) }, io)
}

/** `plafond report`: the state of the framework as HTML, Markdown, CSV or JSON. */
export const reportCommand: Subcommand = {
  name: 'report',
  synopsis: 'report',
  summary: 'report on the framework: html, md, csv or json, as of a date',
  help: HELP,
  run,
}
