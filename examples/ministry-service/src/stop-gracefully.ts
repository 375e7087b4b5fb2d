import type { Server } from 'node:http'
import type { Ledger } from '@plafond/core'

/** Options of `stopGracefully`. */
export interface StopOptions {
  /** How long requests in progress may take to finish before their connections are cut; 10 000 ms by default. */
  readonly graceMs?: number
}

/**
 * Stops the service without cutting a command in half: stops accepting connections, closes idle
 * keep-alive ones, lets the requests in progress finish (their connections close after the
 * answer), then closes the ledger. Past `graceMs`, the remaining connections are cut; a command
 * that was cut is either committed or not, never half-written, and its client retries it with
 * the same `commandId`.
 */
export async function stopGracefully(
  server: Server,
  ledger: Ledger,
  options: StopOptions = {},
): Promise<void> {
  const closed = new Promise<void>((resolve) => {
    server.close(() => resolve())
  })
  server.closeIdleConnections()
  const timer = setTimeout(() => server.closeAllConnections(), options.graceMs ?? 10_000)
  try {
    await closed
  } finally {
    clearTimeout(timer)
    await ledger.close()
  }
}
