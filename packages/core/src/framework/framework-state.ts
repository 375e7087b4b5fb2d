import type { Cents } from '../money/money.js'
import type { AlertThresholds } from './framework-events.js'

/** A holder on the framework's list of suppliers. */
export interface HolderState {
  readonly name: string
  readonly addedOn: string
  /** False once a successor replaced this holder (R2194-6). */
  readonly current: boolean
  /** The holder that succeeded this one, when one did. */
  readonly succeededBy: string | undefined
}

/** A beneficiary and its money: what it was allocated and what it committed. */
export interface BeneficiaryState {
  readonly name: string
  readonly programme: string | undefined
  readonly allocated: Cents
  readonly committed: Cents
  /** Allocation thresholds (in %) already crossed, each raised once. */
  readonly crossed: readonly number[]
}

/** The decision state of one framework stream. */
export interface FrameworkState {
  readonly status: 'none' | 'open' | 'closed'
  readonly frameworkId: string
  readonly estimate: Cents
  readonly maximum: Cents
  readonly startsOn: string
  readonly endsOn: string
  readonly maxHolders: number
  readonly closedOn: string | undefined
  readonly holders: Readonly<Record<string, HolderState>>
  readonly currentHolders: number
  readonly beneficiaries: Readonly<Record<string, BeneficiaryState>>
  /** Σ allocations. */
  readonly allocated: Cents
  /** Σ committed over all call-offs (award + modifications − releases). */
  readonly committed: Cents
  readonly thresholds: AlertThresholds
  /** Thresholds already crossed, keyed `estimate:50`, `maximum:80`, … */
  readonly crossed: readonly string[]
  /** True once committed reached the maximum: every later call-off is refused. */
  readonly ceilingReached: boolean
}

/** The state of a framework stream that has no event yet. */
export function initialFrameworkState(): FrameworkState {
  return {
    status: 'none',
    frameworkId: '',
    estimate: 0n,
    maximum: 0n,
    startsOn: '',
    endsOn: '',
    maxHolders: 0,
    closedOn: undefined,
    holders: {},
    currentHolders: 0,
    beneficiaries: {},
    allocated: 0n,
    committed: 0n,
    thresholds: { estimate: [], maximum: [], allocation: [] },
    crossed: [],
    ceilingReached: false,
  }
}
