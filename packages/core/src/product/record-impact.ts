import { z } from 'zod'
import { BusinessDateSchema } from '../calendar/business-date.js'
import { productEvents, type Decision } from '../commands/decision.js'
import { Id } from '../identifiers/id.js'
import { Siret } from '../identifiers/siret.js'
import { ImpactIndicator } from './product-events.js'
import type { ProductState } from './product-state.js'

/** zod schema of `RecordImpact`: a product's impact indicators, measured on a date. */
export const RecordImpact = z.strictObject({
  type: z.literal('RecordImpact'),
  commandId: Id,
  beneficiaryId: Siret,
  product: Id,
  measuredOn: BusinessDateSchema,
  indicators: z.array(ImpactIndicator).min(1).max(50),
})

/** Records a measurement of a product's impact. */
export type RecordImpact = z.infer<typeof RecordImpact>

/** Decides `RecordImpact`: always recorded. */
export function decideRecordImpact(command: RecordImpact, _state: ProductState): Decision {
  return productEvents({
    type: 'ImpactRecorded',
    data: {
      beneficiaryId: command.beneficiaryId,
      product: command.product,
      measuredOn: command.measuredOn,
      indicators: command.indicators,
    },
  })
}
