import type { Cents } from '../money/money.js'

/** The decision state of one contract (call-off) stream. */
export interface ContractState {
  readonly status: 'none' | 'active' | 'closed'
  readonly contractId: string
  readonly frameworkId: string
  readonly beneficiaryId: string
  readonly holderId: string
  readonly kind: 'subsequent-contract' | 'purchase-order'
  readonly awardedOn: string
  /** Amount at award. */
  readonly initial: Cents
  /** Current amount: initial + Σ modifications. */
  readonly amount: Cents
  /** Σ purchase orders issued under the contract. */
  readonly ordered: Cents
  readonly certified: Cents
  readonly invoiced: Cents
  readonly paid: Cents
  /** Σ |delta| of R2194-8 modifications, cumulated as R2194-9 requires. */
  readonly smallModifications: Cents
  /** What closing gave back (amount − certified at closing). */
  readonly released: Cents
  readonly closedOn: string | undefined
  readonly serviceIds: Readonly<Record<string, true>>
  readonly paymentIds: Readonly<Record<string, true>>
  readonly orderIds: Readonly<Record<string, true>>
  readonly modificationIds: Readonly<Record<string, true>>
  readonly invoices: Readonly<Record<string, InvoiceState>>
}

/** An invoice received on the contract, and what was paid against it. */
export interface InvoiceState {
  readonly amount: Cents
  readonly vat: Cents
  readonly receivedOn: string
  readonly paid: Cents
  /** Whether the 40 € recovery lump sum was already charged on this invoice. */
  readonly lumpSumCharged: boolean
}

/** The state of a contract stream that has no event yet. */
export function initialContractState(): ContractState {
  return {
    status: 'none',
    contractId: '',
    frameworkId: '',
    beneficiaryId: '',
    holderId: '',
    kind: 'subsequent-contract',
    awardedOn: '',
    initial: 0n,
    amount: 0n,
    ordered: 0n,
    certified: 0n,
    invoiced: 0n,
    paid: 0n,
    smallModifications: 0n,
    released: 0n,
    closedOn: undefined,
    serviceIds: {},
    paymentIds: {},
    orderIds: {},
    modificationIds: {},
    invoices: {},
  }
}
