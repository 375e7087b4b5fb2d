import {
  createInMemoryStore,
  createLedger,
  type EventStore,
  type Ledger,
  type LedgerEvent,
} from '@plafond/core'
import { createSqliteStore } from '@plafond/store-sqlite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { encodeActor } from './encode-actor.js'
import {
  auditor,
  awardCommand,
  buyer,
  coordinator,
  FRAMEWORK_ID,
  MINISTRY,
  openingCommands,
  otherBuyer,
  TEST_CLOCK,
} from './test-support/ministry-fixture.js'
import { startService, type RunningService } from './test-support/running-service.js'
import { temporaryDirectory } from './test-support/temporary-directory.js'

const directory = temporaryDirectory('service')
let ledger: Ledger
let service: RunningService
let appends = 0

/**
 * Counts committed appends, to tell how many transactions a request made (an append refused for
 * a conflict, which the ledger retries, wrote nothing and is not counted).
 */
function counting(store: EventStore): EventStore {
  return {
    ...store,
    append: async (writes, options) => {
      const result = await store.append(writes, options)
      appends += 1
      return result
    },
  }
}

beforeAll(async () => {
  const store = createSqliteStore({ path: directory.file('ministry.db'), synchronous: 'NORMAL' })
  ledger = createLedger({ store: counting(store), clock: TEST_CLOCK })
  service = await startService(ledger)
  for (const command of openingCommands('100000')) {
    const opened = await service.call('POST', '/commands', { actor: coordinator, body: command })
    expect(opened.status).toBe(201)
  }
})

afterAll(async () => {
  await service.stop()
  await ledger.close()
  directory.remove()
})

describe('POST /commands', () => {
  it('answers 201 with the events a command wrote', async () => {
    const answer = await service.call('POST', '/commands', {
      actor: buyer,
      body: awardCommand('C-201', '1000'),
    })
    expect(answer.status).toBe(201)
    expect(answer.headers.get('Idempotent-Replayed')).toBe('false')
    expect(answer.headers.get('Content-Type')).toBe('application/json; charset=utf-8')
    const events = answer.body.events as LedgerEvent[]
    expect(events.map((event) => event.type)).toEqual(['ContractAwarded', 'CommitmentAwarded'])
    expect(events.every((event) => event.meta.actorId === buyer.id)).toBe(true)
    expect(answer.body.replayed).toBe(false)
  })

  it('takes the commandId from Idempotency-Key when the body has none, bare or quoted, and replays it with 200', async () => {
    const { commandId: _, ...body } = awardCommand('C-key', '1000')
    const first = await service.call('POST', '/commands', {
      actor: buyer,
      body,
      headers: { 'Idempotency-Key': 'award:C-key' },
    })
    expect(first.status).toBe(201)
    const events = first.body.events as LedgerEvent[]
    expect(events.every((event) => event.meta.commandId === 'award:C-key')).toBe(true)
    const head = await ledger.head()

    const quoted = await service.call('POST', '/commands', {
      actor: buyer,
      body,
      headers: { 'Idempotency-Key': '"award:C-key"' },
    })
    expect(quoted.status).toBe(200)
    expect(quoted.headers.get('Idempotent-Replayed')).toBe('true')
    expect(quoted.body).toEqual({ replayed: true, events: first.body.events })
    expect(await ledger.head()).toEqual(head)
  })

  it('refuses an Idempotency-Key that differs from the body’s commandId with 422, writing nothing', async () => {
    const head = await ledger.head()
    const answer = await service.call('POST', '/commands', {
      actor: buyer,
      body: awardCommand('C-mismatch', '1000'),
      headers: { 'Idempotency-Key': 'award:C-other' },
    })
    expect(answer.status).toBe(422)
    expect(answer.body).toMatchObject({
      code: 'idempotency_key_mismatch',
      path: 'commandId',
      idempotencyKey: 'award:C-other',
      commandId: 'award:C-mismatch',
    })
    expect(await ledger.head()).toEqual(head)
  })

  it('answers a reused commandId with different content with 409 idempotency_conflict naming the field', async () => {
    const answer = await service.call('POST', '/commands', {
      actor: buyer,
      body: { ...awardCommand('C-201', '1000'), amount: '2000' },
    })
    expect(answer.status).toBe(409)
    expect(answer.body).toMatchObject({ code: 'idempotency_conflict', field: 'amount' })
  })

  it('answers 403 to a buyer of another beneficiary, and to a coordinator awarding', async () => {
    const head = await ledger.head()
    for (const actor of [otherBuyer, coordinator]) {
      const answer = await service.call('POST', '/commands', {
        actor,
        body: awardCommand(`C-${actor.id}`, '1000'),
      })
      expect(answer.status).toBe(403)
      expect(answer.body).toMatchObject({ code: 'forbidden' })
    }
    expect(await ledger.head()).toEqual(head)
  })

  it('answers 422 invalid_command with the path and the issues for a bad body', async () => {
    const answer = await service.call('POST', '/commands', {
      actor: buyer,
      body: { ...awardCommand('C-number', '1000'), amount: 1000 },
    })
    expect(answer.status).toBe(422)
    expect(answer.body).toMatchObject({ code: 'invalid_command', path: 'amount' })
    expect(answer.body.issues).toEqual([expect.objectContaining({ path: 'amount' })])
  })

  it('answers 422 invalid_dates for a delivery certified before the award', async () => {
    const certify = {
      type: 'CertifyService',
      commandId: 'certify:C-201:early',
      contractId: 'C-201',
      serviceId: 'early',
      amount: '100',
      certifiedOn: '2025-05-01',
    }
    const answer = await service.call('POST', '/commands', { actor: buyer, body: certify })
    expect(answer.status).toBe(422)
    expect(answer.body).toMatchObject({ code: 'invalid_dates' })
  })

  it('answers 409 allocation_exceeded with the figures, and the same 409 replayed', async () => {
    const body = awardCommand('C-too-big', '200000')
    const answer = await service.call('POST', '/commands', { actor: buyer, body })
    expect(answer.status).toBe(409)
    expect(answer.body).toMatchObject({ code: 'allocation_exceeded', replayed: false })
    expect(typeof answer.body.message).toBe('string')
    const again = await service.call('POST', '/commands', { actor: buyer, body })
    expect(again.status).toBe(409)
    expect(again.body).toEqual({ ...answer.body, replayed: true })
  })

  it('answers 401 without an actor, or with one that is not base64url JSON of { id, roles }', async () => {
    const body = awardCommand('C-401', '1000')
    const missing = await service.call('POST', '/commands', { body })
    expect(missing.status).toBe(401)
    expect(missing.headers.get('WWW-Authenticate')).toMatch(/^PlafondActor /)
    expect(missing.body).toMatchObject({ code: 'missing_actor' })

    const raw = await service.call('POST', '/commands', {
      body,
      headers: { 'X-Plafond-Actor': '{"id":"x"}' },
    })
    expect(raw.body).toMatchObject({ code: 'invalid_actor' })

    const badRole = encodeActor({ id: 'x', roles: [{ role: 'buyer', beneficiaryId: '123' }] })
    const invalid = await service.call('POST', '/commands', {
      body,
      headers: { 'X-Plafond-Actor': badRole },
    })
    expect(invalid.status).toBe(401)
    expect(invalid.body).toMatchObject({
      code: 'invalid_actor',
      path: 'actor.roles.0.beneficiaryId',
    })
  })

  it('answers 400 to JSON that does not parse, and to an empty body', async () => {
    const broken = await service.call('POST', '/commands', {
      actor: buyer,
      body: '{"type": "AwardContract",',
    })
    expect(broken.status).toBe(400)
    expect(broken.body).toMatchObject({ code: 'malformed_json' })
    expect(broken.body.message).toMatch(/^Expected a JSON body, but it does not parse: /)

    const empty = await service.call('POST', '/commands', {
      actor: buyer,
      headers: { 'Content-Type': 'application/json' },
    })
    expect(empty.status).toBe(400)
    expect(empty.body).toMatchObject({ code: 'malformed_json' })
  })

  it('answers 415 to a body that is not declared as JSON', async () => {
    const answer = await service.call('POST', '/commands', {
      actor: buyer,
      body: JSON.stringify(awardCommand('C-415', '1000')),
      headers: { 'Content-Type': 'text/plain' },
    })
    expect(answer.status).toBe(415)
    expect(answer.body).toMatchObject({ code: 'unsupported_media_type' })
  })

  it('answers 413 to a body over 1 MiB, after reading it, and keeps serving', async () => {
    const padding = 'x'.repeat(2 * 1024 * 1024)
    const answer = await service.call('POST', '/commands', {
      actor: buyer,
      body: { ...awardCommand('C-413', '1000'), object: padding },
    })
    expect(answer.status).toBe(413)
    expect(answer.body).toMatchObject({ code: 'body_too_large', limitBytes: 1024 * 1024 })
    const health = await service.call('GET', '/health')
    expect(health.status).toBe(200)
  })
})

describe('POST /commands/batch', () => {
  it('executes the commands in one transaction and answers each as POST /commands would', async () => {
    const before = appends
    const answer = await service.call('POST', '/commands/batch', {
      actor: buyer,
      body: [
        awardCommand('C-batch-1', '1000'),
        awardCommand('C-batch-2', '500000'),
        awardCommand('C-201', '1000'),
        { type: 'AwardContract' },
      ],
    })
    expect(answer.status).toBe(200)
    expect(appends - before).toBe(1)
    const results = answer.body.results as { status: number; body: Record<string, unknown> }[]
    expect(results.map((result) => result.status)).toEqual([201, 409, 200, 422])
    expect(results[1]!.body).toMatchObject({ code: 'allocation_exceeded' })
    expect(results[2]!.body).toMatchObject({ replayed: true })
    expect(results[3]!.body).toMatchObject({ code: 'invalid_command' })
  })

  it('answers 422 to a body that is not an array, and to an Idempotency-Key header', async () => {
    const notArray = await service.call('POST', '/commands/batch', {
      actor: buyer,
      body: awardCommand('C-batch-3', '1000'),
    })
    expect(notArray.status).toBe(422)
    expect(notArray.body).toMatchObject({ code: 'invalid_command', path: '(root)' })

    const keyed = await service.call('POST', '/commands/batch', {
      actor: buyer,
      body: [awardCommand('C-batch-3', '1000')],
      headers: { 'Idempotency-Key': 'batch-1' },
    })
    expect(keyed.status).toBe(422)
    expect(keyed.body).toMatchObject({ code: 'idempotency_key_not_supported' })
  })
})

describe('GET /events, /verify, /health', () => {
  it('pages through the log for an auditor, following next', async () => {
    const first = await service.call('GET', '/events?limit=2', { actor: auditor })
    expect(first.status).toBe(200)
    const events = first.body.events as LedgerEvent[]
    expect(events.map((event) => event.position)).toEqual(['1', '2'])
    expect(events[0]).toMatchObject({
      type: 'FrameworkOpened',
      stream: `framework-${FRAMEWORK_ID}`,
    })
    expect(first.body).toMatchObject({ next: '3', more: true })

    const head = await ledger.head()
    const last = await service.call('GET', `/events?from=${head!.position}&limit=5`, {
      actor: buyer,
    })
    expect((last.body.events as LedgerEvent[]).map((event) => event.position)).toEqual([
      head!.position,
    ])
    expect(last.body).toMatchObject({ more: false, next: String(Number(head!.position) + 1) })

    const beyond = await service.call('GET', `/events?from=${String(last.body.next)}`, {
      actor: auditor,
    })
    expect(beyond.body).toEqual({ events: [], next: last.body.next, more: false })
  })

  it('answers 400 to a bad or unknown query parameter', async () => {
    for (const query of [
      'from=-1',
      'from=abc',
      'limit=0',
      'limit=1001',
      'limit=2&limit=3',
      'position=3',
    ]) {
      const answer = await service.call('GET', `/events?${query}`, { actor: auditor })
      expect(answer.status, query).toBe(400)
      expect(answer.body, query).toMatchObject({ code: 'invalid_query' })
    }
  })

  it('reads for any actor with a role, not for one without', async () => {
    expect((await service.call('GET', '/events')).status).toBe(401)
    const nobody = await service.call('GET', '/events', { actor: { id: 'nobody', roles: [] } })
    expect(nobody.status).toBe(403)
    expect(nobody.body).toMatchObject({ code: 'forbidden' })
    expect(
      (await service.call('GET', '/verify', { actor: { id: 'nobody', roles: [] } })).status,
    ).toBe(403)
  })

  it('verifies the log', async () => {
    const answer = await service.call('GET', '/verify', { actor: auditor })
    expect(answer.status).toBe(200)
    expect(answer.body).toMatchObject({ ok: true, head: await ledger.head() })
  })

  it('answers /health without an actor', async () => {
    const answer = await service.call('GET', '/health')
    expect(answer).toMatchObject({ status: 200, body: { status: 'ok' } })
  })
})

describe('routes', () => {
  it('answers 404 to an unknown path and 405 with Allow to a wrong method', async () => {
    const missing = await service.call('GET', '/commandes', { actor: auditor })
    expect(missing.status).toBe(404)
    expect(missing.body).toMatchObject({ code: 'not_found' })

    const wrong = await service.call('GET', '/commands', { actor: auditor })
    expect(wrong.status).toBe(405)
    expect(wrong.headers.get('Allow')).toBe('POST')
    expect(wrong.body).toMatchObject({ code: 'method_not_allowed' })
    expect((await service.call('DELETE', '/events')).headers.get('Allow')).toBe('GET')
  })
})

describe('a damaged log', () => {
  it('answers /verify with 500 verification_failed when a stored event was changed', async () => {
    const store = createInMemoryStore()
    const honest = createLedger({ store, clock: TEST_CLOCK })
    for (const command of openingCommands('100000')) {
      await honest.execute(command, { actor: coordinator })
    }
    const tampered: EventStore = {
      ...store,
      async *readAll(options) {
        for await (const event of store.readAll(options)) {
          yield event.position === '4'
            ? {
                ...event,
                data: { frameworkId: FRAMEWORK_ID, beneficiaryId: MINISTRY, amount: '900000.00' },
              }
            : event
        }
      },
    }
    const reading = createLedger({ store: tampered, clock: TEST_CLOCK })
    const running = await startService(reading)
    try {
      const answer = await running.call('GET', '/verify', { actor: auditor })
      expect(answer.status).toBe(500)
      expect(answer.body).toMatchObject({ code: 'verification_failed', ok: false, position: '4' })
    } finally {
      await running.stop()
      await honest.close()
    }
  })
})
