import { z } from 'zod'
import { BusinessDateSchema } from '../calendar/business-date.js'
import { Id } from '../identifiers/id.js'
import { Cpv, Siret } from '../identifiers/siret.js'
import { Money, SignedMoney } from '../money/money.js'

/** Percent thresholds that raise `ThresholdCrossed` alerts. */
export const AlertThresholds = z.strictObject({
  estimate: z.array(z.int().min(1).max(100)).readonly(),
  maximum: z.array(z.int().min(1).max(100)).readonly(),
  allocation: z.array(z.int().min(1).max(100)).readonly(),
})

/** Alert thresholds, in whole percent, per reference. */
export type AlertThresholds = z.infer<typeof AlertThresholds>

/** The kind of a call-off. */
export const ContractKind = z.enum(['subsequent-contract', 'purchase-order'])

/** Why a framework closed. */
export const CloseReason = z.enum(['expired', 'terminated', 'exhausted'])

/** A framework agreement was opened with its estimate, maximum and validity. */
export const FrameworkOpened = z.strictObject({
  frameworkId: Id,
  title: z.string(),
  buyerId: Siret,
  cpv: Cpv.optional(),
  estimate: Money,
  maximum: Money,
  minimum: Money.optional(),
  startsOn: BusinessDateSchema,
  endsOn: BusinessDateSchema,
  maxHolders: z.int(),
  durationJustification: z.string().optional(),
  alertThresholds: AlertThresholds,
})

/** A holder (titulaire) joined the framework's closed list of suppliers. */
export const HolderAdded = z.strictObject({
  frameworkId: Id,
  holderId: Siret,
  name: z.string(),
  addedOn: BusinessDateSchema,
})

/**
 * A holder was succeeded after a merger, an acquisition or a restructuring (R2194-6): the former
 * holder stops being current; what it was awarded stays its history.
 */
export const HolderSucceeded = z.strictObject({
  frameworkId: Id,
  holderId: Siret,
  successorId: Siret,
  successorName: z.string(),
  succeededOn: BusinessDateSchema,
  reason: z.string(),
})

/** A beneficiary (named buyer) may now place call-offs. */
export const BeneficiaryAdded = z.strictObject({
  frameworkId: Id,
  beneficiaryId: Siret,
  name: z.string(),
  programme: z.string().optional(),
  addedOn: BusinessDateSchema,
})

/** Part of the maximum was allocated to a beneficiary. */
export const AllocationGranted = z.strictObject({
  frameworkId: Id,
  beneficiaryId: Siret,
  amount: Money,
  allocatedOn: BusinessDateSchema,
})

/** Unused allocation went back to the framework. */
export const AllocationReleased = z.strictObject({
  frameworkId: Id,
  beneficiaryId: Siret,
  amount: Money,
  releasedOn: BusinessDateSchema,
})

/** Unused allocation moved from one beneficiary to another, in one step. */
export const AllocationTransferred = z.strictObject({
  frameworkId: Id,
  fromBeneficiaryId: Siret,
  toBeneficiaryId: Siret,
  amount: Money,
  transferredOn: BusinessDateSchema,
})

/** A call-off committed money under the framework: the framework side of an award. */
export const CommitmentAwarded = z.strictObject({
  frameworkId: Id,
  contractId: Id,
  beneficiaryId: Siret,
  holderId: Siret,
  kind: ContractKind,
  amount: Money,
  awardedOn: BusinessDateSchema,
})

/** A modification changed a call-off's committed amount by a signed delta. */
export const CommitmentModified = z.strictObject({
  frameworkId: Id,
  contractId: Id,
  beneficiaryId: Siret,
  modificationId: Id,
  delta: SignedMoney,
  notifiedOn: BusinessDateSchema,
})

/** Closing a call-off gave its uncertified remainder back to the beneficiary and the framework. */
export const CommitmentReleased = z.strictObject({
  frameworkId: Id,
  contractId: Id,
  beneficiaryId: Siret,
  amount: Money,
  closedOn: BusinessDateSchema,
})

/** Committed money first reached a percentage of the estimate, the maximum or an allocation. */
export const ThresholdCrossed = z.strictObject({
  frameworkId: Id,
  scope: z.enum(['estimate', 'maximum', 'allocation']),
  beneficiaryId: Siret.optional(),
  percent: z.int().min(1).max(100),
  reference: Money,
  committed: Money,
  crossedOn: BusinessDateSchema,
  contractId: Id,
})

/** Committed money reached the maximum: the framework has exhausted its effects (CJEU C-23/20 §68). */
export const CeilingReached = z.strictObject({
  frameworkId: Id,
  maximum: Money,
  committed: Money,
  reachedOn: BusinessDateSchema,
  contractId: Id,
})

/** The framework closed: no call-off after it. */
export const FrameworkClosed = z.strictObject({
  frameworkId: Id,
  closedOn: BusinessDateSchema,
  reason: CloseReason,
})
