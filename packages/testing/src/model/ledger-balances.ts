import { allocatedUnder, committedUnder, contractAmount, type LedgerModel } from './ledger-model.js'

/** A beneficiary's money under one framework. */
export interface BeneficiaryBalance {
  allocated: bigint
  committed: bigint
}

/** A framework's limits and totals, and the facts invariants 1, 3 and 5 speak of. */
export interface FrameworkBalance {
  maximum: bigint
  /** Σ allocations. */
  allocated: bigint
  /** Σ committed, as the framework stream counts it. */
  committed: bigint
  /** Current holders (a successor replaces the holder it succeeds). */
  holders: number
  maxHolders: number
  closed: boolean
  ceilingReached: boolean
  beneficiaries: Record<string, BeneficiaryBalance>
}

/** A call-off's money, as its contract stream counts it. */
export interface ContractBalance {
  frameworkId: string
  beneficiaryId: string
  initial: bigint
  /** Σ signed modification deltas. */
  modifications: bigint
  /** initial + modifications. */
  amount: bigint
  ordered: bigint
  certified: bigint
  invoiced: bigint
  paid: bigint
  /** What closing gave back. */
  released: bigint
  closed: boolean
}

/**
 * The balances a ledger is checked on: per framework, per beneficiary and per contract. Built from
 * the reference model (`balancesOfModel`) or from the event log (`BalancesFold`), and compared
 * with `stableSerialize`.
 */
export interface LedgerBalances {
  readonly frameworks: Record<string, FrameworkBalance>
  readonly contracts: Record<string, ContractBalance>
}

/** The balances the reference model predicts. */
export function balancesOfModel(model: LedgerModel): LedgerBalances {
  const balances: LedgerBalances = { frameworks: {}, contracts: {} }
  for (const framework of model.frameworks.values()) {
    const beneficiaries: Record<string, BeneficiaryBalance> = {}
    for (const [id, beneficiary] of framework.beneficiaries) {
      beneficiaries[id] = {
        allocated: beneficiary.allocated,
        committed: committedUnder(model, framework.id, id),
      }
    }
    balances.frameworks[framework.id] = {
      maximum: framework.maximum,
      allocated: allocatedUnder(framework),
      committed: committedUnder(model, framework.id),
      holders: framework.holders.size,
      maxHolders: framework.maxHolders,
      closed: framework.closed,
      ceilingReached: framework.ceilingReached,
      beneficiaries,
    }
  }
  for (const contract of model.contracts.values()) {
    balances.contracts[contract.id] = {
      frameworkId: contract.frameworkId,
      beneficiaryId: contract.beneficiaryId,
      initial: contract.initial,
      modifications: contract.modifications,
      amount: contractAmount(contract),
      ordered: contract.ordered,
      certified: contract.certified,
      invoiced: contract.invoiced,
      paid: contract.paid,
      released: contract.released,
      closed: contract.closed,
    }
  }
  return balances
}
