import { fc, test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import { formatIndicators, parseIndicators } from './impact-indicators-cell.js'

describe('impact indicators in one cell', () => {
  it('writes name=value unit, separated by " | ", escaping | = and \\ in names', () => {
    const cell = formatIndicators(
      [
        { name: 'usagers actifs par mois', value: '1250', unit: 'usagers' },
        { name: 'satisfaction | moyenne = 5 ans', value: '0.82' },
      ],
      ',',
    )
    expect(cell).toBe(
      'usagers actifs par mois=1250 usagers | satisfaction \\| moyenne \\= 5 ans=0,82',
    )
    expect(parseIndicators(cell, ',')).toEqual({
      indicators: [
        { name: 'usagers actifs par mois', value: '1250', unit: 'usagers' },
        { name: 'satisfaction | moyenne = 5 ans', value: '0.82' },
      ],
    })
  })

  it.each([
    ['usagers', /expected indicators written/],
    ['usagers=beaucoup', /as a decimal number written with "\."/],
    ['a=1 | ', /expected indicators written/],
  ])('refuses %j', (cell, reason) => {
    expect(parseIndicators(cell, '.')).toEqual({ reason: expect.stringMatching(reason) as unknown })
  })

  const name = fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim() === s && s !== '')
  test.prop(
    [
      fc.array(
        fc.record(
          {
            name,
            value: fc.stringMatching(/^-?\d{1,15}(\.\d{1,6})?$/),
            unit: name,
          },
          { requiredKeys: ['name', 'value'] },
        ),
        { minLength: 1, maxLength: 5 },
      ),
      fc.constantFrom('.' as const, ',' as const),
    ],
    { numRuns: 300 },
  )('reads back what it writes', (indicators, mark) => {
    expect(parseIndicators(formatIndicators(indicators, mark), mark)).toEqual({ indicators })
  })
})
