import { z } from 'zod'
import { BusinessDateSchema } from '../calendar/business-date.js'
import { Id } from '../identifiers/id.js'
import { Siret } from '../identifiers/siret.js'
import { Money, SignedMoney } from '../money/money.js'
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

/** The period a certified delivery covers (a sprint, a month). */
export const ServicePeriod = z.strictObject({
  from: BusinessDateSchema.optional(),
  to: BusinessDateSchema.optional(),
})

/**
 * Delivery was certified (service fait) for an amount. Schema v2: the covered period is one
 * `period` object; v1 had `periodStart` and `periodEnd` at the top (see `UPCASTERS`).
 */
export const ServiceCertified = z.strictObject({
  contractId: Id,
  serviceId: Id,
  amount: Money,
  certifiedOn: BusinessDateSchema,
  period: ServicePeriod.optional(),
})

/** A purchase order was issued under a subsequent contract (R2162-8). */
export const OrderIssued = z.strictObject({
  contractId: Id,
  orderId: Id,
  amount: Money,
  issuedOn: BusinessDateSchema,
})

/** The legal bases of a contract modification (L2194-1, R2194-1 to R2194-8). */
export const LegalBasis = z.enum(['R2194-1', 'R2194-2', 'R2194-5', 'R2194-6', 'R2194-7', 'R2194-8'])

/** A contract was modified: its amount by a signed delta, or its holder by succession. */
export const ContractModified = z.strictObject({
  contractId: Id,
  modificationId: Id,
  delta: SignedMoney.or(z.literal('0.00')),
  legalBasis: LegalBasis,
  notifiedOn: BusinessDateSchema,
  reason: z.string(),
  /** The amount after the modification (DECP publishes new totals, not deltas). */
  newAmount: Money,
  /** R2194-6: the holder that succeeds the previous one. */
  newHolderId: Siret.optional(),
})

/** An invoice was received (Chorus Pro): HT amount and VAT; its reception starts the 30-day clock. */
export const InvoiceRecorded = z.strictObject({
  contractId: Id,
  invoiceId: Id,
  amount: Money,
  vat: Money,
  receivedOn: BusinessDateSchema,
})

/** A payment was made to the holder. */
export const PaymentRecorded = z.strictObject({
  contractId: Id,
  paymentId: Id,
  amount: Money,
  paidOn: BusinessDateSchema,
  invoiceId: Id.optional(),
})

/** A payment made after the 30-day limit owes interest of right (R2192-10, R2192-31, R2192-36). */
export const LatePaymentInterestDue = z.strictObject({
  contractId: Id,
  paymentId: Id,
  invoiceId: Id,
  receivedOn: BusinessDateSchema,
  dueOn: BusinessDateSchema,
  paidOn: BusinessDateSchema,
  daysLate: z.int().min(1),
  /** ECB main refinancing rate + 8 points, percent per year. */
  annualRate: Money,
  /** The sum paid late, VAT included. */
  base: Money,
  interest: Money,
  lumpSum: Money,
  /** interest + lumpSum. */
  amount: Money,
})

/** The call-off was closed; its uncertified remainder was released. */
export const ContractClosed = z.strictObject({
  contractId: Id,
  closedOn: BusinessDateSchema,
  released: Money,
})
