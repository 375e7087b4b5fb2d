import { addDays, formatCents, formatEuros, type Cents } from '@plafond/core'
import { allocationPlan, type AllocationPlan } from './allocation-policy.js'
import { BENEFICIARIES, type Beneficiary } from './beneficiaries.js'
import { callOffEntries } from './call-off-entries.js'
import type { CallOffPlan } from './call-off-plan.js'
import {
  COORDINATOR,
  DEFAULT_SEED,
  FIRST_YEAR_ENDS_ON,
  FRAMEWORK_TERMS,
} from './framework-terms.js'
import { HOLDERS } from './holders.js'
import { monthStart, onWeekday } from './month-dates.js'
import { planOneOffCallOff } from './one-off-call-off.js'
import { planPeriodCallOff, type RaisePlan } from './period-call-off.js'
import {
  planProducts,
  PRODUCT_TERMS,
  type BuyingPhase,
  type FinalPhase,
  type ProductPlan,
} from './product-plan.js'
import { SeededRandom } from './seeded-random.js'
import {
  numberEntries,
  STAGE,
  type PlannedEntry,
  type SimulatedCommand,
} from './simulated-command.js'

/** The simulated first year: its commands in order, and the plans they come from. */
export interface FirstYear {
  readonly seed: string
  /** Every command dated from the opening to the end of the first year, in order, numbered. */
  readonly commands: readonly SimulatedCommand[]
  readonly allocations: AllocationPlan
  readonly products: readonly ProductPlan[]
  /** Every call-off awarded in the first year, with deliveries planned past its end too. */
  readonly callOffs: readonly CallOffPlan[]
}

/** Share of six-month contracts executed by quarterly purchase orders. */
const ORDERED_SHARE = 0.2

/**
 * Simulates the framework's first year (2025-10-01 to 2026-09-30) from a seed: the opening, the
 * seven holders and 31 beneficiaries named on the first day, each beneficiary's allocation a month
 * before its first call-off starts, the products' periods bought by subsequent contracts (some
 * executed by orders), one-off purchase orders, one R2194-2 and one R2194-8 modification,
 * monthly certifications, invoices and payments (some late), closings, and the products' phases.
 * The same seed gives the same commands, to the byte; nothing here reads the clock.
 */
export function simulateFirstYear(seed: string = DEFAULT_SEED): FirstYear {
  const random = new SeededRandom(seed)
  const allocations = allocationPlan(BENEFICIARIES)
  const products = BENEFICIARIES.flatMap((b) => planProducts(b, random.fork(`products/${b.code}`)))
  const raises = chooseRaises(products, random.fork('modifications'))
  const callOffs: CallOffPlan[] = []
  for (const product of products) {
    let previous: CallOffPlan | undefined
    product.periods.forEach((period, periodIndex) => {
      const draw = random.fork(`call-off/${product.product}/${periodIndex}`)
      const raise = raises.get(`${product.product}/${periodIndex}`)
      const plan = planPeriodCallOff(
        {
          product,
          periodIndex,
          ...(previous === undefined ? {} : { previousHolder: previous.holder }),
          ...(raise === undefined ? {} : { raise }),
          withOrders: raise === undefined && period.months === 6 && draw.chance(ORDERED_SHARE),
        },
        draw,
      )
      callOffs.push(plan)
      previous = plan
    })
  }
  callOffs.push(...oneOffCallOffs(products, random.fork('one-offs')))
  checkAllocations(callOffs, allocations)

  const entries: PlannedEntry[] = [
    ...openingEntries(),
    ...allocations.shares.flatMap(({ beneficiary, amount }) =>
      beneficiary.startsOn === null ? [] : [allocationEntry(beneficiary, amount)],
    ),
    ...callOffs.flatMap(callOffEntries),
    ...products.flatMap(phaseEntries),
  ]
  return {
    seed,
    commands: numberEntries(entries.filter((entry) => entry.date <= FIRST_YEAR_ENDS_ON)),
    allocations,
    products,
    callOffs,
  }
}

function openingEntries(): PlannedEntry[] {
  const on = FRAMEWORK_TERMS.startsOn
  const { frameworkId } = FRAMEWORK_TERMS
  const setup = (command: PlannedEntry['command']): PlannedEntry => ({
    date: on,
    stage: STAGE.setup,
    actor: COORDINATOR,
    command,
  })
  return [
    setup({
      type: 'OpenFramework',
      frameworkId,
      title: FRAMEWORK_TERMS.title,
      buyerId: FRAMEWORK_TERMS.buyerId,
      cpv: FRAMEWORK_TERMS.cpv,
      estimate: FRAMEWORK_TERMS.estimate,
      maximum: FRAMEWORK_TERMS.maximum,
      startsOn: FRAMEWORK_TERMS.startsOn,
      endsOn: FRAMEWORK_TERMS.endsOn,
      maxHolders: FRAMEWORK_TERMS.maxHolders,
    }),
    ...HOLDERS.map((h) =>
      setup({ type: 'AddHolder', frameworkId, holderId: h.siret, name: h.name, addedOn: on }),
    ),
    ...BENEFICIARIES.map((b) =>
      setup({ type: 'AddBeneficiary', frameworkId, beneficiaryId: b.siret, name: b.name, on }),
    ),
  ]
}

/** A month before the beneficiary's first call-off starts, and the day after the opening at the earliest. */
function allocationEntry(beneficiary: Beneficiary, amount: Cents): PlannedEntry {
  const monthBefore = addDays(beneficiary.startsOn!, -30)
  const dayAfterOpening = addDays(FRAMEWORK_TERMS.startsOn, 1)
  const on = onWeekday(monthBefore > dayAfterOpening ? monthBefore : dayAfterOpening)
  return {
    date: on,
    stage: STAGE.allocation,
    actor: COORDINATOR,
    command: {
      type: 'Allocate',
      frameworkId: FRAMEWORK_TERMS.frameworkId,
      beneficiaryId: beneficiary.siret,
      amount: formatCents(amount),
      on,
    },
  }
}

/**
 * One R2194-2 and one R2194-8 increase, on two six-month construction or acceleration periods
 * that end within the first year, drawn from the seed.
 */
function chooseRaises(
  products: readonly ProductPlan[],
  random: SeededRandom,
): ReadonlyMap<string, RaisePlan> {
  const candidates = products.flatMap((product) =>
    product.periods.flatMap((period, index) =>
      period.phase !== 'investigation' &&
      monthStart(period.startsOn, period.months) <= PRODUCT_TERMS.lastPeriodStart
        ? [`${product.product}/${index}`]
        : [],
    ),
  )
  const additional = random.pick(candidates)
  const small = random.pick(candidates.filter((key) => key !== additional))
  return new Map<string, RaisePlan>([
    [additional, { legalBasis: 'R2194-2', fromMonth: 2, percent: random.int(25, 40) }],
    [small, { legalBasis: 'R2194-8', fromMonth: 3, percent: random.int(5, 8) }],
  ])
}

/** Beneficiaries of weight 25 or more order one-off services: two each from weight 50. */
function oneOffCallOffs(products: readonly ProductPlan[], random: SeededRandom): CallOffPlan[] {
  const plans: CallOffPlan[] = []
  for (const beneficiary of BENEFICIARIES) {
    if (beneficiary.startsOn === null || beneficiary.weight < 25) continue
    const draw = random.fork(beneficiary.code)
    const own = products.filter((p) => p.beneficiary === beneficiary)
    const count = beneficiary.weight >= 50 ? 2 : 1
    for (let number = 1; number <= count; number++) {
      const month = monthStart(beneficiary.startsOn, draw.int(1, 6))
      const running = own.filter((p) =>
        p.periods.some(
          (period) =>
            period.startsOn <= month && month < monthStart(period.startsOn, period.months),
        ),
      )
      if (running.length === 0) continue
      plans.push(planOneOffCallOff(draw.pick(running), number, month, draw))
    }
  }
  return plans
}

/** The product's phase, recorded by its buyer when a period starts in a new phase, and at its end. */
function phaseEntries(product: ProductPlan): PlannedEntry[] {
  const { beneficiary } = product
  const entries: PlannedEntry[] = []
  const record = (phase: BuyingPhase | FinalPhase, on: string): void => {
    entries.push({
      date: on,
      stage: STAGE.phase,
      actor: beneficiary.buyer,
      command: {
        type: 'ChangeProductPhase',
        beneficiaryId: beneficiary.siret,
        product: product.product,
        phase,
        on,
      },
    })
  }
  product.periods.forEach((period, index) => {
    if (index === 0 || product.periods[index - 1]!.phase !== period.phase) {
      record(period.phase, period.startsOn)
    }
  })
  if (product.ends !== undefined) record(product.ends.phase, product.ends.on)
  return entries
}

/**
 * The simulation's own check that no award or increase will pass a beneficiary's allocation: the
 * ledger would refuse it (`allocation_exceeded`), and the year is meant to be accepted whole.
 */
function checkAllocations(callOffs: readonly CallOffPlan[], allocations: AllocationPlan): void {
  for (const { beneficiary, amount } of allocations.shares) {
    const awarded = callOffs
      .filter((c) => c.beneficiary === beneficiary && c.awardedOn <= FIRST_YEAR_ENDS_ON)
      .reduce((sum, c) => sum + c.amount + (c.modification?.delta ?? 0n), 0n)
    if (awarded > amount) {
      throw new RangeError(
        `Expected ${beneficiary.code}'s call-offs to fit its allocation of ${formatEuros(amount)}, planned ${formatCents(awarded)} €; raise its weight or lower its products.`,
      )
    }
  }
}
