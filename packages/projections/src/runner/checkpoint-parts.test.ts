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

  test('reads parts of format 1, which wrote every row as a JSON object', () => {
    // Written by `stateToParts` before format 2 (commit dfd3c19), parts of about 120 characters.
    const parts = [
      '#plafond-state-parts 1\n[[0,"",{"contracts":{"$t":1},"count":2}],[1,"C-1",{"contractId":"C-1","amount":{"$c":"1234"},"closedOn":null,"modifications":[{"delta":{"$c":"5"},"reason":"avenant \\u00ab urgent \\u00bb"}],"byMonth":{"$t":2}}]]',
      '[[1,"C-2",{"contractId":"C-2","amount":{"$c":"-5"},"closedOn":"2026-01-31","modifications":[],"byMonth":{"$t":3}}],[2,"2026-01",{"$c":"7"}]]',
    ]
    const state = {
      contracts: table<unknown>({
        'C-1': {
          contractId: 'C-1',
          amount: 1234n,
          closedOn: null,
          modifications: [{ delta: 5n, reason: 'avenant « urgent »' }],
          byMonth: table({ '2026-01': 7n }),
        },
        'C-2': {
          contractId: 'C-2',
          amount: -5n,
          closedOn: '2026-01-31',
          modifications: [],
          byMonth: table({}),
        },
      }),
      count: 2,
    }
    const back = stateFromParts(parts)
    expect(back).toEqual(state)
    expect(sameTables(state, back)).toBe(true)
  })

  test('names the members of a shape of rows once per part, and each part still reads alone', () => {
    const parts = stateToParts(callOffs(3000), { partCharacters: 16 * 1024 })
    expect(parts[0]!.startsWith('#plafond-state-parts 2\n')).toBe(true)
    expect(parts.length).toBeGreaterThan(5)
    // Call-off rows (each with a modification row) fill the first parts, their monthly tables the
    // last ones; a part names each shape at most once.
    const withRows = parts.filter((part) => part.includes('"contractId"'))
    expect(withRows.length).toBeGreaterThan(5)
    for (const part of parts) {
      expect(part.split('"contractId"').length - 1).toBeLessThanOrEqual(1)
      expect(part.split('"reason"').length - 1).toBeLessThanOrEqual(1)
    }
    for (const part of withRows) expect(part.split('"reason"').length - 1).toBe(1)
    const back = stateFromParts<ReturnType<typeof callOffs>>(parts)
    expect(serializeState(back)).toBe(serializeState(callOffs(3000)))
    // A part read without the parts before it names its own shapes.
    const runs = JSON.parse(parts[3]!) as unknown[][]
    expect(runs.length).toBeGreaterThan(0)
    expect(JSON.stringify(runs[0]![2])).toMatch(/^\{"\$k":\["contractId","amount"/)
  })

  test('rows of different shapes, nested rows, empty rows and a __proto__ member come back as rows', () => {
    const odd = JSON.parse('{"__proto__": 1n}'.replace('1n', '1')) as Record<string, unknown>
    const state = {
      rows: [
        { a: 1, b: { a: 2, b: { a: 3, b: null } } },
        { b: 1, a: 2 },
        { a: 1 },
        {},
        odd,
        { '2025': 5n, name: 'x' },
        { a: 1, b: { a: 2, b: null } },
      ],
    }
    const back = stateFromParts<typeof state>(stateToParts(state))
    expect(back).toEqual(state)
    for (const row of back.rows) expect(Object.getPrototypeOf(row)).toBe(Object.prototype)
    expect(Object.keys(back.rows[1]!)).toEqual(['b', 'a'])
    expect(Object.keys(back.rows[4]!)).toEqual(['__proto__'])
    expect(back.rows[4]!['__proto__' as never]).toBe(1)
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
    const head = '#plafond-state-parts 2\n[[0,"",{"$t":1}]'
    expect(() => stateFromParts([`${head},[1,"k",{"$r":[0,1]}]]`])).toThrow(
      /a row uses shape 0 before the part names it/,
    )
    expect(() => stateFromParts([`${head},[1,"k",{"$k":["a","b"],"$r":[0,1]}]]`])).toThrow(
      /a row of shape 0 has 1 values for 2 names/,
    )
    expect(() => stateFromParts([`${head},[1,"k",{"$k":[1],"$r":[0,1]}]]`])).toThrow(
      /shape 0 does not list member names/,
    )
    expect(() => stateFromParts([`${head},[1,"k",{"$r":["x",1]}]]`])).toThrow(
      /a row has no shape number/,
    )
    // Shapes are numbered per part: a later part cannot use an earlier part's shape.
    expect(() =>
      stateFromParts([`${head},[1,"k",{"$k":["a"],"$r":[0,1]}]]`, '[[1,"j",{"$r":[0,2]}]]']),
    ).toThrow(/shape 0 before the part names it/)
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
