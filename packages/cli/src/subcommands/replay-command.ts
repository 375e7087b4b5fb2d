import { CliError } from '../cli-error.js'
import type { CliIo } from '../cli-io.js'
import { integerOption, parseSubcommandArgs } from '../parse-subcommand-args.js'
import { STORE_OPTION, STORE_OPTION_HELP, storeSpecFrom } from '../store/store-option.js'
import type { Subcommand } from '../subcommand.js'

const OPTIONS = {
  ...STORE_OPTION,
  actor: { type: 'string' },
  'actor-file': { type: 'string' },
  'batch-size': { type: 'string' },
  strict: { type: 'boolean' },
  json: { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
} as const

/** Commands per `executeBatch`: one transaction and one disk sync each (group commit). */
const DEFAULT_BATCH_SIZE = 500

const HELP = `Usage: plafond replay FILE [options]

Replays the commands of FILE into the ledger, in order, group-committed in batches.

FILE is JSON Lines: one command per line, with the actor who issues it,
  {"actor":{"id":"dinum","roles":[{"role":"coordinator"}]},"command":{"type":"OpenFramework","commandId":"c1",…}}
Blank lines are skipped. A line without "actor" is invalid unless --actor or --actor-file
gives a default; a line's own actor always wins.

A FILE ending in .csv is a CSV of historical call-offs, modifications, invoices and payments,
in the column format of @plafond/reporting (its README; "," or ";" with decimal comma): each
row becomes one command, its actor following from its kind. Its command ids come from the
file's content, so replaying the same file again resumes too.

The whole file is checked first (JSON, actor, each command against its schema; each CSV row
against the column format). If any line is bad, every bad line is listed with its number and
nothing is written (exit 3). Commands the
ledger refuses by its rules (allocation_exceeded, forbidden, …) are not errors: they are
recorded, counted and listed by code.

A replay is resumable: each command's commandId is its idempotency key, so running the same
file again against the same store returns the first outcome of every command already recorded
("replayed") and writes only what is missing. Ctrl-C stops after the current batch.

Options:
${STORE_OPTION_HELP}
  --batch-size N       commands per transaction (default ${DEFAULT_BATCH_SIZE}, 1 to 100000)
  --actor JSON         the actor of lines that carry none, e.g. '{"id":"dinum","roles":[{"role":"coordinator"}]}'
  --actor-file FILE    the same, read from a JSON file
  --strict             exit 1 if any command of the file is refused (now or by an earlier run)
  --json               print the summary as JSON on stdout (counts, refusals, head)
  -q, --quiet          no progress on stderr
  -h, --help           this help

Progress goes to stderr: one updating line (count, rate, time left) on a terminal, a plain line
every 10 % otherwise. The summary goes to stdout.

Exit codes: 0 done (refusals included), 1 refusals with --strict, 2 usage, 3 invalid file
(nothing written), 4 store unavailable or incompatible (re-running is safe), 130 interrupted.

Examples:
  plafond replay history.jsonl
  plafond replay history.jsonl --store sqlite:ledger.db --batch-size 1000
  PLAFOND_STORE='postgres://plafond@db.internal/plafond?schema=ac_2025' plafond replay history.jsonl
  plafond replay commands.jsonl --store memory --strict     # a dry run: what would be refused?
  plafond replay history.csv --store sqlite:ledger.db
`

async function run(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseSubcommandArgs('replay', args, OPTIONS)
  if (positionals.length !== 1) {
    throw new CliError(
      'usage',
      `Expected one FILE of commands, found ${positionals.length === 0 ? 'none' : `${positionals.length} (${positionals.join(' ')})`}. Run \`plafond replay --help\` for its usage.`,
    )
  }
  const file = positionals[0]!
  const batchSize = integerOption('replay', 'batch-size', values['batch-size'], {
    min: 1,
    max: 100_000,
    fallback: DEFAULT_BATCH_SIZE,
  })
  const spec = storeSpecFrom(values.store, io)
  // The work, and @plafond/core with it, loads only once the flags are known to be right.
  const { runReplay } = await import('../replay/run-replay.js')
  return runReplay(
    {
      file,
      spec,
      batchSize,
      actor: values.actor,
      actorFile: values['actor-file'],
      csv: /\.csv$/i.test(file),
      strict: values.strict === true,
      json: values.json === true,
      quiet: values.quiet === true,
    },
    io,
  )
}

/** `plafond replay FILE`: imports commands from JSON Lines or CSV, resumably, with progress. */
export const replayCommand: Subcommand = {
  name: 'replay',
  synopsis: 'replay FILE',
  summary: 'replay the commands of a JSONL or CSV file into the ledger (checked first, resumable)',
  help: HELP,
  run,
}
