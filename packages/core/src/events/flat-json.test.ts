import { describe, expect, it } from 'vitest'
import { canonicalJson } from './canonical-json.js'
import { flatObjectJson } from './flat-json.js'

describe('flatObjectJson', () => {
  it("gives back an object's text unchanged", () => {
    const text = canonicalJson({ b: 'x', a: [1, { c: null }] })
    expect(flatObjectJson(text)).toBe('{"a":[1,{"c":null}],"b":"x"}')
  })

  it('refuses a text that is not an object', () => {
    for (const text of ['', '[1]', '"{"', ' {}']) {
      expect(() => flatObjectJson(text)).toThrow(/Expected the JSON text of an object/)
    }
  })
})
