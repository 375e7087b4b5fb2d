import type { LedgerErrorCode } from '@plafond/core'
import { CliError } from './cli-error.js'
import type { CliIo } from './cli-io.js'
import { EXIT_CODES, type ExitCodeName } from './exit-codes.js'

/** What the CLI adds to a `LedgerError`'s own message: the exit code, and what to do from a shell. */
function ledgerAdvice(code: LedgerErrorCode): {
  readonly exit: ExitCodeName
  readonly todo: string
} {
  switch (code) {
    case 'STORE_UNAVAILABLE':
      return {
        exit: 'store',
        todo: 'Check that the store named by --store (or PLAFOND_STORE) is reachable and writable, then run the same command again: commands already recorded are replayed, not written twice.',
      }
    case 'INCOMPATIBLE_STORE':
      return {
        exit: 'store',
        todo: 'Point --store at a Plafond ledger (sqlite:PATH or postgres://…?schema=NAME), or upgrade @plafond/cli if a newer Plafond wrote it.',
      }
    case 'CONCURRENCY_CONFLICT':
      return {
        exit: 'store',
        todo: 'Other writers kept changing the same framework. Run the same command again: it is safe.',
      }
    case 'CORRUPT_LOG':
    case 'INVALID_EVENT':
      return {
        exit: 'store',
        todo: 'Run `plafond verify` on this store to find the first bad position, and restore the ledger from a backup taken before it.',
      }
    case 'INVALID_ARGUMENT':
      return {
        exit: 'usage',
        todo: 'Check the options, --store in particular (a PostgreSQL schema is lower-case letters, digits and _).',
      }
    case 'STORE_CLOSED':
      return {
        exit: 'internal',
        todo: 'This is a bug in plafond: please report it with the command you ran.',
      }
  }
}

/**
 * Prints a failure on stderr the way the user can act on it and returns the exit code: a
 * `CliError` as it is, a `LedgerError` with its code and advice, anything else as a bug.
 */
export async function printError(error: unknown, io: CliIo, command?: string): Promise<number> {
  const prefix = command === undefined ? 'plafond' : `plafond ${command}`
  if (error instanceof CliError) {
    io.stderr(`${prefix}: ${error.message}\n`)
    return error.exitCode
  }
  // Only a store or the ledger throws a LedgerError, so core is loaded already when one comes.
  if (error instanceof Error && error.name === 'LedgerError') {
    const { isLedgerError } = await import('@plafond/core')
    if (isLedgerError(error)) {
      const advice = ledgerAdvice(error.code)
      const cause =
        error.cause instanceof Error ? `\n  cause: ${error.cause.message.split('\n')[0]}` : ''
      io.stderr(`${prefix}: ${error.message} (${error.code})${cause}\n  ${advice.todo}\n`)
      return EXIT_CODES[advice.exit].code
    }
  }
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error)
  io.stderr(
    `${prefix}: unexpected error: ${detail}\nThis is a bug in plafond: please report it with the command you ran and this message.\n`,
  )
  return EXIT_CODES.internal.code
}
