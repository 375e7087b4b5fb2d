import type { RejectionCode } from '@plafond/core'

/** A beneficiary in the model: only its allocation is stored; what it committed is derived. */
export interface ModelBeneficiary {
  /** Its allocation, in cents. */
  allocated: bigint
}

/** A framework agreement in the model: its limits, its lists, and whether it is still open. */
export interface ModelFramework {
  readonly id: string
  readonly estimate: bigint
  readonly maximum: bigint
  readonly startsOn: string
  readonly endsOn: string
  /** How many holders the framework announced (R2162-6). */
  readonly maxHolders: number
  /** Closed: no call-off after it (R2162-5). */
  closed: boolean
  /** Committed money once reached the maximum: the framework has exhausted its effects for good. */
  ceilingReached: boolean
  /** SIRETs of its holders. */
  readonly holders: Set<string>
  /** Its beneficiaries by SIRET. */
  readonly beneficiaries: Map<string, ModelBeneficiary>
}

/** A call-off in the model: what it commits, and what was certified, paid and given back. */
export interface ModelContract {
  readonly id: string
  readonly frameworkId: string
  readonly beneficiaryId: string
  readonly kind: 'subsequent-contract' | 'purchase-order'
  readonly awardedOn: string
  /** The amount at award, in cents; every amount of the model is in cents. */
  readonly initial: bigint
  /** Σ signed modification deltas (none until ModifyContract is modelled). */
  modifications: bigint
  /** Σ purchase orders issued under it. */
  ordered: bigint
  certified: bigint
  paid: bigint
  /** What closing gave back: the uncertified remainder at closing. */
  released: bigint
  closed: boolean
  /** Order, service and payment ids used on the contract: each may be used once. */
  readonly orderIds: Set<string>
  readonly serviceIds: Set<string>
  readonly paymentIds: Set<string>
}

/** What the model predicts for one command: accepted, or refused with an exact code. */
export type ModelOutcome =
  { readonly ok: true } | { readonly ok: false; readonly code: RejectionCode }

/** The first outcome of a command id, with the content it was decided on (idempotency). */
export interface RememberedOutcome {
  readonly content: string
  readonly outcome: ModelOutcome
}

/**
 * The reference model of a ledger: plain maps of bigint cents, mutated in place by
 * `predictOutcome`. It knows the money rules of `DOMAIN.md` and nothing of core's deciders.
 */
export interface LedgerModel {
  readonly frameworks: Map<string, ModelFramework>
  readonly contracts: Map<string, ModelContract>
  readonly outcomes: Map<string, RememberedOutcome>
}

/** An empty ledger. */
export function createLedgerModel(): LedgerModel {
  return { frameworks: new Map(), contracts: new Map(), outcomes: new Map() }
}

/** A deep copy: Maps, Sets and bigints included. */
export function cloneLedgerModel(model: LedgerModel): LedgerModel {
  return structuredClone(model)
}

/** A contract's current amount: initial + Σ modifications. */
export function contractAmount(contract: ModelContract): bigint {
  return contract.initial + contract.modifications
}

/** What a contract still commits: its amount, less what closing gave back. */
export function contractCommitted(contract: ModelContract): bigint {
  return contractAmount(contract) - contract.released
}

/**
 * Committed money under a framework, for one beneficiary or for all: Σ over its contracts of
 * (initial + modifications − released). Invariant 6 is the definition here, not a check.
 */
export function committedUnder(
  model: LedgerModel,
  frameworkId: string,
  beneficiaryId?: string,
): bigint {
  let total = 0n
  for (const contract of model.contracts.values()) {
    if (contract.frameworkId !== frameworkId) continue
    if (beneficiaryId !== undefined && contract.beneficiaryId !== beneficiaryId) continue
    total += contractCommitted(contract)
  }
  return total
}

/** Σ allocations of a framework. */
export function allocatedUnder(framework: ModelFramework): bigint {
  let total = 0n
  for (const beneficiary of framework.beneficiaries.values()) total += beneficiary.allocated
  return total
}

/** What a beneficiary has allocated and not committed: what it may still commit, release or give. */
export function unusedAllocation(
  model: LedgerModel,
  framework: ModelFramework,
  beneficiaryId: string,
): bigint {
  const beneficiary = framework.beneficiaries.get(beneficiaryId)
  if (!beneficiary) return 0n
  return beneficiary.allocated - committedUnder(model, framework.id, beneficiaryId)
}
