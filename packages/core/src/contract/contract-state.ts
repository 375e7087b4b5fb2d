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
  readonly certified: Cents
  readonly invoiced: Cents
  readonly paid: Cents
  /** What closing gave back (amount − certified at closing). */
  readonly released: Cents
  readonly closedOn: string | undefined
  readonly serviceIds: Readonly<Record<string, true>>
  readonly paymentIds: Readonly<Record<string, true>>
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
    certified: 0n,
    invoiced: 0n,
    paid: 0n,
    released: 0n,
    closedOn: undefined,
    serviceIds: {},
    paymentIds: {},
  }
}
