import type { CliIo } from '../cli-io.js'

/** A `CliIo` that keeps what a command printed, for tests that run `runCli` in process. */
export interface RecordingIo extends CliIo {
  /** Everything written to stdout so far. */
  readonly out: () => string
  /** Everything written to stderr so far. */
  readonly err: () => string
}

/** A recording `CliIo` in `cwd`, with `env` as the whole environment and no terminal. */
export function recordingIo(cwd: string, env: Readonly<Record<string, string>> = {}): RecordingIo {
  let out = ''
  let err = ''
  return {
    stdout: (text) => void (out += text),
    stderr: (text) => void (err += text),
    stderrIsTTY: false,
    env,
    cwd,
    onInterrupt: () => () => undefined,
    out: () => out,
    err: () => err,
  }
}
