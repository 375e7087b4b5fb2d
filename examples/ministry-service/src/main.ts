import type { AddressInfo } from 'node:net'
import type { Ledger } from '@plafond/core'
import { createService } from './create-service.js'
import { openLedger } from './open-ledger.js'
import { describeStore, readServiceConfig, type ServiceConfig } from './service-config.js'
import { logToStderr } from './service-log.js'
import { stopGracefully } from './stop-gracefully.js'

// `pnpm --filter @plafond/example-ministry-service start`: reads the configuration from the
// environment (README, "Configuration"), opens the ledger, listens, and on SIGTERM or SIGINT
// stops accepting, lets requests in progress finish and closes the ledger.

function fail(message: string, error: unknown): never {
  logToStderr({
    level: 'error',
    message: `${message}: ${error instanceof Error ? error.message : String(error)}`,
  })
  process.exit(1)
}

let config: ServiceConfig
let ledger: Ledger
try {
  config = readServiceConfig(process.env)
} catch (error) {
  fail('The configuration is invalid', error)
}
try {
  ledger = await openLedger(config.store)
} catch (error) {
  fail(`Cannot open the ledger at ${describeStore(config.store)}`, error)
}
const server = createService(ledger, { log: logToStderr })

server.on('error', (error) => {
  void ledger.close().finally(() => fail(`Cannot listen on ${config.host}:${config.port}`, error))
})
server.listen(config.port, config.host, () => {
  const { address, port } = server.address() as AddressInfo
  const url = `http://${address.includes(':') ? `[${address}]` : address}:${port}`
  logToStderr({
    level: 'info',
    message: `Listening on ${url}`,
    url,
    store: describeStore(config.store),
  })
})

let stopping = false
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (stopping) {
      // A second signal: the operator does not want to wait.
      logToStderr({ level: 'info', message: `${signal} again: exiting now.` })
      process.exit(1)
    }
    stopping = true
    logToStderr({ level: 'info', message: `${signal}: finishing the requests in progress.` })
    stopGracefully(server, ledger).then(
      () => logToStderr({ level: 'info', message: 'Stopped; the ledger is closed.' }),
      (error: unknown) => fail('Stopping failed', error),
    )
  })
}
