import { fc, test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import { JsonDecimal, jsonDecimal, stringifyExactJson } from './exact-json.js'

describe('JsonDecimal', () => {
  it.each([
    ['1234.50', '1234.5'],
    ['120000000.00', '120000000'],
    ['0.05', '0.05'],
    ['007.10', '7.1'],
    ['-1500.25', '-1500.25'],
    ['-0.00', '0'],
    ['9999999999999.99', '9999999999999.99'],
  ])('writes %s as the number token %s', (decimal, token) => {
    expect(jsonDecimal(decimal).token).toBe(token)
  })

  it.each(['', '1e3', '1,5', '12.', '.5', ' 12', 'NaN'])('refuses %j', (decimal) => {
    expect(() => new JsonDecimal(decimal)).toThrow(/Expected a decimal/)
  })
})

describe('stringifyExactJson', () => {
  test.prop([fc.jsonValue()], { numRuns: 300 })(
    'writes plain JSON exactly as JSON.stringify(value, null, 2)',
    (value) => {
      expect(stringifyExactJson(value)).toBe(JSON.stringify(value, null, 2))
    },
  )

  it('writes decimals digit for digit and leaves undefined members out', () => {
    const text = stringifyExactJson({
      montant: jsonDecimal('9999999999999.99'),
      values: [jsonDecimal('0.10'), jsonDecimal('1000000.00')],
      absent: undefined,
    })
    expect(text).toBe(
      '{\n  "montant": 9999999999999.99,\n  "values": [\n    0.1,\n    1000000\n  ]\n}',
    )
  })
})
