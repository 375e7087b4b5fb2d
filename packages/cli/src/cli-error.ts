import { EXIT_CODES, type ExitCodeName } from './exit-codes.js'

/**
 * A failure the user can fix: a bad flag, a missing or invalid file, a store that is not there.
 * Its message says what was expected, what was found and what to do; `plafond` prints it and
 * exits with the code named by `exit`.
 */
export class CliError extends Error {
  override readonly name = 'CliError'
  /** Which exit code the failure maps to. */
  readonly exit: Exclude<ExitCodeName, 'ok'>

  constructor(exit: Exclude<ExitCodeName, 'ok'>, message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.exit = exit
  }

  /** The number the process exits with. */
  get exitCode(): number {
    return EXIT_CODES[this.exit].code
  }
}
