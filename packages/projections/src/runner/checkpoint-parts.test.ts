import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { foldProjections } from '../fold/fold-projections.js'
import { emptyTable, isTable } from '../state/table.js'
import { standardProjections } from '../standard/standard-projections.js'
import { runScenario, scenarioArbitrary } from '../test-support/ledger-scenario.js'
import { stateFromParts, stateToParts } from './checkpoint-parts.js'
import { sameTables, stateValue } from './state-arbitrary.js'
import { serializeState } from './state-codec.js'

function table<T>(entries: Record<string, T>): Record<string, T> {
  return Object.assign(emptyTable<T>() as Record<string, T>, entries)
}

/** A per-call-off table of `count` rows, each with a nested table, as large states have. */
function callOffs(count: number): { contracts: Record<string, unknown>; count: number } {
  const rows = table<unknown>({})
  for (let i = 0; i < count; i++) {
    rows[`C-${i}`] = {
      contractId: `C-${i}`,
      amount: BigInt(i) * 1234n,
      paid: -BigInt(i),
      orders: i,
      closedOn: i % 3 === 0 ? null : '2026-01-31',
      modifications: [{ delta: 5n, reason: `avenant n°${i} « urgent »` }],
      byMonth: table({ '2026-01': BigInt(i), '2026-02': 0n }),
    }
  }
  return { contracts: rows, count }
}

describe('stateToParts / stateFromParts', () => {
  test('a state reads back equal, amounts and tables included, whatever the part size', () => {
    fc.assert(
      fc.property(stateValue, fc.integer({ min: 1, max: 300 }), (state, partCharacters) => {
        const parts = stateToParts(state, { partCharacters })
        const back = stateFromParts(parts)
        expect(back).toEqual(state)
        expect(sameTables(state, back)).toBe(true)
        expect(serializeState(back)).toBe(serializeState(state))
      }),
    )
  })

  test('a large table is cut into parts of about the size asked for, each read on its own', () => {
    const state = callOffs(5000)
    const parts = stateToParts(state, { partCharacters: 64 * 1024 })
    expect(parts.length).toBeGreaterThan(10)
    // A part may pass the size by the last run written into it, never by much more.
    for (const part of parts) expect(part.length).toBeLessThan(64 * 1024 * 1.25)
    for (const part of parts.slice(1)) expect(Array.isArray(JSON.parse(part))).toBe(true)
    const back = stateFromParts<typeof state>(parts)
    expect(serializeState(back)).toBe(serializeState(state))
    expect(isTable(back.contracts)).toBe(true)
    expect(isTable((back.contracts['C-7'] as { byMonth: object }).byMonth)).toBe(true)
  })

  test('by default a part holds about 64 KB: a small state is one part', () => {
    expect(stateToParts(callOffs(10))).toHaveLength(1)
    const parts = stateToParts(callOffs(20_000))
    const size = parts.reduce((sum, part) => sum + part.length, 0)
    expect(parts.length).toBeGreaterThan(size / (80 * 1024))
    expect(parts.length).toBeLessThan(size / (48 * 1024))
  })

  test('a state that is itself a table, tables of tables and empty tables come back as tables', () => {
    const state = table({ a: table({ x: table({}) }), b: table<bigint>({ '2025': 3n }) })
    const back = stateFromParts<typeof state>(stateToParts(state, { partCharacters: 1 }))
    expect(back).toEqual(state)
    expect(sameTables(state, back)).toBe(true)
    expect(Object.keys(back.b!)).toEqual(['2025'])
  })

  test('ids such as __proto__ stay ordinary keys of a table', () => {
    const state = { byId: table({ ['__proto__']: 1n, z: 2n }) }
    const back = stateFromParts<typeof state>(stateToParts(state))
    expect(Object.keys(back.byId).sort()).toEqual(['__proto__', 'z'])
    expect(back.byId['__proto__']).toBe(1n)
  })

  test('with freeze, every row, array and table of the state is frozen on the way; without, none', () => {
    const frozenFlags = (value: unknown, into: boolean[] = []): boolean[] => {
      if (value === null || typeof value !== 'object') return into
      into.push(Object.isFrozen(value))
      for (const member of Object.values(value)) frozenFlags(member, into)
      return into
    }
    const thawed = callOffs(300)
    stateToParts(thawed, { partCharacters: 4096 })
    expect(frozenFlags(thawed).some(Boolean)).toBe(false)
    const state = callOffs(300)
    const parts = stateToParts(state, { partCharacters: 4096, freeze: true })
    const flags = frozenFlags(state)
    expect(flags.length).toBeGreaterThan(1000)
    expect(flags.every(Boolean)).toBe(true)
    expect(serializeState(stateFromParts(parts))).toBe(serializeState(callOffs(300)))
  })

  test('reads a checkpoint saved whole, by serializeState, as one part', () => {
    const state = callOffs(3)
    const back = stateFromParts(stateToParts(state))
    expect(stateFromParts([serializeState(state)])).toEqual(back)
  })

  test('refuses values it cannot carry exactly, naming where they are', () => {
    expect(() => stateToParts({ rows: [{ share: 0.5 }] })).toThrow(/0.5 at state.rows\[0\].share/)
    expect(() => stateToParts({ byId: table({ c: { closedOn: undefined } }) })).toThrow(
      /undefined at state.byId.c.closedOn/,
    )
  })

  test('strings and keys of any characters read back the same: quotes, controls, non-ASCII, lone surrogates', () => {
    const text = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.string({
        unit: fc.constantFrom('"', '\\', '\x00', '\x1f', '\x7f', 'é', '\u2028', '\ud800'),
      }),
    )
    fc.assert(
      fc.property(fc.dictionary(text, fc.array(text, { maxLength: 3 })), text, (entries, value) => {
        const state = { byText: table(entries), rows: [{ value }] }
        const back = stateFromParts<typeof state>(stateToParts(state, { partCharacters: 64 }))
        expect(back).toEqual(state)
        expect(Object.keys(back.byText)).toEqual(Object.keys(state.byText))
      }),
    )
  })

  test('refuses a date, a map or a class instance, which JSON would carry as something else', () => {
    class Amount {
      cents = 5n
    }
    for (const odd of [new Date(0), new Map([['a', 1]]), new Amount()]) {
      expect(() => stateToParts({ rows: [{ odd }] })).toThrow(/found object at state.rows\[0\].odd/)
    }
  })

  test('refuses parts that were not written by stateToParts, saying what to do', () => {
    const parts = stateToParts(callOffs(2000), { partCharacters: 4096 })
    expect(() => stateFromParts([])).toThrow(/has no part/)
    expect(() => stateFromParts(parts.slice(1))).toThrow(/first part does not start/)
    expect(() => stateFromParts([parts[0]!, '{}'])).toThrow(/part 1 is not a list of runs/)
    expect(() => stateFromParts([parts[0]!, '[[99, "k", 1]]'])).toThrow(
      /fills table 99 before it is announced/,
    )
    expect(() => stateFromParts([parts[0]!, '[[1, "k"]]'])).toThrow(/bad run/)
    expect(() => stateFromParts(['#plafond-state-parts 1\n[]'])).toThrow(/state itself is missing/)
    expect(() => stateFromParts(['#plafond-state-parts 1\n[]'])).toThrow(/delete the checkpoint/)
  })

  test('standard states of a real ledger survive a checkpoint in parts exactly', async () => {
    const { events } = await runScenario(
      fc.sample(scenarioArbitrary(40, 60), { numRuns: 1, seed: 11 })[0]!,
    )
    const states = foldProjections(events, standardProjections)
    for (const state of Object.values(states)) {
      const back = stateFromParts(stateToParts(state, { partCharacters: 512 }))
      expect(back).toEqual(state)
      expect(sameTables(state, back)).toBe(true)
    }
  })
})
