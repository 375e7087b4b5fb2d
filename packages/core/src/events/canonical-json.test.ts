import { fc, test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import {
  asStored,
  canonicalJson,
  quotedString,
  undefinedMembersSkipped,
  withoutUndefined,
} from './canonical-json.js'

describe('canonical JSON', () => {
  it('sorts keys at every depth and writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: 'x' } })).toBe(
      '{"a":{"c":"x","d":[3,{"y":2,"z":1}]},"b":1}',
    )
  })

  it('gives the same bytes whatever the insertion order', () => {
    expect(canonicalJson({ x: 1, y: 2 })).toBe(canonicalJson({ y: 2, x: 1 }))
  })

  it('skips undefined members, and writes undefined array items as null', () => {
    expect(canonicalJson({ a: undefined, b: 1 })).toBe('{"b":1}')
    expect(canonicalJson({ a: undefined })).toBe('{}')
    expect(canonicalJson([1, undefined, null])).toBe('[1,null,null]')
  })

  it('counts the undefined members it skips, at any depth, and not undefined array items', () => {
    const count = (value: unknown): number => {
      const before = undefinedMembersSkipped()
      canonicalJson(value)
      return undefinedMembersSkipped() - before
    }
    expect(count({ a: 1, b: [{ c: 'x' }] })).toBe(0)
    expect(count([1, undefined])).toBe(0)
    expect(count({ a: undefined, b: { c: undefined, d: [{ e: undefined }] } })).toBe(3)
  })

  it('writes scalars as JSON does, escaping strings', () => {
    expect(canonicalJson(null)).toBe('null')
    expect(canonicalJson(true)).toBe('true')
    expect(canonicalJson(false)).toBe('false')
    expect(canonicalJson(-42)).toBe('-42')
    expect(canonicalJson('a"b\\c\n€')).toBe('"a\\"b\\\\c\\n€"')
    expect(canonicalJson({ 'k"ey': 1 })).toBe('{"k\\"ey":1}')
  })

  test.prop(
    [
      fc.oneof(
        fc.string({ unit: 'binary', maxLength: 40 }),
        fc.string({
          unit: fc.constantFrom('a', '"', '\\', '\n', '\u001f', '\u007f', '\ud83d', '\ude00', '€'),
          maxLength: 12,
        }),
      ),
    ],
    { numRuns: 3000 },
  )('quotes every string exactly as JSON.stringify does, lone surrogates included', (text) => {
    expect(quotedString(text)).toBe(JSON.stringify(text))
    expect(canonicalJson({ [text]: text })).toBe(
      `{${JSON.stringify(text)}:${JSON.stringify(text)}}`,
    )
  })

  test.prop(
    [
      fc.array(
        fc.dictionary(
          fc.constantFrom('a', 'b', 'aa', 'B', '10', '2', 'é', 'z', '__x'),
          fc.oneof(fc.string({ maxLength: 3 }), fc.integer(), fc.boolean(), fc.constant(null)),
          { maxKeys: 6 },
        ),
        { maxLength: 8 },
      ),
    ],
    { numRuns: 1000 },
  )('writes every object with its keys sorted, however many kinds share a first key', (objects) => {
    // Keys in code-unit order, then JSON.stringify: the definition, apart from the plans.
    const reference = (value: Record<string, unknown>): string =>
      `{${Object.keys(value)
        .sort()
        .map((key) => `${JSON.stringify(key)}:${JSON.stringify(value[key])}`)
        .join(',')}}`
    for (const object of objects) expect(canonicalJson(object)).toBe(reference(object))
    expect(canonicalJson(objects)).toBe(`[${objects.map(reference).join(',')}]`)
  })

  it('asStored gives back a value without undefined members as it is, and copies one with them', () => {
    const clean = { a: 1, b: [{ c: 'x' }] }
    expect(asStored(clean)).toBe(clean)
    const sparse = { a: 1, b: [{ c: undefined, d: 2 }] }
    const stored = asStored(sparse)
    expect(stored).not.toBe(sparse)
    expect(JSON.stringify(Object.keys(stored.b[0]!))).toBe('["d"]')
    expect(sparse.b[0]).toHaveProperty('c')
  })

  it('refuses floats, unsafe integers, NaN and infinities: amounts travel as strings', () => {
    expect(() => canonicalJson(1.5)).toThrow(/safe integers.*1.5.*strings/)
    expect(() => canonicalJson({ amount: 0.1 })).toThrow(TypeError)
    expect(() => canonicalJson(2 ** 53)).toThrow(TypeError)
    expect(() => canonicalJson(Number.NaN)).toThrow(TypeError)
    expect(() => canonicalJson(Number.POSITIVE_INFINITY)).toThrow(TypeError)
  })

  it('refuses bigint, functions and symbols', () => {
    expect(() => canonicalJson(1n)).toThrow(/bigint/)
    expect(() => canonicalJson({ a: () => 1 })).toThrow(/function/)
    expect(() => canonicalJson(Symbol('s'))).toThrow(/symbol/)
  })

  it('copies values without their undefined members', () => {
    const input = { a: 1, b: undefined, c: { d: undefined, e: [1, { f: undefined, g: 2 }] } }
    const copy = withoutUndefined(input)
    expect(copy).toStrictEqual({ a: 1, c: { e: [1, { g: 2 }] } })
    expect(Object.keys(copy)).toEqual(['a', 'c'])
    expect(input).toHaveProperty('b')
  })
})
