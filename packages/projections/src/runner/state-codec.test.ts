import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { foldProjections } from '../fold/fold-projections.js'
import { emptyTable, isTable } from '../state/table.js'
import { standardProjections } from '../standard/standard-projections.js'
import { runScenario, scenarioArbitrary } from '../test-support/ledger-scenario.js'
import { deserializeState, serializeState } from './state-codec.js'

/** Projection-state-like values: rows, tables (objects without prototype), arrays, bigint cents. */
const stateValue = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.string(),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(
      fc.string({ minLength: 1 }).filter((k) => !k.startsWith('$') && k !== '__proto__'),
      tie('value'),
      { maxKeys: 4 },
    ),
    fc
      .dictionary(fc.string(), tie('value'), { maxKeys: 4 })
      .map((entries) => Object.assign(emptyTable<unknown>() as Record<string, unknown>, entries)),
  ),
})).value

function sameTables(a: unknown, b: unknown): boolean {
  if (a === null || typeof a !== 'object') return true
  if (isTable(a) !== isTable(b as object)) return false
  return Object.keys(a).every((key) => sameTables((a as never)[key], (b as never)[key]))
}

describe('serializeState / deserializeState', () => {
  test('a state reads back equal, bigint and tables included, and writes back to the same text', () => {
    fc.assert(
      fc.property(stateValue, (state) => {
        const text = serializeState(state)
        const back = deserializeState(text)
        expect(back).toEqual(state)
        expect(sameTables(state, back)).toBe(true)
        expect(serializeState(back)).toBe(text)
      }),
    )
  })

  test('the text does not depend on key order, and amounts are written as decimal strings', () => {
    expect(serializeState({ b: 1n, a: [-5n, 123456n] })).toBe(
      '{"a":[{"$cents":"-0.05"},{"$cents":"1234.56"}],"b":{"$cents":"0.01"}}',
    )
    // An id may be `__proto__`; in a table it is an ordinary key.
    const table = emptyTable<number>() as Record<string, number>
    table.z = 1
    table['__proto__'] = 2
    expect(serializeState(table)).toBe('{"$table":{"__proto__":2,"z":1}}')
    expect(Object.keys(deserializeState<object>(serializeState(table)))).toEqual(['__proto__', 'z'])
  })

  test('keys that look like array indexes are sorted as strings too', () => {
    // JavaScript puts "9" and "10" first, in numeric order; the text sorts them as strings.
    const years = emptyTable<number>() as Record<string, number>
    years['2026'] = 2
    years['9'] = 9
    years['10'] = 10
    expect(serializeState({ years, row: { '10': 1n, '9': 2n, b: 'x' } })).toBe(
      '{"row":{"10":{"$cents":"0.01"},"9":{"$cents":"0.02"},"b":"x"},"years":{"$table":{"10":10,"2026":2,"9":9}}}',
    )
    expect(serializeState(deserializeState(serializeState({ years })))).toBe(
      '{"years":{"$table":{"10":10,"2026":2,"9":9}}}',
    )
  })

  test('refuses values it cannot carry exactly, naming where they are', () => {
    expect(() => serializeState({ rows: [{ share: 0.5 }] })).toThrow(/0.5 at state.rows\[0\].share/)
    expect(() => serializeState({ closedOn: undefined })).toThrow(/undefined at state.closedOn/)
  })

  test('standard states of a real ledger survive a checkpoint exactly', async () => {
    const { events } = await runScenario(
      fc.sample(scenarioArbitrary(40, 60), { numRuns: 1, seed: 11 })[0]!,
    )
    const states = foldProjections(events, standardProjections)
    for (const state of Object.values(states)) {
      expect(deserializeState(serializeState(state))).toEqual(state)
    }
  })
})
