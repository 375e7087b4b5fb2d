import { formatCents, parseCents, type CommandInput, type RejectionCode } from '@plafond/core'
import { BENEFICIARIES, COORDINATOR, EXTRA_HOLDER, HOLDERS } from './cast.js'
import { awardCommand, awardedAmount, contractEntries } from './contract-entries.js'
import { planIncreases } from './contract-increases.js'
import { contractMishaps } from './contract-mishaps.js'
import type { ContractPlan } from './contract-plan.js'
import { planOrders } from './contract-orders.js'
import { CoordinatorPolicy } from './coordinator-policy.js'
import { FRAMEWORK_TERMS, TOTAL_PAID } from './framework-terms.js'
import { applySuccession, successionEntries } from './holder-succession.js'
import { businessDateOf, compareEntries, STAGE, type HistoryEntry } from './history-entry.js'
import type { HistoryLine } from './history-line.js'
import { productEntries } from './product-lifecycle.js'
import { SeededRandom } from './seeded-random.js'
import { planSpend } from './spend-plan.js'

/** A command the history sends on purpose to be refused, with the code the ledger must give. */
export interface IntendedRefusal {
  readonly commandId: string
  readonly code: RejectionCode
  readonly why: string
}

/** The synthetic history: its lines in order, and what the replay must find in them. */
export interface History {
  readonly seed: string
  readonly lines: readonly HistoryLine[]
  /** Every command meant to be refused, in order. All other commands must succeed. */
  readonly refusals: readonly IntendedRefusal[]
  /** Command ids sent twice unchanged: the second time the ledger returns the first outcome. */
  readonly retried: readonly string[]
  /** What the history pays in total (`TOTAL_PAID`). */
  readonly totalPaid: string
}

const EURO = 100n

/**
 * Builds the synthetic history of the predecessor framework from a seed: the spend plan, the
 * commands each call-off produces (with its modifications and purchase orders), the life of the
 * products they fund, the coordinator's allocations decided as time goes by, and the deliberate
 * mistakes. The same seed always gives the same history.
 */
export function buildHistory(seed: string): History {
  const random = new SeededRandom(seed)
  const plans = planOrders(
    planIncreases(applySuccession(planSpend(random.fork('spend'))), random.fork('increases')),
    random.fork('orders'),
  )
  const byContract = new Map(plans.map((p) => [p.contractId, p]))
  const planned = [
    ...setupEntries(),
    ...successionEntries(plans),
    ...plans.flatMap(contractEntries),
    ...productEntries(plans, random.fork('products')),
  ]
  planned.push(...contractMishaps(plans, planned, random.fork('mishaps')))
  planned.push({
    date: FRAMEWORK_TERMS.closedOn,
    stage: STAGE.frameworkClosing,
    actor: COORDINATOR,
    command: {
      type: 'CloseFramework',
      frameworkId: FRAMEWORK_TERMS.frameworkId,
      closedOn: FRAMEWORK_TERMS.closedOn,
      reason: 'expired',
    },
  })
  planned.sort(compareEntries)

  const policy = new CoordinatorPolicy(plans)
  const overreaching = chooseOverreaching(plans, random.fork('overreach'))
  const moments = calendar(policy)
  const emitted: HistoryEntry[] = []
  const emit = (...entries: HistoryEntry[]): void => {
    for (const entry of entries) {
      if (businessDateOf(entry.command) !== entry.date) {
        throw new Error(
          `The generator placed ${entry.command.type} on ${entry.date}, but the command says ${businessDateOf(entry.command)}.`,
        )
      }
      const previous = emitted[emitted.length - 1]
      if (previous && previous.date > entry.date) {
        throw new Error(
          `The generator wrote ${entry.command.type} on ${entry.date} after a command of ${previous.date}; the history must be chronological.`,
        )
      }
      emitted.push(entry)
    }
  }

  for (const entry of planned) {
    while (moments.length > 0 && moments[0]!.date <= entry.date) emit(...moments.shift()!.run())
    const { command } = entry
    if (entry.refusal !== undefined || entry.repeats !== undefined) {
      emit(entry)
      continue
    }
    switch (command.type) {
      case 'AddBeneficiary': {
        const beneficiary = BENEFICIARIES.find((b) => b.siret === command.beneficiaryId)!
        emit(entry, ...policy.onJoin(beneficiary, entry.date))
        break
      }
      case 'AwardContract': {
        const plan = byContract.get(command.contractId)!
        if (overreaching.has(plan)) emit(overreach(plan, policy))
        emit(...policy.beforeAward(plan), entry)
        policy.book.commit(plan.beneficiary.siret, awardedAmount(plan))
        break
      }
      case 'ModifyContract': {
        const plan = byContract.get(command.contractId)!
        const delta = parseCents(command.delta)
        emit(...(delta > 0n ? policy.beforeIncrease(plan, delta, entry.date) : []), entry)
        policy.book.commit(plan.beneficiary.siret, delta)
        break
      }
      case 'CloseContract': {
        const plan = byContract.get(command.contractId)!
        const certified = plan.certifications.reduce((sum, c) => sum + c.amount, 0n)
        emit(entry)
        policy.book.uncommit(plan.beneficiary.siret, plan.amount - certified)
        break
      }
      default:
        emit(entry)
    }
  }
  return numberCommands(seed, emitted)
}

/** The framework opens with its holders; a sixth holder is refused; beneficiaries join over time. */
function setupEntries(): HistoryEntry[] {
  const { frameworkId, startsOn } = FRAMEWORK_TERMS
  const setup = { date: startsOn, stage: STAGE.setup, actor: COORDINATOR } as const
  return [
    {
      ...setup,
      order: 0,
      command: {
        type: 'OpenFramework',
        frameworkId,
        title: FRAMEWORK_TERMS.title,
        buyerId: FRAMEWORK_TERMS.buyerId,
        cpv: FRAMEWORK_TERMS.cpv,
        estimate: FRAMEWORK_TERMS.estimate,
        maximum: FRAMEWORK_TERMS.maximum,
        startsOn,
        endsOn: FRAMEWORK_TERMS.endsOn,
        maxHolders: FRAMEWORK_TERMS.maxHolders,
      },
    },
    ...HOLDERS.map((holder): HistoryEntry => ({
      ...setup,
      command: {
        type: 'AddHolder',
        frameworkId,
        holderId: holder.siret,
        name: holder.name,
        addedOn: startsOn,
      },
    })),
    {
      ...setup,
      order: 2,
      command: {
        type: 'AddHolder',
        frameworkId,
        holderId: EXTRA_HOLDER.siret,
        name: EXTRA_HOLDER.name,
        addedOn: startsOn,
      },
      refusal: {
        code: 'holder_limit_reached',
        why: `The coordinator adds a sixth holder, ${EXTRA_HOLDER.name}, to a framework that announced five (R2162-6).`,
      },
    },
    ...BENEFICIARIES.map((b): HistoryEntry => ({
      date: b.joinsOn,
      stage: STAGE.setup,
      actor: COORDINATOR,
      command: {
        type: 'AddBeneficiary',
        frameworkId,
        beneficiaryId: b.siret,
        name: b.name,
        on: b.joinsOn,
      },
    })),
  ]
}

/** The coordinator's dated decisions: January tranches, rebalancing, year-end releases. */
function calendar(
  policy: CoordinatorPolicy,
): { readonly date: string; readonly run: () => HistoryEntry[] }[] {
  return [
    { date: '2022-01-03', run: () => policy.onYearStart('2022-01-03') },
    { date: '2022-12-15', run: () => policy.onYearEnd('2022-12-15') },
    { date: '2023-01-02', run: () => policy.onYearStart('2023-01-02') },
    { date: '2023-07-03', run: () => policy.rebalance('2023-07-03', false) },
    { date: '2023-12-15', run: () => policy.onYearEnd('2023-12-15') },
    { date: '2024-01-02', run: () => policy.onYearStart('2024-01-02') },
    { date: '2024-02-05', run: () => policy.overAllocation('2024-02-05') },
    { date: '2024-10-01', run: () => policy.rebalance('2024-10-01', true) },
    { date: '2024-12-16', run: () => policy.onYearEnd('2024-12-16') },
    { date: '2025-01-02', run: () => policy.onYearStart('2025-01-02') },
  ]
}

/** Two buyers of different beneficiaries who will first try to commit a year at once. */
function chooseOverreaching(
  plans: readonly ContractPlan[],
  random: SeededRandom,
): ReadonlySet<ContractPlan> {
  const candidates = plans.filter(
    (p) =>
      p.kind === 'subsequent-contract' &&
      p.durationMonths === 6 &&
      p.awardedOn >= '2022-03-01' &&
      p.awardedOn <= '2023-12-31',
  )
  const first = random.pick(candidates)
  const second = random.pick(candidates.filter((p) => p.beneficiary !== first.beneficiary))
  return new Set([first, second])
}

/** The buyer asks for twelve months at once, past the unused allocation: `allocation_exceeded`. */
function overreach(plan: ContractPlan, policy: CoordinatorPolicy): HistoryEntry {
  const unused = policy.book.unused(plan.beneficiary.siret)
  const wanted = maxOf(awardedAmount(plan) * 2n, unused + 10_000n * EURO)
  const amount = ((wanted + 10_000n * EURO - 1n) / (10_000n * EURO)) * 10_000n * EURO
  return {
    date: plan.awardedOn,
    stage: STAGE.award,
    actor: plan.beneficiary.buyer,
    command: { ...awardCommand(plan, { amount }), durationMonths: 12 },
    refusal: {
      code: 'allocation_exceeded',
      why: `The buyer of ${plan.beneficiary.code} awards ${plan.contractId} for twelve months (${formatCents(amount)} €) while ${formatCents(unused)} € of its allocation is unused; it then awards six months.`,
    },
  }
}

/** Gives each command its id, in order; a retry reuses the id of the command it repeats. */
function numberCommands(seed: string, entries: readonly HistoryEntry[]): History {
  const ids = new Map<HistoryEntry, string>()
  const lines: HistoryLine[] = []
  const refusals: IntendedRefusal[] = []
  const retried: string[] = []
  let next = 1
  for (const entry of entries) {
    let commandId: string
    if (entry.repeats) {
      commandId = ids.get(entry.repeats)!
      retried.push(commandId)
    } else {
      commandId = `c${String(next++).padStart(5, '0')}`
    }
    ids.set(entry, commandId)
    const { type, ...fields } = entry.command
    lines.push({ actor: entry.actor, command: { type, commandId, ...fields } as CommandInput })
    if (entry.refusal) refusals.push({ commandId, ...entry.refusal })
  }
  return { seed, lines, refusals, retried, totalPaid: TOTAL_PAID }
}

function maxOf(a: bigint, b: bigint): bigint {
  return a > b ? a : b
}
