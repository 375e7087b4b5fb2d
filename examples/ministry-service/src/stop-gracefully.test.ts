import { request as httpRequest } from 'node:http'
import { createLedger, isLedgerError } from '@plafond/core'
import { createSqliteStore } from '@plafond/store-sqlite'
import { afterAll, describe, expect, it } from 'vitest'
import { encodeActor } from './encode-actor.js'
import { stopGracefully } from './stop-gracefully.js'
import { coordinator, openingCommands, TEST_CLOCK } from './test-support/ministry-fixture.js'
import { startService } from './test-support/running-service.js'
import { temporaryDirectory } from './test-support/temporary-directory.js'

const directory = temporaryDirectory('stop')
afterAll(() => directory.remove())

describe('stopGracefully', () => {
  it('lets a request in progress finish, refuses new connections, then closes the ledger', async () => {
    const ledger = createLedger({
      store: createSqliteStore({ path: directory.file('ministry.db') }),
      clock: TEST_CLOCK,
    })
    const service = await startService(ledger)
    const body = JSON.stringify(openingCommands('100000')[0])
    const { port } = new URL(service.url)

    // A request whose body is still on its way when the stop begins.
    let sendRest = (): void => undefined
    const answered = new Promise<{ status: number; connection: string | undefined }>(
      (resolve, reject) => {
        const request = httpRequest({
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: '/commands',
          headers: {
            'Content-Type': 'application/json',
            'Content-Length': Buffer.byteLength(body),
            'X-Plafond-Actor': encodeActor(coordinator),
          },
        })
        request.on('response', (response) => {
          response.resume()
          resolve({ status: response.statusCode!, connection: response.headers.connection })
        })
        request.on('error', reject)
        request.write(body.slice(0, 10))
        sendRest = () => request.end(body.slice(10))
      },
    )
    await new Promise<void>((resolve) => service.server.once('request', () => resolve()))

    const stopped = stopGracefully(service.server, ledger, { graceMs: 5_000 })
    await expect(fetch(`${service.url}/health`)).rejects.toThrow()
    sendRest()

    expect(await answered).toEqual({ status: 201, connection: 'close' })
    await stopped
    expect(service.server.listening).toBe(false)
    const closed = await ledger.head().then(
      () => undefined,
      (error: unknown) => error,
    )
    expect(isLedgerError(closed, 'STORE_CLOSED')).toBe(true)

    const reopened = createLedger({
      store: createSqliteStore({ path: directory.file('ministry.db') }),
    })
    expect(await reopened.verify()).toMatchObject({ ok: true, events: 1 })
    await reopened.close()
  })

  it('cuts connections still open after the grace period, and closes the ledger anyway', async () => {
    const ledger = createLedger({ clock: TEST_CLOCK })
    const service = await startService(ledger)
    const { port } = new URL(service.url)
    const cut = new Promise<Error>((resolve) => {
      const request = httpRequest({
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/commands',
        headers: {
          'Content-Type': 'application/json',
          'Content-Length': 100,
          'X-Plafond-Actor': encodeActor(coordinator),
        },
      })
      request.on('error', resolve)
      request.write('{')
    })
    await new Promise<void>((resolve) => service.server.once('request', () => resolve()))

    const started = Date.now()
    await stopGracefully(service.server, ledger, { graceMs: 200 })

    expect(Date.now() - started).toBeGreaterThanOrEqual(150)
    expect((await cut).message).toMatch(/socket hang up|ECONNRESET/)
    await expect(ledger.head()).rejects.toMatchObject({ code: 'STORE_CLOSED' })
  })
})
