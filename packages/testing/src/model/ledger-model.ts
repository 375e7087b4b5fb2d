import type { RejectionCode } from '@plafond/core'
import { LEDGER_UNIVERSE } from '../arbitraries/ledger-universe.js'

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
  /** SIRETs of its current holders. */
  readonly holders: Set<string>
  /** SIRETs of holders a successor replaced (R2194-6): listed still, current no more. */
  readonly formerHolders: Set<string>
  /** Who succeeded whom: former holder → its successor. */
  readonly successors: Map<string, string>
  /** Its beneficiaries by SIRET. */
  readonly beneficiaries: Map<string, ModelBeneficiary>
}

/** An invoice received on a call-off, and what was paid against it. */
export interface ModelInvoice {
  /** HT, in cents. */
  readonly amount: bigint
  /** The VAT on it, in cents. */
  readonly vat: bigint
  /** The day the 30-day payment clock starts (R2192-10). */
  readonly receivedOn: string
  /** Σ paid against it, HT. */
  paid: bigint
  /** Whether a late payment already carried the 40 € lump sum (R2192-36: once per invoice). */
  lumpSumCharged: boolean
}

/** A call-off in the model: what it commits, and what was certified, paid and given back. */
export interface ModelContract {
  readonly id: string
  readonly frameworkId: string
  readonly beneficiaryId: string
  /** The holder now executing it: changed by an R2194-6 modification. */
  holderId: string
  readonly kind: 'subsequent-contract' | 'purchase-order'
  readonly awardedOn: string
  /** The amount at award, in cents; every amount of the model is in cents. */
  readonly initial: bigint
  /** Σ signed modification deltas. */
  modifications: bigint
  /** Σ |delta| of its R2194-8 modifications (R2194-9). */
  smallModifications: bigint
  /** Σ purchase orders issued under it. */
  ordered: bigint
  certified: bigint
  /** Σ invoiced, HT. */
  invoiced: bigint
  paid: bigint
  /** What closing gave back: the uncertified remainder at closing. */
  released: bigint
  closed: boolean
  /** Order, service, payment and modification ids used on the contract: each may be used once. */
  readonly orderIds: Set<string>
  readonly serviceIds: Set<string>
  readonly paymentIds: Set<string>
  readonly modificationIds: Set<string>
  /** Its invoices by id. */
  readonly invoices: Map<string, ModelInvoice>
}

/** What a late payment owes (R2192-31, R2192-36), as the model predicts it. */
export interface ModelLateInterest {
  readonly daysLate: number
  /** Interest plus the lump sum, in cents. */
  readonly amount: bigint
}

/**
 * What the model predicts for one command: accepted (with the late-payment interest it writes, if
 * any), or refused with an exact code.
 */
export type ModelOutcome =
  | { readonly ok: true; readonly lateInterest?: ModelLateInterest }
  | { readonly ok: false; readonly code: RejectionCode }

/** The dated tables the ledger and the model both read: R2194-8's EU thresholds, ECB rates. */
export interface ModelRateTables {
  readonly euThresholds: readonly { readonly from: string; readonly amount: string }[]
  readonly ecbRates: readonly { readonly halfYear: string; readonly rate: string }[]
}

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
  /** The rate tables the ledger under test was given. */
  readonly tables: ModelRateTables
}

/** An empty ledger, reading `LEDGER_UNIVERSE`'s rate tables unless others are given. */
export function createLedgerModel(tables: ModelRateTables = LEDGER_UNIVERSE): LedgerModel {
  return {
    frameworks: new Map(),
    contracts: new Map(),
    outcomes: new Map(),
    tables: { euThresholds: tables.euThresholds, ecbRates: tables.ecbRates },
  }
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
