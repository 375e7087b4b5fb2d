import { z } from 'zod'
import { BusinessDateSchema } from '../calendar/business-date.js'
import { Id } from '../identifiers/id.js'
import { Siret } from '../identifiers/siret.js'
import { Money } from '../money/money.js'
import { ContractKind } from '../framework/framework-events.js'

/** How a call-off was awarded. */
export const Competition = z.enum(['mini-competition', 'direct'])

/** A call-off (subsequent contract or purchase order) was awarded to a holder for a beneficiary. */
export const ContractAwarded = z.strictObject({
  contractId: Id,
  frameworkId: Id,
  beneficiaryId: Siret,
  holderId: Siret,
  kind: ContractKind,
  amount: Money,
  awardedOn: BusinessDateSchema,
  competition: Competition,
  justification: z.string().optional(),
  product: z.string().optional(),
  object: z.string().optional(),
  durationMonths: z.int().optional(),
})

/** Delivery was certified (service fait) for an amount. */
export const ServiceCertified = z.strictObject({
  contractId: Id,
  serviceId: Id,
  amount: Money,
  certifiedOn: BusinessDateSchema,
  periodStart: BusinessDateSchema.optional(),
  periodEnd: BusinessDateSchema.optional(),
})

/** A payment was made to the holder. */
export const PaymentRecorded = z.strictObject({
  contractId: Id,
  paymentId: Id,
  amount: Money,
  paidOn: BusinessDateSchema,
  invoiceId: Id.optional(),
})

/** The call-off was closed; its uncertified remainder was released. */
export const ContractClosed = z.strictObject({
  contractId: Id,
  closedOn: BusinessDateSchema,
  released: Money,
})
