import type { RejectionCode } from '@plafond/core'

/** The HTTP statuses a refused command is answered with. */
export type RejectionStatus = 403 | 409 | 422

/**
 * The HTTP status of every rejection code. The rule (README, "Status mapping"):
 *
 * - 403 when the actor may not issue the command;
 * - 422 when the command is wrong in itself: no state of the ledger would accept it as written,
 *   so the client must change it, not wait or retry;
 * - 409 when the command conflicts with what the ledger holds now: an allocation already used, a
 *   ceiling reached, an id already taken, something not created yet. The same content could
 *   pass against another state (under a new `commandId`: a refused id stays refused).
 *
 * `satisfies` makes the table exhaustive: a new code in core fails the typecheck here until it
 * is given a status.
 */
export const STATUS_FOR_REJECTION = {
  invalid_command: 422,
  forbidden: 403,
  idempotency_conflict: 409,
  unknown_framework: 409,
  unknown_contract: 409,
  framework_exists: 409,
  holder_exists: 409,
  holder_limit_reached: 409,
  beneficiary_exists: 409,
  over_allocation: 409,
  allocation_in_use: 409,
  framework_not_open: 409,
  unknown_beneficiary: 409,
  unknown_holder: 409,
  allocation_exceeded: 409,
  framework_ceiling_exceeded: 409,
  contract_exists: 409,
  order_exceeds_contract: 409,
  modification_limit_exceeded: 409,
  service_exceeds_commitment: 409,
  invoice_exceeds_commitment: 409,
  payment_exceeds_service: 409,
  contract_closed: 409,
  // A date before the contract's award, or a period that ends before it starts: the award date
  // never changes, so no later state makes this command valid.
  invalid_dates: 422,
  order_exists: 409,
  modification_exists: 409,
  service_exists: 409,
  invoice_exists: 409,
  payment_exists: 409,
  unknown_invoice: 409,
  payment_exceeds_invoice: 409,
  // The ECB rate table lacks the payment's half-year: the command cannot be processed as the
  // service is configured, and waiting does not help; the operator extends the table.
  missing_rate: 422,
} as const satisfies Record<RejectionCode, RejectionStatus>

/** The HTTP status a rejection is answered with. */
export function statusForRejection(code: RejectionCode): RejectionStatus {
  return STATUS_FOR_REJECTION[code]
}
