/**
 * What a subcommand may touch of the outside world. `cli.ts` wires it to the process; keeping it
 * in one place means no subcommand reaches for `process` on its own.
 */
export interface CliIo {
  /** Writes the result of the command (text or JSON). */
  readonly stdout: (text: string) => void
  /** Writes progress, warnings and errors. */
  readonly stderr: (text: string) => void
  /** Whether stderr is a terminal: progress is then one line that updates itself. */
  readonly stderrIsTTY: boolean
  /** The environment (`PLAFOND_STORE`). */
  readonly env: Readonly<Record<string, string | undefined>>
  /** The directory relative paths are resolved against. */
  readonly cwd: string
  /**
   * Asks to be told of Ctrl-C (SIGINT) or SIGTERM instead of the process ending at once; a second
   * signal still ends it. Returns the function that removes the listener.
   */
  onInterrupt(listener: () => void): () => void
}
