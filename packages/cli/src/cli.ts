import { processIo } from './process-io.js'
import { runCli } from './run-cli.js'

// The `plafond` executable. The exit code is set rather than forced, so output is flushed first.
process.exitCode = await runCli(process.argv.slice(2), processIo())
