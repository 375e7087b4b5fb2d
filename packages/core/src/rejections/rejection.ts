/**
 * Every code a refused command can carry. The codes up to `invalid_dates` are `DOMAIN.md`'s; the
 * rest cover what `DOMAIN.md` leaves to the implementation: duplicate ids inside a contract,
 * payments against an unknown or overpaid invoice, and a half-year the ECB rate table lacks.
 */
export const REJECTION_CODES = [
  'invalid_command',
  'forbidden',
  'idempotency_conflict',
  'unknown_framework',
  'unknown_contract',
  'framework_exists',
  'holder_exists',
  'holder_limit_reached',
  'beneficiary_exists',
  'over_allocation',
  'allocation_in_use',
  'framework_not_open',
  'unknown_beneficiary',
  'unknown_holder',
  'allocation_exceeded',
  'framework_ceiling_exceeded',
  'contract_exists',
  'order_exceeds_contract',
  'modification_limit_exceeded',
  'service_exceeds_commitment',
  'invoice_exceeds_commitment',
  'payment_exceeds_service',
  'contract_closed',
  'invalid_dates',
  'order_exists',
  'modification_exists',
  'service_exists',
  'invoice_exists',
  'payment_exists',
  'unknown_invoice',
  'payment_exceeds_invoice',
  'missing_rate',
] as const

/** A rejection code: a stable snake_case name for why a command was refused. */
export type RejectionCode = (typeof REJECTION_CODES)[number]

/** One problem found in a command's input, with the path to the offending field. */
export interface InputIssue {
  readonly path: string
  readonly message: string
}

/**
 * A refused command: a stable `code`, a message that says what was expected, what was found and
 * what to do, and the figures behind it (`limit`, `attempted`, …) as decimal strings.
 */
export interface Rejection {
  readonly code: RejectionCode
  readonly message: string
  readonly [detail: string]: unknown
}

/** Builds a rejection. */
export function reject(
  code: RejectionCode,
  message: string,
  details: Readonly<Record<string, unknown>> = {},
): Rejection {
  return { ...details, code, message }
}

/** Whether `value` is a rejection code. */
export function isRejectionCode(value: string): value is RejectionCode {
  return (REJECTION_CODES as readonly string[]).includes(value)
}
