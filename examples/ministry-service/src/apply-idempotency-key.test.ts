import { describe, expect, it } from 'vitest'
import { applyIdempotencyKey } from './apply-idempotency-key.js'

const body = { type: 'CloseContract', contractId: 'C-1', closedOn: '2025-06-02' }

describe('applyIdempotencyKey', () => {
  it('leaves the body alone without a header', () => {
    expect(applyIdempotencyKey(body, undefined)).toEqual({ ok: true, body })
  })

  it('supplies commandId from the header when the body has none, bare or quoted', () => {
    const keyed = { ok: true, body: { ...body, commandId: 'close:C-1' } }
    expect(applyIdempotencyKey(body, 'close:C-1')).toEqual(keyed)
    expect(applyIdempotencyKey(body, '"close:C-1"')).toEqual(keyed)
  })

  it('accepts a header equal to the commandId', () => {
    const withId = { ...body, commandId: 'close:C-1' }
    expect(applyIdempotencyKey(withId, 'close:C-1')).toEqual({ ok: true, body: withId })
  })

  it('refuses a header that differs from the commandId with 422 idempotency_key_mismatch', () => {
    const keyed = applyIdempotencyKey({ ...body, commandId: 'close:C-1' }, 'close:C-2')
    expect(keyed.ok).toBe(false)
    if (keyed.ok) return
    expect(keyed.reply.status).toBe(422)
    expect(keyed.reply.body).toMatchObject({
      code: 'idempotency_key_mismatch',
      path: 'commandId',
      idempotencyKey: 'close:C-2',
      commandId: 'close:C-1',
    })
  })

  it('refuses repeated headers when the body has a commandId', () => {
    const keyed = applyIdempotencyKey({ ...body, commandId: 'a' }, ['a', 'a'])
    expect(keyed.ok).toBe(false)
  })

  it('leaves a body that is not an object to the ledger, which refuses it as invalid_command', () => {
    expect(applyIdempotencyKey([body], 'k')).toEqual({ ok: true, body: [body] })
    expect(applyIdempotencyKey(null, 'k')).toEqual({ ok: true, body: null })
  })
})
