import type { Actor } from '@plafond/core'
import { describe, expect, it } from 'vitest'
import { encodeActor } from './encode-actor.js'
import { readActor } from './read-actor.js'

const buyer: Actor = {
  id: 'buyer.sports',
  roles: [{ role: 'buyer', beneficiaryId: '94000000000015' }, { role: 'auditor' }],
}

describe('readActor', () => {
  it('reads back what encodeActor wrote', () => {
    expect(readActor(encodeActor(buyer))).toEqual({ ok: true, actor: buyer })
  })

  it('refuses a missing or empty header with 401 missing_actor and a challenge', () => {
    for (const header of [undefined, '']) {
      const reading = readActor(header)
      expect(reading.ok).toBe(false)
      if (reading.ok) return
      expect(reading.reply.status).toBe(401)
      expect(reading.reply.headers).toEqual({ 'WWW-Authenticate': 'PlafondActor realm="plafond"' })
      expect(reading.reply.body).toMatchObject({ code: 'missing_actor' })
    }
  })

  it.each([
    ['raw JSON', JSON.stringify(buyer), /base64url/],
    ['plain base64 with + or /', '++//', /base64url/],
    [
      'base64url of something not JSON',
      Buffer.from('id=x').toString('base64url'),
      /decode to JSON/,
    ],
    ['two headers', ['a', 'b'], /found 2/],
  ])('refuses %s with 401 invalid_actor', (_, header, message) => {
    const reading = readActor(header)
    expect(reading.ok).toBe(false)
    if (reading.ok) return
    expect(reading.reply.status).toBe(401)
    expect(reading.reply.body).toMatchObject({
      code: 'invalid_actor',
      message: expect.stringMatching(message) as unknown,
    })
  })

  it('validates with core’s Actor schema and names the failing field', () => {
    const cases: [unknown, string][] = [
      [{ id: 'x', roles: [{ role: 'buyer' }] }, 'actor.roles.0.beneficiaryId'],
      [{ id: 'x', roles: [{ role: 'king' }] }, 'actor.roles.0.role'],
      [{ id: 'x y', roles: [] }, 'actor.id'],
      [{ id: 'x', roles: [], admin: true }, 'actor'],
    ]
    for (const [actor, path] of cases) {
      const reading = readActor(Buffer.from(JSON.stringify(actor)).toString('base64url'))
      expect(reading.ok).toBe(false)
      if (reading.ok) return
      expect(reading.reply.body, path).toMatchObject({ code: 'invalid_actor', path })
    }
  })
})
