import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { foldProjections } from '../fold/fold-projections.js'
import { emptyTable } from '../state/table.js'
import { standardProjections } from '../standard/standard-projections.js'
import { runScenario, scenarioArbitrary } from '../test-support/ledger-scenario.js'
import { deserializeState, serializeState } from './state-codec.js'
import { sameTables, stateValue } from './state-arbitrary.js'

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
