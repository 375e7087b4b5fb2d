import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Actor, Ledger } from '@plafond/core'
import { createService, type ServiceOptions } from '../create-service.js'
import { encodeActor } from '../encode-actor.js'
import type { ServiceLogEntry } from '../service-log.js'

/** What a request to the service got back. */
export interface Answer {
  readonly status: number
  readonly headers: Headers
  /** The parsed JSON body (every answer of the service is a JSON object). */
  readonly body: Readonly<Record<string, unknown>>
}

/** A request to the service. */
export interface Call {
  /** Sent as `X-Plafond-Actor`. */
  readonly actor?: Actor
  /** Sent as JSON; a string is sent as it is. */
  readonly body?: unknown
  /** Extra headers; `Content-Type: application/json` is set when there is a body. */
  readonly headers?: Readonly<Record<string, string>>
}

/** The service listening on a free port of 127.0.0.1, for one test file. */
export interface RunningService {
  readonly server: Server
  readonly url: string
  /** What the service logged. */
  readonly logged: readonly ServiceLogEntry[]
  /** Sends a request and reads the JSON answer. */
  call(method: string, path: string, call?: Call): Promise<Answer>
  /** Stops listening and cuts open connections; the ledger stays open. */
  stop(): Promise<void>
}

/** Starts `createService(ledger)` on port 0 and says where it listens. */
export async function startService(
  ledger: Ledger,
  options: Omit<ServiceOptions, 'log'> = {},
): Promise<RunningService> {
  const logged: ServiceLogEntry[] = []
  const server = createService(ledger, { ...options, log: (entry) => logged.push(entry) })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    server,
    url,
    logged,
    async call(method, path, call = {}) {
      const body =
        call.body === undefined || typeof call.body === 'string'
          ? call.body
          : JSON.stringify(call.body)
      const response = await fetch(`${url}${path}`, {
        method,
        headers: {
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
          ...(call.actor === undefined ? {} : { 'X-Plafond-Actor': encodeActor(call.actor) }),
          ...call.headers,
        },
        ...(body === undefined ? {} : { body }),
      })
      const text = await response.text()
      return {
        status: response.status,
        headers: response.headers,
        body: JSON.parse(text) as Readonly<Record<string, unknown>>,
      }
    },
    async stop() {
      const closed = new Promise((resolve) => server.close(resolve))
      server.closeAllConnections()
      await closed
    },
  }
}
