import type { Beneficiary, Holder } from './cast.js'

/** One certified delivery, the holder's invoice for it, and the payment of that invoice. */
export interface CertificationPlan {
  readonly serviceId: string
  readonly certifiedOn: string
  readonly periodStart: string
  readonly periodEnd: string
  /** Excluding VAT, in cents: certified, invoiced and paid alike. */
  readonly amount: bigint
  readonly invoiceId: string
  /** Received through Chorus Pro: the 30-day payment clock starts here (R2192-10). */
  readonly receivedOn: string
  /** VAT at 20 % on the amount, rounded half-up to the cent. */
  readonly vat: bigint
  readonly paymentId: string
  readonly paidOn: string
}

/** A modification that raises a call-off's amount during its execution. */
export interface IncreasePlan {
  readonly modificationId: string
  /** R2194-2 (additional services, ≤ 50 % of the initial amount) or R2194-8 (small, < 10 %). */
  readonly legalBasis: 'R2194-2' | 'R2194-8'
  readonly delta: bigint
  readonly notifiedOn: string
  readonly reason: string
}

/** A purchase order under a subsequent contract (R2162-8), issued ahead of the work it covers. */
export interface OrderPlan {
  readonly orderId: string
  readonly amount: bigint
  readonly issuedOn: string
}

/** A beta.gouv.fr phase that a subsequent contract funds for one period. */
export type FundedPhase = 'investigation' | 'construction' | 'acceleration'

/**
 * The product period a subsequent contract pays for, and what comes after it: another period,
 * the committee's decision to stop, or the end of the framework while the product still runs.
 */
export interface PeriodPlan {
  readonly phase: FundedPhase
  readonly next: 'continues' | 'stopped' | 'framework-ended'
}

/** One call-off as the history will play it: award, deliveries, payments, maybe closing. */
export interface ContractPlan {
  readonly contractId: string
  readonly beneficiary: Beneficiary
  readonly holder: Holder
  readonly kind: 'subsequent-contract' | 'purchase-order'
  readonly competition: 'mini-competition' | 'direct'
  /** Why no mini-competition was run, for a direct award (R2162-10). */
  readonly justification: string | undefined
  /** The product (service) the call-off works on: every call-off names one. */
  readonly product: string
  /** The period of the product a subsequent contract funds; undefined for a purchase order. */
  readonly period: PeriodPlan | undefined
  readonly object: string
  readonly durationMonths: number
  readonly awardedOn: string
  /** Final amount, in cents: what was certified plus the margin a buyer keeps. */
  readonly amount: bigint
  /** An increase by modification during execution; the award was `amount − delta`. */
  readonly increase: IncreasePlan | undefined
  /** Purchase orders issued under a subsequent contract; Σ amounts ≤ `amount`. */
  readonly orders: readonly OrderPlan[]
  readonly certifications: readonly CertificationPlan[]
  /** When the buyer closes it and releases the uncertified remainder; undefined if left open. */
  readonly closedOn: string | undefined
}
