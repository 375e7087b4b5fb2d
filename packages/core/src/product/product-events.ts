import { z } from 'zod'
import { BusinessDateSchema } from '../calendar/business-date.js'
import { Id } from '../identifiers/id.js'
import { Siret } from '../identifiers/siret.js'

/** The phases of a beta.gouv.fr product. */
export const ProductPhase = z.enum([
  'investigation',
  'construction',
  'acceleration',
  'transfer',
  'success',
  'alumni',
])

/** One impact indicator: a name, a value written as a decimal string, an optional unit. */
export const ImpactIndicator = z.strictObject({
  name: z.string().min(1).max(200),
  value: z.string().regex(/^-?\d{1,15}(?:\.\d{1,6})?$/, {
    error: 'Expected a decimal number written as a string, e.g. "1250" or "0.85".',
  }),
  unit: z.string().min(1).max(50).optional(),
})

/** A product entered a phase. */
export const ProductPhaseChanged = z.strictObject({
  beneficiaryId: Siret,
  product: Id,
  phase: ProductPhase,
  changedOn: BusinessDateSchema,
})

/** Impact was measured (every six months on beta.gouv.fr). */
export const ImpactRecorded = z.strictObject({
  beneficiaryId: Siret,
  product: Id,
  measuredOn: BusinessDateSchema,
  indicators: z.array(ImpactIndicator).min(1).max(50),
})
