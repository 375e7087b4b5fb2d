import { EXIT_CODES } from './exit-codes.js'
import type { CliIo } from './cli-io.js'

const SIGNALS = ['SIGINT', 'SIGTERM'] as const

/** The `CliIo` of the running process. */
export function processIo(): CliIo {
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    stderrIsTTY: process.stderr.isTTY === true,
    env: process.env,
    cwd: process.cwd(),
    onInterrupt(listener) {
      let signalled = false
      const handler = (): void => {
        // A second Ctrl-C means "now": the store's transaction makes that safe too.
        if (signalled) process.exit(EXIT_CODES.interrupted.code)
        signalled = true
        listener()
      }
      for (const signal of SIGNALS) process.on(signal, handler)
      return () => {
        for (const signal of SIGNALS) process.off(signal, handler)
      }
    },
  }
}
