import type { Draft } from 'immer'
import type { ProductEvent } from '../events/event-catalogue.js'
import type { ProductState } from './product-state.js'

/** Applies one event to a product state. An immer recipe, like `evolveFramework`. */
export function evolveProduct(state: Draft<ProductState>, event: ProductEvent): void {
  state.status = 'known'
  state.beneficiaryId = event.data.beneficiaryId
  state.product = event.data.product
  switch (event.type) {
    case 'ProductPhaseChanged':
      state.phase = event.data.phase
      state.phaseSince = event.data.changedOn
      return
    case 'ImpactRecorded':
      state.measurements += 1
      return
    default: {
      const unreachable: never = event
      throw new Error(`Unhandled product event ${JSON.stringify(unreachable)}`)
    }
  }
}
