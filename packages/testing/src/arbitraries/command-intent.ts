import fc from 'fast-check'

/**
 * An entity a command names: one that exists in the model (`known`), or any id of the universe,
 * which may not exist. `index` is taken modulo the number of candidates.
 */
export interface EntityPick {
  readonly known: boolean
  readonly index: number
}

/**
 * An amount, decided when the command runs, against the limit of the rule it meets: the limit
 * itself ± one cent (`edge`), a share of it, or a fixed sum. `short` writes it `"12.5"` or `"12"`
 * rather than `"12.50"`.
 */
export type AmountIntent = (
  | { readonly kind: 'edge'; readonly offset: -1n | 0n | 1n }
  | { readonly kind: 'share'; readonly quarters: 1 | 2 | 3 | 4 }
  | { readonly kind: 'fixed'; readonly cents: bigint }
) & { readonly short: boolean }

/**
 * A business date around a reference: the framework's validity for awards and closings
 * (`before` its start … `after` its end), the award date for dates inside a contract.
 */
export type DateIntent = 'before' | 'start' | 'inside' | 'end' | 'after'

/** Who issues the command, relative to who should. */
export type ActorIntent =
  'proper' | 'other-beneficiary' | 'wrong-role' | 'auditor' | 'nobody' | 'everyone'

/** The legal basis of a modification (L2194-1, R2194-1 to R2194-8). */
export type LegalBasisIntent = 'R2194-1' | 'R2194-2' | 'R2194-5' | 'R2194-6' | 'R2194-7' | 'R2194-8'

/**
 * What a modification gets right or wrong in its input: `valid`; `zero-delta` (no change of
 * amount, or for R2194-6 a change of amount); `stray-holder` (a new holder without R2194-6, or
 * R2194-6 without one).
 */
export type ModificationVariant = 'valid' | 'zero-delta' | 'stray-holder'

/** How a repeated command id comes back. */
export type RepeatVariant = 'same' | 'reformatted' | 'changed' | 'other-actor'

/**
 * A command before it meets a ledger: which entities, amounts and dates it names, relative to the
 * state it will find. `resolveIntent` turns it into a concrete command and actor.
 */
export type CommandIntent =
  | {
      readonly type: 'OpenFramework'
      readonly framework: number
      readonly variant:
        'valid' | 'estimate-above-maximum' | 'ends-before-start' | 'too-long' | 'too-long-justified'
      readonly maximumCents: bigint
      readonly estimateQuarters: 1 | 2 | 3 | 4
      readonly maxHolders: number
      readonly actor: ActorIntent
    }
  | {
      readonly type: 'AddHolder'
      readonly framework: EntityPick
      readonly holder: number
      readonly actor: ActorIntent
    }
  | {
      readonly type: 'AddBeneficiary'
      readonly framework: EntityPick
      readonly beneficiary: number
      readonly actor: ActorIntent
    }
  | {
      readonly type: 'Allocate' | 'ReleaseAllocation'
      readonly framework: EntityPick
      readonly beneficiary: EntityPick
      readonly amount: AmountIntent
      readonly actor: ActorIntent
    }
  | {
      readonly type: 'TransferAllocation'
      readonly framework: EntityPick
      readonly from: EntityPick
      readonly to: EntityPick
      readonly amount: AmountIntent
      readonly actor: ActorIntent
    }
  | {
      readonly type: 'AwardContract'
      readonly framework: EntityPick
      readonly contract: EntityPick
      readonly beneficiary: EntityPick
      readonly holder: EntityPick
      readonly amount: AmountIntent
      readonly date: DateIntent
      readonly competition: 'mini-competition' | 'direct' | 'direct-justified'
      readonly kind: 'subsequent-contract' | 'purchase-order'
      readonly actor: ActorIntent
    }
  | {
      readonly type: 'IssueOrder' | 'CertifyService' | 'RecordPayment'
      readonly contract: EntityPick
      /** Index of the order, service or payment id: few, so that some repeat. */
      readonly line: number
      readonly amount: AmountIntent
      readonly date: DateIntent
      readonly actor: ActorIntent
    }
  | {
      readonly type: 'ModifyContract'
      readonly contract: EntityPick
      /** Index of the modification id. */
      readonly line: number
      readonly legalBasis: LegalBasisIntent
      readonly direction: 'increase' | 'decrease'
      /** Around the limit of the basis: 50 % (R2194-2, -5), the R2194-8 cumul, the allocation or the floors. */
      readonly amount: AmountIntent
      /** Around the award, or on either side of the EU threshold's change on 1 January 2026. */
      readonly date: DateIntent | 'year-end' | 'new-year'
      /** For R2194-6: a current or former holder (`known`), or any holder of the universe. */
      readonly newHolder: EntityPick
      readonly variant: ModificationVariant
      readonly actor: ActorIntent
    }
  | {
      readonly type: 'RecordInvoice'
      readonly contract: EntityPick
      /** Index of the invoice id. */
      readonly line: number
      readonly amount: AmountIntent
      readonly vat: 'none' | 'standard' | 'reduced'
      /** Around the award, or in 2028, after the last half-year of the universe's ECB rates. */
      readonly date: DateIntent | 'beyond-rates'
      readonly actor: ActorIntent
    }
  | {
      /** `RecordPayment` against an invoice. */
      readonly type: 'PayInvoice'
      /** `known`: a contract with invoices when there is one. */
      readonly contract: EntityPick
      readonly invoice: EntityPick
      /** Index of the payment id. */
      readonly line: number
      readonly amount: AmountIntent
      /** Days after the invoice was received: the 30th is the last on time (R2192-10). */
      readonly day: -1 | 29 | 30 | 31 | 32 | 200
      readonly actor: ActorIntent
    }
  | {
      readonly type: 'SucceedHolder'
      readonly framework: EntityPick
      /** A current or former holder (`known`), or any holder of the universe. */
      readonly holder: EntityPick
      /** Index of the successor among the universe's holders (the holder itself now and then). */
      readonly successor: number
      readonly actor: ActorIntent
    }
  | {
      readonly type: 'ChangeProductPhase' | 'RecordImpact'
      readonly beneficiary: number
      readonly product: number
      readonly phase: number
      /** Whether the phase or the indicator value is well written. */
      readonly valid: boolean
      readonly actor: ActorIntent
    }
  | {
      readonly type: 'CloseContract'
      readonly contract: EntityPick
      readonly date: DateIntent
      readonly actor: ActorIntent
    }
  | {
      readonly type: 'CloseFramework'
      readonly framework: EntityPick
      readonly date: DateIntent
      readonly reason: 'expired' | 'terminated' | 'exhausted'
      readonly actor: ActorIntent
    }
  | {
      readonly type: 'Repeat'
      /** Which earlier command comes back, modulo the history's length. */
      readonly pick: number
      readonly variant: RepeatVariant
      readonly actor: ActorIntent
    }
  | { readonly type: 'Batch'; readonly steps: readonly CommandIntent[]; readonly everyone: boolean }

const index = fc.nat({ max: 11 })

function entity(knownWeight: number): fc.Arbitrary<EntityPick> {
  return fc.record({
    known: fc.oneof(
      { arbitrary: fc.constant(true), weight: knownWeight },
      { arbitrary: fc.constant(false), weight: 10 - knownWeight },
    ),
    index,
  })
}

/** Amounts that mostly sit on the edge of the rule they meet, so both outcomes happen. */
export const amountIntent: fc.Arbitrary<AmountIntent> = fc
  .tuple(
    fc.oneof(
      {
        arbitrary: fc.record({
          kind: fc.constant('edge' as const),
          offset: fc.constantFrom(-1n as const, 0n as const, 1n as const),
        }),
        weight: 4,
      },
      {
        arbitrary: fc.record({
          kind: fc.constant('share' as const),
          quarters: fc.constantFrom(1 as const, 2 as const, 3 as const, 4 as const),
        }),
        weight: 4,
      },
      {
        arbitrary: fc.record({
          kind: fc.constant('fixed' as const),
          cents: fc.bigInt({ min: 1n, max: 300_000n }),
        }),
        weight: 2,
      },
    ),
    fc.boolean(),
  )
  .map(([amount, short]) => ({ ...amount, short }))

/** Mostly the right actor; now and then the wrong beneficiary, the wrong role, or no role. */
export const actorIntent: fc.Arbitrary<ActorIntent> = fc.oneof(
  { arbitrary: fc.constant('proper' as const), weight: 40 },
  {
    arbitrary: fc.constantFrom(
      'other-beneficiary' as const,
      'wrong-role' as const,
      'auditor' as const,
      'nobody' as const,
      'everyone' as const,
    ),
    weight: 4,
  },
)

/** Dates mostly inside what is allowed, and on both sides of its edges. */
export const dateIntent: fc.Arbitrary<DateIntent> = fc.oneof(
  { arbitrary: fc.constant('inside' as const), weight: 12 },
  {
    arbitrary: fc.constantFrom(
      'before' as const,
      'start' as const,
      'end' as const,
      'after' as const,
    ),
    weight: 4,
  },
)

const openFramework = fc.record({
  type: fc.constant('OpenFramework' as const),
  framework: fc.nat({ max: 2 }),
  variant: fc.oneof(
    { arbitrary: fc.constant('valid' as const), weight: 8 },
    {
      arbitrary: fc.constantFrom(
        'estimate-above-maximum' as const,
        'ends-before-start' as const,
        'too-long' as const,
        'too-long-justified' as const,
      ),
      weight: 2,
    },
  ),
  maximumCents: fc.bigInt({ min: 100_000n, max: 2_000_000n }),
  estimateQuarters: fc.constantFrom(1 as const, 2 as const, 3 as const, 4 as const),
  maxHolders: fc.integer({ min: 1, max: 3 }),
  actor: actorIntent,
})

const addHolder = fc.record({
  type: fc.constant('AddHolder' as const),
  framework: entity(8),
  holder: index,
  actor: actorIntent,
})

const addBeneficiary = fc.record({
  type: fc.constant('AddBeneficiary' as const),
  framework: entity(8),
  beneficiary: index,
  actor: actorIntent,
})

const allocation = fc.record({
  type: fc.constantFrom('Allocate' as const, 'Allocate' as const, 'ReleaseAllocation' as const),
  framework: entity(9),
  beneficiary: entity(8),
  amount: amountIntent,
  actor: actorIntent,
})

const transfer = fc.record({
  type: fc.constant('TransferAllocation' as const),
  framework: entity(9),
  from: entity(8),
  to: entity(8),
  amount: amountIntent,
  actor: actorIntent,
})

const award = fc.record({
  type: fc.constant('AwardContract' as const),
  framework: entity(9),
  contract: entity(1),
  beneficiary: entity(8),
  holder: entity(8),
  amount: amountIntent,
  date: dateIntent,
  competition: fc.oneof(
    { arbitrary: fc.constant('mini-competition' as const), weight: 6 },
    { arbitrary: fc.constantFrom('direct' as const, 'direct-justified' as const), weight: 2 },
  ),
  kind: fc.constantFrom('subsequent-contract' as const, 'purchase-order' as const),
  actor: actorIntent,
})

const execution = fc.record({
  type: fc.constantFrom(
    'IssueOrder' as const,
    'CertifyService' as const,
    'CertifyService' as const,
    'RecordPayment' as const,
    'RecordPayment' as const,
  ),
  contract: entity(9),
  line: fc.nat({ max: 2 }),
  amount: amountIntent,
  date: dateIntent,
  actor: actorIntent,
})

const modifyContract = fc.record({
  type: fc.constant('ModifyContract' as const),
  contract: entity(9),
  line: fc.nat({ max: 4 }),
  legalBasis: fc.oneof(
    { arbitrary: fc.constant('R2194-8' as const), weight: 4 },
    {
      arbitrary: fc.constantFrom('R2194-2' as const, 'R2194-5' as const),
      weight: 3,
    },
    { arbitrary: fc.constantFrom('R2194-1' as const, 'R2194-7' as const), weight: 2 },
    { arbitrary: fc.constant('R2194-6' as const), weight: 1 },
  ),
  direction: fc.constantFrom('increase' as const, 'decrease' as const),
  amount: amountIntent,
  date: fc.oneof(
    { arbitrary: dateIntent, weight: 8 },
    { arbitrary: fc.constantFrom('year-end' as const, 'new-year' as const), weight: 2 },
  ),
  newHolder: entity(7),
  variant: fc.oneof(
    { arbitrary: fc.constant('valid' as const), weight: 12 },
    { arbitrary: fc.constantFrom('zero-delta' as const, 'stray-holder' as const), weight: 1 },
  ),
  actor: actorIntent,
})

const recordInvoice = fc.record({
  type: fc.constant('RecordInvoice' as const),
  contract: entity(9),
  line: fc.nat({ max: 2 }),
  amount: amountIntent,
  vat: fc.constantFrom('none' as const, 'standard' as const, 'reduced' as const),
  date: fc.oneof(
    { arbitrary: dateIntent, weight: 9 },
    { arbitrary: fc.constant('beyond-rates' as const), weight: 2 },
  ),
  actor: actorIntent,
})

const payInvoice = fc.record({
  type: fc.constant('PayInvoice' as const),
  contract: entity(9),
  invoice: entity(9),
  line: fc.nat({ max: 3 }),
  amount: amountIntent,
  day: fc.oneof(
    { arbitrary: fc.constantFrom(29 as const, 30 as const, 31 as const, 32 as const), weight: 8 },
    { arbitrary: fc.constantFrom(-1 as const, 200 as const), weight: 2 },
  ),
  actor: actorIntent,
})

const succeedHolder = fc.record({
  type: fc.constant('SucceedHolder' as const),
  framework: entity(9),
  holder: entity(8),
  successor: index,
  actor: actorIntent,
})

const product = fc.record({
  type: fc.constantFrom('ChangeProductPhase' as const, 'RecordImpact' as const),
  beneficiary: index,
  product: index,
  phase: index,
  valid: fc.oneof(
    { arbitrary: fc.constant(true), weight: 5 },
    { arbitrary: fc.constant(false), weight: 1 },
  ),
  actor: actorIntent,
})

const closeContract = fc.record({
  type: fc.constant('CloseContract' as const),
  contract: entity(9),
  date: dateIntent,
  actor: actorIntent,
})

const closeFramework = fc.record({
  type: fc.constant('CloseFramework' as const),
  // Closing the live framework ends most of a run: it is drawn less often than the others.
  framework: entity(4),
  date: dateIntent,
  reason: fc.constantFrom('expired' as const, 'terminated' as const, 'exhausted' as const),
  actor: actorIntent,
})

const repeat = fc.record({
  type: fc.constant('Repeat' as const),
  pick: fc.nat({ max: 1000 }),
  variant: fc.constantFrom(
    'same' as const,
    'reformatted' as const,
    'changed' as const,
    'other-actor' as const,
  ),
  actor: actorIntent,
})

/** Any single command, weighted so that a run of 30 to 50 reaches every rule of the ledger. */
export const singleCommandIntent: fc.Arbitrary<CommandIntent> = fc.oneof(
  { arbitrary: openFramework, weight: 2 },
  { arbitrary: addHolder, weight: 3 },
  { arbitrary: addBeneficiary, weight: 3 },
  { arbitrary: allocation, weight: 10 },
  { arbitrary: transfer, weight: 3 },
  { arbitrary: award, weight: 18 },
  { arbitrary: execution, weight: 14 },
  { arbitrary: modifyContract, weight: 10 },
  { arbitrary: recordInvoice, weight: 5 },
  { arbitrary: payInvoice, weight: 6 },
  { arbitrary: succeedHolder, weight: 1 },
  { arbitrary: product, weight: 1 },
  { arbitrary: closeContract, weight: 3 },
  { arbitrary: closeFramework, weight: 1 },
  { arbitrary: repeat, weight: 7 },
)

/** Options of `commandIntent`. */
export interface CommandIntentOptions {
  /** Whether to draw batches (`executeBatch`) of two to four commands; true by default. */
  readonly batches?: boolean
}

/** A command, or now and then a batch of them. */
export function commandIntent(options: CommandIntentOptions = {}): fc.Arbitrary<CommandIntent> {
  if (options.batches === false) return singleCommandIntent
  return fc.oneof(
    { arbitrary: singleCommandIntent, weight: 30 },
    {
      arbitrary: fc.record({
        type: fc.constant('Batch' as const),
        steps: fc.array(singleCommandIntent, { minLength: 2, maxLength: 4 }),
        everyone: fc.oneof(
          { arbitrary: fc.constant(true), weight: 3 },
          { arbitrary: fc.constant(false), weight: 1 },
        ),
      }),
      weight: 2,
    },
  )
}

/**
 * The opening of a scenario: framework AC-1 opened with random limits, some holders and
 * beneficiaries, allocations, and one or two subsequent contracts of the first beneficiary, the
 * first with some delivery certified and an invoice received, so that random commands meet a live
 * framework and running contracts (to order under, modify, invoice and pay) from the start.
 */
export const openingIntents: fc.Arbitrary<readonly CommandIntent[]> = fc
  .record({
    maximumCents: fc.bigInt({ min: 100_000n, max: 2_000_000n }),
    maxHolders: fc.integer({ min: 1, max: 3 }),
    holders: fc.integer({ min: 1, max: 3 }),
    beneficiaries: fc.integer({ min: 1, max: 4 }),
    allocations: fc.array(fc.constantFrom(1 as const, 2 as const, 3 as const, 4 as const), {
      minLength: 1,
      maxLength: 4,
    }),
    contracts: fc.array(fc.constantFrom(1 as const, 2 as const), { minLength: 1, maxLength: 2 }),
    certified: fc.constantFrom(1 as const, 2 as const, 3 as const, 4 as const),
  })
  .map(
    ({ maximumCents, maxHolders, holders, beneficiaries, allocations, contracts, certified }) => {
      const known = (i: number): EntityPick => ({ known: true, index: i })
      const intents: CommandIntent[] = [
        {
          type: 'OpenFramework',
          framework: 0,
          variant: 'valid',
          maximumCents,
          estimateQuarters: 2,
          maxHolders,
          actor: 'proper',
        },
      ]
      for (let i = 0; i < holders; i++) {
        intents.push({ type: 'AddHolder', framework: known(0), holder: i, actor: 'proper' })
      }
      for (let i = 0; i < beneficiaries; i++) {
        intents.push({
          type: 'AddBeneficiary',
          framework: known(0),
          beneficiary: i,
          actor: 'proper',
        })
      }
      allocations.forEach((quarters, i) => {
        intents.push({
          type: 'Allocate',
          framework: known(0),
          beneficiary: known(i),
          amount: { kind: 'share', quarters, short: false },
          actor: 'proper',
        })
      })
      contracts.forEach((quarters, i) => {
        intents.push({
          type: 'AwardContract',
          framework: known(0),
          contract: { known: false, index: i },
          beneficiary: known(0),
          holder: known(0),
          amount: { kind: 'share', quarters, short: false },
          date: 'inside',
          competition: 'mini-competition',
          kind: 'subsequent-contract',
          actor: 'proper',
        })
      })
      intents.push({
        type: 'CertifyService',
        contract: known(0),
        line: 0,
        amount: { kind: 'share', quarters: certified, short: false },
        date: 'start',
        actor: 'proper',
      })
      intents.push({
        type: 'RecordInvoice',
        contract: known(0),
        line: 0,
        amount: { kind: 'share', quarters: 2, short: false },
        vat: 'standard',
        date: 'inside',
        actor: 'proper',
      })
      return intents
    },
  )
