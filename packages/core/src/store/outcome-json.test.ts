import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { reject } from '../rejections/rejection.js'
import { outcomeResultJson } from './outcome-json.js'
import type { OutcomeResult } from './event-store.js'

describe('outcomeResultJson', () => {
  it('writes exactly what JSON.stringify writes for written ranges', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            stream: fc.oneof(fc.string(), fc.constantFrom('contract-M1', 'a"b\\c', '\ud800x')),
            fromVersion: fc.integer({ min: -5, max: 1e9 }),
            toVersion: fc.integer({ min: -5, max: 1e9 }),
          }),
          { maxLength: 4 },
        ),
        (written) => {
          const result: OutcomeResult = { ok: true, written }
          expect(outcomeResultJson(result)).toBe(JSON.stringify(result))
        },
      ),
    )
  })

  it('leaves results of any other shape to JSON.stringify, members and order kept', () => {
    const odd = [
      { ok: true, written: [{ fromVersion: 1, stream: 's', toVersion: 2 }] },
      { ok: true, written: [{ stream: 's', fromVersion: 1, toVersion: 2, extra: 'kept' }] },
      { ok: true, written: [{ stream: 's', fromVersion: 1.5, toVersion: 2 }] },
      { ok: true, written: [{ stream: 1, fromVersion: 1, toVersion: 2 }] },
      { written: [], ok: true },
      { ok: true, written: [], note: 'kept' },
      { ok: true, written: [{ stream: 's', fromVersion: 1, toVersion: undefined }] },
      {
        ok: true,
        written: [
          Object.assign(Object.create({ toJSON: () => 'custom' }), {
            stream: 's',
            fromVersion: 1,
            toVersion: 2,
          }),
        ],
      },
      { ok: false, rejection: reject('allocation_exceeded', 'Over by 1 €.', { over: '1' }) },
    ]
    for (const result of odd) {
      expect(outcomeResultJson(result as unknown as OutcomeResult)).toBe(JSON.stringify(result))
    }
  })
})
