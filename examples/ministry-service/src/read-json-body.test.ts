import { request as httpRequest } from 'node:http'
import { createLedger } from '@plafond/core'
import { describe, expect, it } from 'vitest'
import { encodeActor } from './encode-actor.js'
import { coordinator, TEST_CLOCK } from './test-support/ministry-fixture.js'
import { startService } from './test-support/running-service.js'

describe('readJsonBody, through the service: a body far past the limit', () => {
  it('is answered 413 and its connection closed, without reading it all', async () => {
    const small = await startService(createLedger({ clock: TEST_CLOCK }), { bodyLimitBytes: 1000 })
    try {
      const { port } = new URL(small.url)
      const answer = await new Promise<{ status: number; connection: string | undefined }>(
        (resolve, reject) => {
          const request = httpRequest({
            host: '127.0.0.1',
            port,
            method: 'POST',
            path: '/commands',
            headers: {
              'Content-Type': 'application/json',
              'X-Plafond-Actor': encodeActor(coordinator),
              'Transfer-Encoding': 'chunked',
            },
          })
          let sent = 0
          const chunk = 'x'.repeat(1000)
          const send = (): void => {
            if (sent >= 1000 || request.destroyed) return
            sent += 1
            request.write(chunk, () => setImmediate(send))
          }
          request.on('response', (response) => {
            response.resume()
            resolve({ status: response.statusCode!, connection: response.headers.connection })
            request.destroy()
          })
          request.on('error', reject)
          send()
        },
      )
      expect(answer).toEqual({ status: 413, connection: 'close' })
    } finally {
      await small.stop()
    }
  })
})
