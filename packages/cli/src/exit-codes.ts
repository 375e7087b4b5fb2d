/**
 * The exit codes of `plafond`, with what each means: the one table that `plafond --help` and the
 * README print, so that scripts can tell a refused command from a broken store.
 */
export const EXIT_CODES = {
  ok: {
    code: 0,
    meaning: 'done; with replay, refused commands are counted and listed, not errors',
  },
  failed: {
    code: 1,
    meaning: 'verify found the log altered; or replay --strict saw a refused command',
  },
  usage: {
    code: 2,
    meaning:
      'bad flags or option values (including a framework or date that does not fit the ledger), or an unknown command',
  },
  invalidInput: {
    code: 3,
    meaning:
      'a file named on the command line is missing, invalid (every bad line listed) or cannot be written; the store was not written',
  },
  store: {
    code: 4,
    meaning: 'the store is unavailable, incompatible or damaged; re-running is safe',
  },
  internal: { code: 5, meaning: 'an unexpected error: a bug in plafond; please report it' },
  interrupted: {
    code: 130,
    meaning: 'interrupted (Ctrl-C); a replay stops after its current batch: re-run to resume',
  },
} as const

/** The name of an exit code, as in `EXIT_CODES`. */
export type ExitCodeName = keyof typeof EXIT_CODES

/** The exit codes as the help text shows them: one line each. */
export function exitCodeTable(): string {
  return Object.values(EXIT_CODES)
    .map(({ code, meaning }) => `  ${String(code).padStart(3)}  ${meaning}`)
    .join('\n')
}
