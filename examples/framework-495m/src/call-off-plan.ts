import type { Cents } from '@plafond/core'
import type { Beneficiary } from './beneficiaries.js'
import type { Holder } from './holders.js'

/** One certified delivery with the holder's invoice and the State's payment of it. */
export interface DeliveryPlan {
  readonly serviceId: string
  readonly amount: Cents
  readonly certifiedOn: string
  readonly periodStart: string
  readonly periodEnd: string
  readonly invoiceId: string
  readonly receivedOn: string
  /** 20 % of the amount, rounded half-up to the cent. */
  readonly vat: Cents
  readonly paymentId: string
  readonly paidOn: string
}

/** A purchase order under a subsequent contract (R2162-8): one per quarter of work. */
export interface OrderPlan {
  readonly orderId: string
  readonly amount: Cents
  readonly issuedOn: string
}

/** An increase of a call-off's amount, under one of the two bases the simulation uses. */
export interface ModificationPlan {
  readonly modificationId: string
  readonly delta: Cents
  /** R2194-2: additional services (≤ 50 % each, R2194-3); R2194-8: small (< 10 % and < EU threshold). */
  readonly legalBasis: 'R2194-2' | 'R2194-8'
  readonly notifiedOn: string
  readonly reason: string
}

/** A call-off as the simulation plans it, from its award to its closing. */
export interface CallOffPlan {
  readonly contractId: string
  readonly beneficiary: Beneficiary
  readonly holder: Holder
  readonly kind: 'subsequent-contract' | 'purchase-order'
  /** The amount awarded, before any modification. */
  readonly amount: Cents
  readonly awardedOn: string
  readonly competition: 'mini-competition' | 'direct'
  /** Why no mini-competition was run: required for a direct award among several holders. */
  readonly justification?: string
  readonly product: string
  readonly object: string
  readonly durationMonths: number
  readonly orders: readonly OrderPlan[]
  readonly modification?: ModificationPlan
  /** Every delivery planned, even those after the first year: the simulation keeps its own. */
  readonly deliveries: readonly DeliveryPlan[]
  /** When it is closed once its last delivery is certified; undefined while it runs. */
  readonly closedOn?: string
}
