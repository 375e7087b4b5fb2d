import {
  createInMemoryStore,
  createLedger,
  LedgerError,
  type EventStore,
  type Ledger,
} from '@plafond/core'
import { describe, expect, it } from 'vitest'
import { coordinator, openingCommands, TEST_CLOCK } from './test-support/ministry-fixture.js'
import { startService, type RunningService } from './test-support/running-service.js'

describe('replyForError, through the service', () => {
  /** A service over an in-memory ledger whose store's append throws `failure`. */
  async function failingService(
    failure: Error,
  ): Promise<{ service: RunningService; ledger: Ledger }> {
    const store = createInMemoryStore()
    const broken: EventStore = {
      ...store,
      append: async () => {
        throw failure
      },
    }
    const failing = createLedger({ store: broken, clock: TEST_CLOCK, maxAttempts: 2 })
    return { service: await startService(failing), ledger: failing }
  }

  const open = openingCommands('100000')[0]!

  it.each([
    ['STORE_UNAVAILABLE', '5'],
    ['CONCURRENCY_CONFLICT', '1'],
  ] as const)('answers 503 with Retry-After to %s', async (code, retryAfter) => {
    const { service: failing, ledger: failed } = await failingService(
      new LedgerError(code, 'connect ECONNREFUSED 10.0.0.7:5432'),
    )
    try {
      const answer = await failing.call('POST', '/commands', { actor: coordinator, body: open })
      expect(answer.status).toBe(503)
      expect(answer.headers.get('Retry-After')).toBe(retryAfter)
      expect(answer.body).toMatchObject({ code, retryAfterSeconds: Number(retryAfter) })
      expect(JSON.stringify(answer.body)).not.toContain('10.0.0.7')
    } finally {
      await failing.stop()
      await failed.close()
    }
  })

  it('answers 500 without a stack or the error’s text, and logs both under the errorId it gives', async () => {
    const { service: failing, ledger: failed } = await failingService(
      new Error('disk full at /var/lib/plafond/ministry.db'),
    )
    try {
      const answer = await failing.call('POST', '/commands', { actor: coordinator, body: open })
      expect(answer.status).toBe(500)
      expect(answer.body).toMatchObject({ code: 'internal_error' })
      const text = JSON.stringify(answer.body)
      expect(text).not.toContain('/var/lib')
      expect(text).not.toContain('    at ')
      const entry = failing.logged.find((logged) => logged.errorId === answer.body.errorId)
      expect(JSON.stringify(entry)).toContain('disk full at /var/lib/plafond/ministry.db')
      expect(JSON.stringify(entry)).toContain('    at ')
    } finally {
      await failing.stop()
      await failed.close()
    }
  })
})
