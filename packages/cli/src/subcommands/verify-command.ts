import { CliError } from '../cli-error.js'
import type { CliIo } from '../cli-io.js'
import { parseSubcommandArgs } from '../parse-subcommand-args.js'
import { STORE_OPTION, STORE_OPTION_HELP, storeSpecFrom } from '../store/store-option.js'
import type { Subcommand } from '../subcommand.js'

const OPTIONS = {
  ...STORE_OPTION,
  checkpoint: { type: 'string' },
  'write-checkpoint': { type: 'string' },
  outcomes: { type: 'boolean' },
  json: { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
} as const

const HELP = `Usage: plafond verify [options]

Walks the whole log in position order and checks the hash chain, positions, stream versions and
every event's schema. Any change, removal, insertion or reordering of stored events is found, and
the first bad position is named with the reason. The store is opened read-only: verify never
creates or migrates a ledger.

A checkpoint is the head ({ position, hash }) of a log that verified, kept somewhere the
ledger's writers cannot reach. Checking against it also catches a log whose tail was rewritten
consistently, hashes included.

Options:
${STORE_OPTION_HELP}
  --checkpoint FILE        also check that the log still holds this checkpoint, unchanged
  --write-checkpoint FILE  when the log verifies, write its head to FILE as JSON:
                           { "position": "…", "hash": "…", "events": n, "verifiedAt": "…" }
                           (FILE may be the one given to --checkpoint: it is replaced)
  --outcomes               also check the command outcomes, which the chain does not cover: each
                           event's command must have a recorded outcome that names it (a deleted
                           outcome would let a resend be decided again); one lookup per command
  --json                   print the result as JSON on stdout
  -q, --quiet              no progress on stderr
  -h, --help               this help

Exit codes: 0 the log verifies, 1 it does not (position and reason printed), 2 usage, 3 the
checkpoint file is missing, invalid or cannot be written, 4 store unavailable or incompatible.

Examples:
  plafond verify
  plafond verify --store sqlite:ledger.db --write-checkpoint /mnt/vault/ledger.checkpoint.json
  plafond verify --store sqlite:ledger.db --checkpoint /mnt/vault/ledger.checkpoint.json
`

async function run(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseSubcommandArgs('verify', args, OPTIONS)
  if (positionals.length > 0) {
    throw new CliError(
      'usage',
      `Expected no argument after verify, found ${positionals.join(' ')}. Name the ledger with --store; run \`plafond verify --help\` for its usage.`,
    )
  }
  const spec = storeSpecFrom(values.store, io)
  // The work, and @plafond/core with it, loads only once the flags are known to be right.
  const { runVerify } = await import('../verify/run-verify.js')
  return runVerify(
    {
      spec,
      checkpoint: values.checkpoint,
      writeCheckpoint: values['write-checkpoint'],
      outcomes: values.outcomes === true,
      json: values.json === true,
      quiet: values.quiet === true,
    },
    io,
  )
}

/** `plafond verify`: checks the hash chain, and writes or checks a checkpoint. */
export const verifyCommand: Subcommand = {
  name: 'verify',
  synopsis: 'verify',
  summary: 'check the hash chain of the whole log; write or check a checkpoint',
  help: HELP,
  run,
}
