import { z } from 'zod'
import { BusinessDateSchema } from '../calendar/business-date.js'
import { productEvents, type Decision } from '../commands/decision.js'
import { Id } from '../identifiers/id.js'
import { Siret } from '../identifiers/siret.js'
import { ProductPhase } from './product-events.js'
import type { ProductState } from './product-state.js'

/** zod schema of `ChangeProductPhase`: a beneficiary's product moves to a beta.gouv.fr phase. */
export const ChangeProductPhase = z.strictObject({
  type: z.literal('ChangeProductPhase'),
  commandId: Id,
  beneficiaryId: Siret,
  product: Id,
  phase: ProductPhase,
  on: BusinessDateSchema,
})

/** Records a product's new phase. */
export type ChangeProductPhase = z.infer<typeof ChangeProductPhase>

/** Decides `ChangeProductPhase`: always recorded; spend is read per phase from then on. */
export function decideChangeProductPhase(
  command: ChangeProductPhase,
  _state: ProductState,
): Decision {
  return productEvents({
    type: 'ProductPhaseChanged',
    data: {
      beneficiaryId: command.beneficiaryId,
      product: command.product,
      phase: command.phase,
      changedOn: command.on,
    },
  })
}
