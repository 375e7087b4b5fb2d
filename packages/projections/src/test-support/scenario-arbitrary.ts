import { SIRETS } from '@plafond/testing'
import fc from 'fast-check'

/** One random move in a scenario; numbers are resolved against the ledger as it stands. */
export type ScenarioStep =
  | {
      readonly kind: 'award'
      readonly pick: number
      readonly share: number
      readonly day: number
      readonly product: number
      readonly order: boolean
    }
  | { readonly kind: 'order'; readonly pick: number; readonly share: number; readonly day: number }
  | {
      readonly kind: 'modify'
      readonly pick: number
      readonly perMille: number
      readonly day: number
    }
  | {
      readonly kind: 'certify'
      readonly pick: number
      readonly share: number
      readonly day: number
    }
  | {
      readonly kind: 'invoice'
      readonly pick: number
      readonly share: number
      readonly day: number
    }
  | {
      readonly kind: 'pay'
      readonly pick: number
      readonly share: number
      readonly day: number
      readonly withInvoice: boolean
    }
  | { readonly kind: 'close'; readonly pick: number; readonly day: number }
  | {
      readonly kind: 'allocate' | 'release'
      readonly pick: number
      readonly share: number
      readonly day: number
    }
  | {
      readonly kind: 'transfer'
      readonly pick: number
      readonly share: number
      readonly day: number
    }
  | { readonly kind: 'succeed'; readonly pick: number; readonly day: number }
  | { readonly kind: 'phase'; readonly pick: number; readonly phase: number; readonly day: number }
  | { readonly kind: 'impact'; readonly pick: number; readonly value: number; readonly day: number }

/** A scenario: the framework's figures, then random steps, each `minutes` after the previous. */
export interface Scenario {
  readonly maximumEuros: number
  readonly estimateQuarters: number
  /** Per-mille of the maximum allocated to each beneficiary at the start. */
  readonly allocations: readonly number[]
  readonly holders: number
  readonly steps: readonly { readonly step: ScenarioStep; readonly minutes: number }[]
}

/** Phases a scenario moves products through. */
export const PHASES = [
  'investigation',
  'construction',
  'acceleration',
  'transfer',
  'success',
  'alumni',
] as const
/** Holders a scenario may add, in order. */
export const HOLDERS: readonly string[] = [SIRETS.holder1, SIRETS.holder2, SIRETS.holder3]
/** The holder that succeeds another in a scenario (R2194-6). */
export const SUCCESSOR: string = SIRETS.holder4
/** Beneficiaries a scenario may add, in order. */
export const BENEFICIARIES: readonly string[] = [
  SIRETS.beneficiaryB,
  SIRETS.beneficiaryC,
  SIRETS.beneficiaryD,
  SIRETS.beneficiaryE,
]
/** Products call-offs may name. */
export const PRODUCTS = ['alpha', 'beta']
/** The framework of every scenario. */
export const FRAMEWORK_ID = 'AC-PROJ'
/** The day it starts. */
export const STARTS_ON = '2025-01-01'

const pick = fc.nat({ max: 1000 })
const share = fc.integer({ min: 1, max: 1000 })
const day = fc.nat({ max: 480 })

const step: fc.Arbitrary<ScenarioStep> = fc.oneof(
  {
    arbitrary: fc.record({
      kind: fc.constant('award' as const),
      pick,
      share,
      day,
      product: fc.nat({ max: 2 }),
      order: fc.boolean(),
    }),
    weight: 6,
  },
  { arbitrary: fc.record({ kind: fc.constant('order' as const), pick, share, day }), weight: 1 },
  {
    arbitrary: fc.record({
      kind: fc.constant('modify' as const),
      pick,
      perMille: fc.integer({ min: -400, max: 400 }),
      day,
    }),
    weight: 2,
  },
  { arbitrary: fc.record({ kind: fc.constant('certify' as const), pick, share, day }), weight: 6 },
  { arbitrary: fc.record({ kind: fc.constant('invoice' as const), pick, share, day }), weight: 4 },
  {
    arbitrary: fc.record({
      kind: fc.constant('pay' as const),
      pick,
      share,
      day: fc.nat({ max: 90 }),
      withInvoice: fc.boolean(),
    }),
    weight: 6,
  },
  { arbitrary: fc.record({ kind: fc.constant('close' as const), pick, day }), weight: 1 },
  {
    arbitrary: fc.record({
      kind: fc.constantFrom('allocate' as const, 'release' as const),
      pick,
      share,
      day,
    }),
    weight: 1,
  },
  { arbitrary: fc.record({ kind: fc.constant('transfer' as const), pick, share, day }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('succeed' as const), pick, day }), weight: 1 },
  {
    arbitrary: fc.record({
      kind: fc.constant('phase' as const),
      pick,
      phase: fc.nat({ max: 5 }),
      day,
    }),
    weight: 2,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant('impact' as const),
      pick,
      value: fc.nat({ max: 5000 }),
      day,
    }),
    weight: 2,
  },
)

/** Scenarios of `minSteps` to `maxSteps` random moves on one framework. */
export function scenarioArbitrary(minSteps = 10, maxSteps = 60): fc.Arbitrary<Scenario> {
  return fc.record({
    maximumEuros: fc.integer({ min: 50_000, max: 2_000_000 }),
    estimateQuarters: fc.integer({ min: 1, max: 4 }),
    allocations: fc.array(fc.integer({ min: 50, max: 500 }), { minLength: 1, maxLength: 4 }),
    holders: fc.integer({ min: 1, max: 3 }),
    steps: fc.array(fc.record({ step, minutes: fc.integer({ min: 1, max: 60 * 24 * 20 }) }), {
      minLength: minSteps,
      maxLength: maxSteps,
    }),
  })
}
