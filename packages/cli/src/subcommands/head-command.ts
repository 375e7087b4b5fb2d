import { CliError } from '../cli-error.js'
import type { CliIo } from '../cli-io.js'
import { EXIT_CODES } from '../exit-codes.js'
import { parseSubcommandArgs } from '../parse-subcommand-args.js'
import { STORE_OPTION, STORE_OPTION_HELP, storeSpecFrom } from '../store/store-option.js'
import type { Subcommand } from '../subcommand.js'

const HELP = `Usage: plafond head [options]

Prints the last event's position and hash as JSON, {"position":"…","hash":"…"}, or null when the
log is empty. It reads the store's head without verifying the log: for a checkpoint you can
trust, use \`plafond verify --write-checkpoint FILE\`, which writes the head only once the whole
log verified.

Options:
${STORE_OPTION_HELP}
  -h, --help           this help

Exit codes: 0 printed, 2 usage, 4 store unavailable or incompatible.
`

async function run(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseSubcommandArgs('head', args, STORE_OPTION)
  if (positionals.length > 0) {
    throw new CliError(
      'usage',
      `Expected no argument after head, found ${positionals.join(' ')}. Name the ledger with --store.`,
    )
  }
  const spec = storeSpecFrom(values.store, io)
  const { openStore } = await import('../store/open-store.js')
  const store = await openStore(spec, 'read')
  try {
    const head = await store.head()
    io.stdout(
      `${JSON.stringify(head === undefined ? null : { position: head.position, hash: head.hash })}\n`,
    )
    return EXIT_CODES.ok.code
  } finally {
    await store.close()
  }
}

/** `plafond head`: the last position and hash, unverified. */
export const headCommand: Subcommand = {
  name: 'head',
  synopsis: 'head',
  summary: "print the log's last position and hash as JSON (unverified)",
  help: HELP,
  run,
}
