import { fc, test } from '@fast-check/vitest'
import { describe, expect, it, vi } from 'vitest'
import { z, type ZodType } from 'zod'
import { Actor } from '../authorization/actor.js'
import { Command, COMMAND_TYPES } from '../commands/command.js'
import { COMMAND_SAMPLES } from '../commands/command-samples.test-data.js'
import { EVENT_CATALOGUE, EVENT_TYPES } from '../events/event-catalogue.js'
import { EVENT_SAMPLES } from '../events/event-samples.test-data.js'
import { charClassTest, compileParser, NOT_SURE } from './compiled-parser.js'

/** Every schema the ledger compiles, with valid inputs for it. */
const CASES: readonly {
  readonly name: string
  readonly schema: ZodType
  readonly valid: unknown
}[] = [
  ...COMMAND_TYPES.map((type) => ({
    name: `command ${type}`,
    schema: Command,
    valid: COMMAND_SAMPLES[type],
  })),
  ...EVENT_TYPES.map((type) => ({
    name: `event ${type}`,
    schema: EVENT_CATALOGUE[type].schema as ZodType,
    valid: EVENT_SAMPLES[type],
  })),
  {
    name: 'actor',
    schema: Actor,
    valid: {
      id: 'someone',
      roles: [{ role: 'coordinator' }, { role: 'buyer', beneficiaryId: '11000201100044' }],
    },
  },
]

const GENERATED = new Map(CASES.map((c) => [c.schema, compileParser(c.schema)]))
const CLOSURES = new Map(
  CASES.map((c) => [c.schema, compileParser(c.schema, { generateCode: false })]),
)
const PARSERS = GENERATED

/** Whether two parsed values are frozen in the same places. */
function frozenAlike(a: unknown, b: unknown): boolean {
  if (a === null || typeof a !== 'object' || b === null || typeof b !== 'object') return true
  if (Object.isFrozen(a) !== Object.isFrozen(b)) return false
  return Object.keys(a).every((key) =>
    frozenAlike((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
  )
}

/** The compiled parser vouches only for what zod accepts, and then gives zod's value. */
function expectAgreement(
  schema: ZodType,
  input: unknown,
  parsers: ReadonlyMap<ZodType, (input: unknown) => unknown> = PARSERS,
): 'vouched' | 'not sure' {
  const fast = parsers.get(schema)!(input)
  if (fast === NOT_SURE) return 'not sure'
  const zod = schema.safeParse(input)
  expect(zod.success, `zod refuses what the compiled parser accepted: ${String(zod.error)}`).toBe(
    true,
  )
  expect(fast).toStrictEqual(zod.data)
  expect(Object.keys(fast as object)).toEqual(Object.keys(zod.data as object))
  expect(frozenAlike(fast, zod.data)).toBe(true)
  return 'vouched'
}

describe('compileParser', () => {
  it.each(CASES.filter((c) => c.valid !== undefined))('vouches for a valid $name', (c) => {
    expect(expectAgreement(c.schema, c.valid)).toBe('vouched')
  })

  it('gives amounts in canonical form, as zod does', () => {
    const payment = { ...COMMAND_SAMPLES.RecordPayment!, amount: '12.5' }
    expect(expectAgreement(Command, payment)).toBe('vouched')
    expect((PARSERS.get(Command)!(payment) as { amount: string }).amount).toBe('12.50')
  })

  it('freezes what zod freezes: the roles of an actor', () => {
    const parsed = PARSERS.get(Actor)!({ id: 'a', roles: [{ role: 'auditor' }] })
    expect(Object.isFrozen((parsed as { roles: unknown }).roles)).toBe(true)
  })

  it('is not sure of objects that are not plain, of unknown members and of bad values', () => {
    const payment = COMMAND_SAMPLES.RecordPayment!
    class Payment {
      constructor() {
        Object.assign(this, payment)
      }
    }
    const parse = PARSERS.get(Command)!
    expect(parse(new Payment())).toBe(NOT_SURE)
    expect(parse(new Map(Object.entries(payment)))).toBe(NOT_SURE)
    expect(parse({ ...payment, extra: 1 })).toBe(NOT_SURE)
    expect(parse({ ...payment, amount: '-5' })).toBe(NOT_SURE)
    expect(parse({ ...payment, type: 'Nope' })).toBe(NOT_SURE)
    expect(parse({ ...payment, paidOn: '2025-02-30' })).toBe(NOT_SURE)
    expect(parse(null)).toBe(NOT_SURE)
  })

  it('generates object parsers, and compiles them as closures when asked not to', () => {
    const schema = z.strictObject({ a: z.string(), b: z.string().optional(), c: z.number() })
    const generated = compileParser(schema)
    const closures = compileParser(schema, { generateCode: false })
    expect(generated.name).toBe('parseObject')
    expect(closures.name).not.toBe('parseObject')
    for (const input of [
      { a: 'x', c: 1 },
      { a: 'x', b: 'y', c: 1 },
      { c: 1, b: undefined, a: 'x' },
      { a: 'x', c: 1, d: 2 },
      { a: 'x' },
    ]) {
      expect(generated(input)).toStrictEqual(closures(input))
      if (generated(input) !== NOT_SURE) {
        expect(Object.keys(generated(input) as object)).toEqual(Object.keys(schema.parse(input)))
      }
    }
  })

  it('falls back to closures where code generation is refused, and lets any other error through', () => {
    const schema = z.strictObject({ a: z.string() })
    const refusing = (error: Error) =>
      function (): never {
        throw error
      }
    try {
      vi.stubGlobal('Function', refusing(new EvalError('Code generation from strings disallowed')))
      const parse = compileParser(schema)
      expect(parse.name).not.toBe('parseObject')
      expect(parse({ a: 'x' })).toStrictEqual({ a: 'x' })
      vi.stubGlobal('Function', refusing(new SyntaxError('Unexpected token')))
      expect(() => compileParser(schema)).toThrow(SyntaxError)
    } finally {
      vi.unstubAllGlobals()
    }
  })

  it('keeps an optional member given as undefined, as zod does', () => {
    const payment = { ...COMMAND_SAMPLES.RecordPayment!, invoiceId: undefined }
    expect(expectAgreement(Command, payment)).toBe('vouched')
    expect(Object.keys(PARSERS.get(Command)!(payment) as object)).toContain('invoiceId')
  })

  it('hands zod the schemas it does not take apart, checks included', () => {
    const schema = z.strictObject({
      at: z.iso.datetime(),
      tags: z.set(z.string()),
      count: z.int().default(3),
    })
    const parse = compileParser(schema)
    const input = { at: '2025-01-01T00:00:00Z', tags: new Set(['a']) }
    expect(parse(input)).toStrictEqual(schema.parse(input))
    expect(parse({ ...input, at: 'yesterday' })).toBe(NOT_SURE)
  })

  it('runs refinements of an object and of a pipe', () => {
    const schema = z
      .strictObject({
        low: z.string().transform(Number),
        high: z
          .string()
          .transform(Number)
          .refine((n) => n > 0),
      })
      .refine((value) => value.low < value.high)
    const parse = compileParser(schema)
    expect(parse({ low: '1', high: '2' })).toStrictEqual({ low: 1, high: 2 })
    expect(parse({ low: '3', high: '2' })).toBe(NOT_SURE)
    expect(parse({ low: '-3', high: '-2' })).toBe(NOT_SURE)
  })

  it('is not sure when a transform reports an issue', () => {
    const schema = z.string().transform((value, ctx) => {
      if (value === 'bad') ctx.addIssue({ code: 'custom', message: 'bad' })
      return value.toUpperCase()
    })
    const parse = compileParser(schema)
    expect(parse('ok')).toBe('OK')
    expect(parse('bad')).toBe(NOT_SURE)
  })
})

/** A value of any JSON kind, and the odd ones a caller might pass. */
const oddValue = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom(undefined, NaN, Infinity, -0, 1.5, '', ' ', '12.345', '1e3', '0', '-0.00'),
  fc.string({ maxLength: 80 }),
  fc.constantFrom(Object.create(null) as object, [], {}, new Date(0)),
)

type Mutation =
  | { readonly kind: 'delete'; readonly at: number }
  | { readonly kind: 'set'; readonly at: number; readonly value: unknown }
  | { readonly kind: 'add'; readonly key: string; readonly value: unknown }
  | { readonly kind: 'deep'; readonly at: number; readonly value: unknown }

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('set' as const), at: fc.nat(), value: oddValue }),
  fc.record({
    kind: fc.constant('add' as const),
    key: fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('type', 'amount', '__proto__')),
    value: oddValue,
  }),
  fc.record({ kind: fc.constant('deep' as const), at: fc.nat(), value: oddValue }),
)

/** Applies a mutation to a copy of a valid input: a member removed, replaced, added, or deeper. */
function mutate(input: unknown, change: Mutation): unknown {
  if (input === null || typeof input !== 'object') return 'value' in change ? change.value : input
  const copy: Record<string, unknown> = Array.isArray(input)
    ? ([...(input as unknown[])] as unknown as Record<string, unknown>)
    : { ...(input as Record<string, unknown>) }
  const keys = Object.keys(copy)
  if (change.kind === 'add') {
    Object.defineProperty(copy, change.key, {
      value: change.value,
      enumerable: true,
      writable: true,
      configurable: true,
    })
    return copy
  }
  if (keys.length === 0) return copy
  const key = keys[change.at % keys.length]!
  if (change.kind === 'delete') delete copy[key]
  else if (change.kind === 'set') copy[key] = change.value
  else copy[key] = mutate(copy[key], { kind: 'set', at: change.at >> 3, value: change.value })
  return copy
}

describe('compileParser against zod, on mutated inputs', () => {
  const valid = CASES.filter((c) => c.valid !== undefined)
  test.prop([fc.constantFrom(...valid), fc.array(mutation, { minLength: 1, maxLength: 3 })], {
    numRuns: 3000,
  })('never vouches for what zod refuses, and otherwise returns what zod returns', (c, changes) => {
    let input = c.valid
    for (const change of changes) input = mutate(input, change)
    const generated = expectAgreement(c.schema, input, GENERATED)
    // The closures, used where code cannot be generated, vouch for exactly the same inputs.
    expect(expectAgreement(c.schema, input, CLOSURES)).toBe(generated)
  })

  test.prop([fc.constantFrom(...COMMAND_TYPES), fc.constantFrom(...COMMAND_TYPES)], {
    numRuns: 300,
  })('a command of one type under the name of another', (a, b) => {
    expectAgreement(Command, { ...COMMAND_SAMPLES[a], type: b })
  })
})

describe('charClassTest', () => {
  const PATTERNS = [
    /^[A-Za-z0-9._:-]{1,64}$/,
    /^[a-c]{0,3}$/,
    /^[-a]{2,2}$/,
    /^[a-]{1,1}$/,
    /^[.$*]{1,2}$/,
  ]
  test.prop(
    [
      fc.constantFrom(...PATTERNS),
      fc.string({
        unit: fc.oneof(
          fc.constantFrom('a', 'b', 'c', 'd', 'Z', '0', '9', '.', '_', ':', '-', '$', '*', '/'),
          fc.constantFrom('\n', ' ', 'é', '\u0000', '\ud83d', 'ａ'),
        ),
        maxLength: 70,
      }),
    ],
    { numRuns: 3000 },
  )('accepts exactly what its regex accepts', (pattern, text) => {
    expect(charClassTest(pattern)!(text)).toBe(pattern.test(text))
  })

  it('leaves every other regex to itself', () => {
    for (const pattern of [
      /^\d{14}$/,
      /^[a-z]{1,3}$/i,
      /^[^a]{1,3}$/,
      /^[a\]]{1,3}$/,
      /^[a-z]{1,3}/,
      /^[é]{1,3}$/,
    ]) {
      expect(charClassTest(pattern)).toBeUndefined()
    }
  })
})
