import { formatCents, parseCents } from '@plafond/core'
import { AllocationBook } from './allocation-book.js'
import { COORDINATOR, type Beneficiary } from './cast.js'
import { awardedAmount } from './contract-entries.js'
import { FRAMEWORK_TERMS } from './framework-terms.js'
import { STAGE, type HistoryEntry } from './history-entry.js'
import type { ContractPlan } from './contract-plan.js'

const EURO = 100n
const STEP = 50_000n * EURO

/**
 * How the synthetic coordinator (DINUM) manages allocations: a tranche when a beneficiary joins
 * and each January sized on the year's planned awards plus 15 %, a top-up when an award would
 * not fit, transfers from the beneficiary with the most to spare to the one that needs it most,
 * and the release of what a beneficiary that has finished buying still holds. Each method returns
 * the coordinator's commands and records them in the book.
 */
export class CoordinatorPolicy {
  readonly book: AllocationBook
  readonly #plans: readonly ContractPlan[]
  readonly #joined: Beneficiary[] = []

  /** A coordinator for these planned call-offs, starting with nothing allocated. */
  constructor(plans: readonly ContractPlan[]) {
    this.#plans = plans
    this.book = new AllocationBook(parseCents(FRAMEWORK_TERMS.maximum))
  }

  /** A beneficiary joined: allocate what it will award before the end of the year, plus 15 %. */
  onJoin(beneficiary: Beneficiary, date: string): HistoryEntry[] {
    this.#joined.push(beneficiary)
    return this.#tranche(beneficiary, date, `${date.slice(0, 4)}-12-31`)
  }

  /** A budget year starts (LOLF art. 1): each beneficiary gets what the year's awards need. */
  onYearStart(date: string): HistoryEntry[] {
    const yearEnd = `${date.slice(0, 4)}-12-31`
    return this.#joined.flatMap((b) => this.#tranche(b, date, yearEnd))
  }

  /** Before an award: if the beneficiary's unused allocation is short, top it up. */
  beforeAward(plan: ContractPlan): HistoryEntry[] {
    return this.#topUp(plan.beneficiary, awardedAmount(plan), plan.awardedOn)
  }

  /** Before an increase by modification: the same top-up if needed. */
  beforeIncrease(plan: ContractPlan, delta: bigint, date: string): HistoryEntry[] {
    return this.#topUp(plan.beneficiary, delta, date)
  }

  #topUp(b: Beneficiary, amount: bigint, date: string): HistoryEntry[] {
    const short = amount - this.book.unused(b.siret)
    return short > 0n ? [this.#allocate(b, roundUp(short, STEP), date)] : []
  }

  /** Year-end review: beneficiaries that will award nothing more give their unused allocation back. */
  onYearEnd(date: string): HistoryEntry[] {
    const entries: HistoryEntry[] = []
    for (const b of this.#joined) {
      const unused = this.book.unused(b.siret)
      if (unused <= 0n || this.#awardsOf(b, date, '9999-12-31') > 0n) continue
      this.book.release(b.siret, unused)
      entries.push({
        date,
        stage: STAGE.allocation,
        actor: COORDINATOR,
        command: {
          type: 'ReleaseAllocation',
          frameworkId: FRAMEWORK_TERMS.frameworkId,
          beneficiaryId: b.siret,
          amount: formatCents(unused),
          on: date,
        },
      })
    }
    return entries
  }

  /**
   * Mid-year rebalancing: half of the largest spare allocation moves to the beneficiary with the
   * most awards ahead this year. With `mistake`, the coordinator first asks for more than the
   * giver has unused, and is refused (`allocation_in_use`).
   */
  rebalance(date: string, mistake: boolean): HistoryEntry[] {
    const yearEnd = `${date.slice(0, 4)}-12-31`
    const spare = (b: Beneficiary): bigint =>
      this.book.unused(b.siret) - this.#awardsOf(b, date, yearEnd)
    const giver = maxBy(this.#joined, spare)
    const receiver = maxBy(
      this.#joined.filter((b) => b !== giver),
      (b) => this.#awardsOf(b, date, yearEnd),
    )
    const entries: HistoryEntry[] = []
    const transfer = (amount: bigint): HistoryEntry => ({
      date,
      stage: STAGE.allocation,
      actor: COORDINATOR,
      command: {
        type: 'TransferAllocation',
        frameworkId: FRAMEWORK_TERMS.frameworkId,
        fromBeneficiaryId: giver.siret,
        toBeneficiaryId: receiver.siret,
        amount: formatCents(amount),
        on: date,
      },
    })
    if (mistake) {
      entries.push({
        ...transfer(this.book.unused(giver.siret) + 250_000n * EURO),
        refusal: {
          code: 'allocation_in_use',
          why: `The coordinator moves more than ${giver.code}'s unused allocation to ${receiver.code}: part of it is already committed.`,
        },
      })
    }
    const amount = roundDown(spare(giver) / 2n, STEP)
    if (amount > 0n) {
      this.book.transfer(giver.siret, receiver.siret, amount)
      entries.push(transfer(amount))
    }
    return entries
  }

  /** A request to fund a new programme with more than the maximum leaves: refused (`over_allocation`). */
  overAllocation(date: string): HistoryEntry[] {
    const yearEnd = `${date.slice(0, 4)}-12-31`
    const b = maxBy(this.#joined, (x) => this.#awardsOf(x, date, yearEnd))
    const amount = roundUp(this.book.unallocated + 5_000_000n * EURO, 1_000_000n * EURO)
    return [
      {
        date,
        stage: STAGE.allocation,
        actor: COORDINATOR,
        command: {
          type: 'Allocate',
          frameworkId: FRAMEWORK_TERMS.frameworkId,
          beneficiaryId: b.siret,
          amount: formatCents(amount),
          on: date,
        },
        refusal: {
          code: 'over_allocation',
          why: `The coordinator allocates ${formatCents(amount)} € to ${b.code} for a new programme, more than the ${formatCents(this.book.unallocated)} € the maximum leaves.`,
        },
      },
    ]
  }

  #tranche(b: Beneficiary, date: string, until: string): HistoryEntry[] {
    const need = roundUp((this.#awardsOf(b, date, until) * 115n) / 100n, STEP)
    const short = need - this.book.unused(b.siret)
    return short > 0n ? [this.#allocate(b, short, date)] : []
  }

  #allocate(b: Beneficiary, amount: bigint, date: string): HistoryEntry {
    this.book.allocate(b.siret, amount)
    return {
      date,
      stage: STAGE.allocation,
      actor: COORDINATOR,
      command: {
        type: 'Allocate',
        frameworkId: FRAMEWORK_TERMS.frameworkId,
        beneficiaryId: b.siret,
        amount: formatCents(amount),
        on: date,
      },
    }
  }

  #awardsOf(b: Beneficiary, from: string, to: string): bigint {
    let sum = 0n
    for (const plan of this.#plans) {
      if (plan.beneficiary === b && plan.awardedOn >= from && plan.awardedOn <= to)
        sum += plan.amount
    }
    return sum
  }
}

function roundUp(value: bigint, step: bigint): bigint {
  return ((value + step - 1n) / step) * step
}

function roundDown(value: bigint, step: bigint): bigint {
  return value <= 0n ? 0n : (value / step) * step
}

function maxBy<T>(items: readonly T[], score: (item: T) => bigint): T {
  let best = items[0]
  if (best === undefined) throw new Error('Expected at least one beneficiary to choose from.')
  let bestScore = score(best)
  for (const item of items.slice(1)) {
    const s = score(item)
    if (s > bestScore) {
      best = item
      bestScore = s
    }
  }
  return best
}
