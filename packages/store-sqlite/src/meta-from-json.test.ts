import { canonicalJson, type EventMeta } from '@plafond/core'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { metaFromJson } from './meta-from-json.js'

// Any text: quotes, backslashes, control characters, lone surrogates and characters past U+FFFF.
const text = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.string({ unit: fc.constantFrom('"', '\\', '\x01', '\x1f', '}', ',', ':', 'é', '\ud800') }),
  fc.string(),
)

const meta: fc.Arbitrary<EventMeta> = fc.record(
  {
    commandId: text,
    actorId: text,
    correlationId: text,
    causationId: text,
    recordedAt: text,
    effectiveOn: text,
  },
  { requiredKeys: ['commandId', 'actorId', 'recordedAt', 'effectiveOn'] },
)

/** What `read` returns, as JSON text (members in order), or the fact that it threw. */
function outcome(read: () => unknown): string {
  try {
    return JSON.stringify(read())
  } catch {
    return 'throws'
  }
}

describe('metaFromJson', () => {
  it('returns what JSON.parse returns for the canonical JSON of any meta, members in the same order', () => {
    fc.assert(
      fc.property(meta, (value) => {
        const json = canonicalJson(value)
        expect(metaFromJson(json)).toEqual(JSON.parse(json))
        expect(outcome(() => metaFromJson(json))).toBe(outcome(() => JSON.parse(json)))
      }),
    )
  })

  it('returns or throws what JSON.parse does for a meta text changed by one character', () => {
    const usual = fc.record({ commandId: text, actorId: text, recordedAt: text, effectiveOn: text })
    fc.assert(
      fc.property(
        usual,
        // Anywhere in the text, its end as likely as its start.
        fc.noBias(fc.nat({ max: 2 ** 30 })),
        fc.constantFrom('"', '\\', '}', ',', ':', '\x00', '\x1f', 'a', ''),
        fc.boolean(),
        (value, at, character, insert) => {
          const json = canonicalJson(value)
          const i = at % (json.length + 1)
          const changed = json.slice(0, i) + character + json.slice(insert ? i : i + 1)
          expect(outcome(() => metaFromJson(changed))).toBe(outcome(() => JSON.parse(changed)))
        },
      ),
      { numRuns: 2000 },
    )
  })
})
