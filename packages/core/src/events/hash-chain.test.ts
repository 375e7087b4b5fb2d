import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { GENESIS_HASH, hashEvent, sealEvent, type UnhashedEvent } from './hash-chain.js'

const event: UnhashedEvent = {
  id: '01JC0000000000000000000000',
  stream: 'framework-AC-TEST',
  version: 1,
  position: '1',
  type: 'AllocationGranted',
  schemaVersion: 1,
  data: {
    frameworkId: 'AC-TEST',
    beneficiaryId: '92000000000017',
    amount: '600000.00',
    allocatedOn: '2025-01-01',
  },
  meta: {
    commandId: 'c-1',
    actorId: 'coordinator',
    recordedAt: '2025-01-01T08:00:00.000Z',
    effectiveOn: '2025-01-01',
  },
  prevHash: GENESIS_HASH,
}

describe('hash chain', () => {
  it('starts from 64 zeros', () => {
    expect(GENESIS_HASH).toMatch(/^0{64}$/)
  })

  it('hashes as sha256 hex, stably', () => {
    const hash = hashEvent(event)
    expect(hash).toMatch(/^[0-9a-f]{64}$/)
    expect(hashEvent(structuredClone(event))).toBe(hash)
    // DESIGN.md: sha256(prevHash + canonical JSON of the envelope without hash), written out.
    const body = `{"data":{"allocatedOn":"2025-01-01","amount":"600000.00","beneficiaryId":"92000000000017","frameworkId":"AC-TEST"},"id":"01JC0000000000000000000000","meta":{"actorId":"coordinator","commandId":"c-1","effectiveOn":"2025-01-01","recordedAt":"2025-01-01T08:00:00.000Z"},"position":"1","prevHash":"${GENESIS_HASH}","schemaVersion":1,"stream":"framework-AC-TEST","type":"AllocationGranted","version":1}`
    expect(hash).toBe(
      createHash('sha256')
        .update(GENESIS_HASH + body)
        .digest('hex'),
    )
    // Pinned: a change to the hashed form breaks every stored log, so it must fail a test.
    expect(hash).toBe('d9036f9bb1230a0117d203d974e8ad87a64c6953d876f04498ff1e81b85fd72a')
  })

  it('does not depend on key order or on undefined members', () => {
    const reordered: UnhashedEvent = {
      prevHash: event.prevHash,
      meta: { ...event.meta, correlationId: undefined } as unknown as UnhashedEvent['meta'],
      data: Object.fromEntries(Object.entries(event.data as object).reverse()),
      schemaVersion: event.schemaVersion,
      type: event.type,
      position: event.position,
      version: event.version,
      stream: event.stream,
      id: event.id,
    }
    expect(hashEvent(reordered)).toBe(hashEvent(event))
  })

  const changes: readonly [string, (e: UnhashedEvent) => UnhashedEvent][] = [
    ['id', (e) => ({ ...e, id: '01JC0000000000000000000001' })],
    ['stream', (e) => ({ ...e, stream: 'framework-AC-OTHER' })],
    ['version', (e) => ({ ...e, version: 2 })],
    ['position', (e) => ({ ...e, position: '2' })],
    ['type', (e) => ({ ...e, type: 'AllocationReleased' })],
    ['schemaVersion', (e) => ({ ...e, schemaVersion: 2 })],
    ['data.amount', (e) => ({ ...e, data: { ...(e.data as object), amount: '600000.01' } })],
    ['data (a new member)', (e) => ({ ...e, data: { ...(e.data as object), note: 'x' } })],
    ['meta.commandId', (e) => ({ ...e, meta: { ...e.meta, commandId: 'c-2' } })],
    ['meta.actorId', (e) => ({ ...e, meta: { ...e.meta, actorId: 'someone' } })],
    [
      'meta.recordedAt',
      (e) => ({ ...e, meta: { ...e.meta, recordedAt: '2025-01-01T08:00:00.001Z' } }),
    ],
    ['meta.effectiveOn', (e) => ({ ...e, meta: { ...e.meta, effectiveOn: '2025-01-02' } })],
    ['meta.correlationId', (e) => ({ ...e, meta: { ...e.meta, correlationId: 'x' } })],
    ['prevHash', (e) => ({ ...e, prevHash: '1'.repeat(64) })],
  ]

  it.each(changes)('changes when %s changes', (_field, change) => {
    expect(hashEvent(change(event))).not.toBe(hashEvent(event))
  })

  it('seals an event with its hash and keeps every other field', () => {
    const sealed = sealEvent(event)
    expect(sealed).toEqual({ ...event, hash: hashEvent(event) })
  })

  it('ignores a hash field already present: the hash covers everything but itself', () => {
    const sealed = sealEvent(event)
    expect(hashEvent(sealed)).toBe(sealed.hash)
  })
})
