import { produce } from 'immer'
import { given, SIRETS } from '@plafond/testing'
import { describe, expect, it } from 'vitest'
import type { ProductEvent } from '../events/event-catalogue.js'
import { evolveProduct } from './product-evolve.js'
import { initialProductState } from './product-state.js'

const B = SIRETS.beneficiaryB

const indicators = [
  { name: 'weekly active users', value: '1250' },
  { name: 'satisfaction', value: '0.85', unit: 'ratio' },
  { name: 'processing delay change', value: '-3.5', unit: 'days' },
]

const measure = (overrides: Record<string, unknown> = {}) => ({
  type: 'RecordImpact' as const,
  commandId: 'impact',
  beneficiaryId: B,
  product: 'pass-sport',
  measuredOn: '2025-06-30',
  indicators,
  ...overrides,
})

const recorded = (measuredOn = '2025-06-30'): ProductEvent => ({
  type: 'ImpactRecorded',
  data: { beneficiaryId: B, product: 'pass-sport', measuredOn, indicators },
})

const withValue = (value: unknown) => measure({ indicators: [{ name: 'users', value }] })

describe('RecordImpact', () => {
  it('records the indicators measured on a date, on the product stream', () => {
    given([]).when(measure()).then([recorded()])
  })

  it('counts the measurements of a product', () => {
    const history = [recorded('2024-12-31'), recorded()]
    const state = produce(initialProductState(), (draft) => {
      for (const event of history) evolveProduct(draft, event)
    })
    expect(state.measurements).toBe(2)
    expect(state.phase).toBeUndefined()
  })

  it.each(['0', '-1', '123456789012345', '0.000001', '-0.5'])(
    'accepts the decimal value %s',
    (value) => {
      const decision = given([]).when(withValue(value)).decision
      expect(decision.ok).toBe(true)
    },
  )

  it.each([
    ['a number', 1250],
    ['a comma', '1,5'],
    ['an exponent', '1e3'],
    ['an empty string', ''],
    ['seven decimals', '0.1234567'],
    ['sixteen digits', '1234567890123456'],
    ['a plus sign', '+1'],
    ['a trailing point', '12.'],
  ])('refuses a value written as %s: invalid_command', (_label, value) => {
    given([]).when(withValue(value)).thenRejects('invalid_command', { path: 'indicators.0.value' })
  })

  it('refuses no indicator, more than 50, a nameless one, an empty unit, an unknown field', () => {
    given([])
      .when(measure({ indicators: [] }))
      .thenRejects('invalid_command', {
        path: 'indicators',
      })
    const many = Array.from({ length: 51 }, (_, i) => ({ name: `indicator ${i}`, value: '1' }))
    given([])
      .when(measure({ indicators: many }))
      .thenRejects('invalid_command', {
        path: 'indicators',
      })
    given([])
      .when(measure({ indicators: [{ name: '', value: '1' }] }))
      .thenRejects('invalid_command', { path: 'indicators.0.name' })
    given([])
      .when(measure({ indicators: [{ name: 'users', value: '1', unit: '' }] }))
      .thenRejects('invalid_command', { path: 'indicators.0.unit' })
    given([])
      .when(measure({ indicators: [{ name: 'users', value: '1', target: '2' }] }))
      .thenRejects('invalid_command', { path: 'indicators.0.target' })
  })

  it('refuses a bad SIRET, product or date', () => {
    given([])
      .when(measure({ beneficiaryId: '1234' }))
      .thenRejects('invalid_command', { path: 'beneficiaryId' })
    given([])
      .when(measure({ product: '' }))
      .thenRejects('invalid_command', { path: 'product' })
    given([])
      .when(measure({ measuredOn: '30/06/2025' }))
      .thenRejects('invalid_command', { path: 'measuredOn' })
  })
})
