import { produce } from 'immer'
import { given, SIRETS } from '@plafond/testing'
import { describe, expect, it } from 'vitest'
import type { CommandInput } from '../commands/command.js'
import type { ProductEvent } from '../events/event-catalogue.js'
import { ProductPhase } from './product-events.js'
import { evolveProduct } from './product-evolve.js'
import { initialProductState } from './product-state.js'

const B = SIRETS.beneficiaryB

/** The command as a caller writes it: `phase` may be any string, which the schema judges. */
const change = (phase: string, overrides: Record<string, unknown> = {}) =>
  ({
    type: 'ChangeProductPhase',
    commandId: 'phase',
    beneficiaryId: B,
    product: 'pass-sport',
    phase,
    on: '2025-04-01',
    ...overrides,
  }) as CommandInput

const changed = (
  phase: (typeof ProductPhase.options)[number],
  changedOn = '2025-04-01',
): ProductEvent => ({
  type: 'ProductPhaseChanged',
  data: { beneficiaryId: B, product: 'pass-sport', phase, changedOn },
})

describe('ChangeProductPhase', () => {
  it.each(ProductPhase.options)(
    'records the beta.gouv.fr phase %s on the product stream',
    (phase) => {
      given([])
        .when(change(phase))
        .then([changed(phase)])
    },
  )

  it('records any move, forward or back, and the product state follows the latest', () => {
    const history = [changed('construction', '2025-01-15'), changed('acceleration', '2025-03-01')]
    given(history)
      .when(change('construction'))
      .then([changed('construction')])
    const state = produce(initialProductState(), (draft) => {
      for (const event of history) evolveProduct(draft, event)
    })
    expect(state).toMatchObject({
      status: 'known',
      beneficiaryId: B,
      product: 'pass-sport',
      phase: 'acceleration',
      phaseSince: '2025-03-01',
    })
  })

  it('refuses bad input: an unknown phase, a bad product id, a bad SIRET, a bad date', () => {
    given([]).when(change('scaling')).thenRejects('invalid_command', { path: 'phase' })
    given([])
      .when(change('success', { product: 'pass sport' }))
      .thenRejects('invalid_command', { path: 'product' })
    given([])
      .when(change('success', { beneficiaryId: '92000000000018' }))
      .thenRejects('invalid_command', { path: 'beneficiaryId' })
    given([])
      .when(change('success', { on: '2025-02-29' }))
      .thenRejects('invalid_command', { path: 'on' })
    given([])
      .when(change('success', { on: undefined }))
      .thenRejects('invalid_command', { path: 'on' })
  })
})
