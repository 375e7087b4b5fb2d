import { addDays } from '@plafond/core'
import { monthOf } from './history-months.js'
import type { SeededRandom } from './seeded-random.js'
import type { ContractPlan, OrderPlan } from './contract-plan.js'

const STEP = 1_000n * 100n

/** Months of deliveries one purchase order covers. */
const MONTHS_PER_ORDER = 3

/**
 * Some subsequent contracts are executed by purchase orders (marchés à bons de commande,
 * R2162-13): the buyer orders each quarter's work ahead of it, rounded up to the thousand euros,
 * and never past the contract's amount (R2162-8; the ledger refuses `order_exceeds_contract`).
 * Contracts raised by modification are left out, so that every order fits the amount in force on
 * its day. Orders move no money: the deliveries, invoices and payments stay as planned.
 */
export function planOrders(
  plans: readonly ContractPlan[],
  random: SeededRandom,
  share = 0.2,
): ContractPlan[] {
  return plans.map((plan) => {
    const eligible =
      plan.kind === 'subsequent-contract' &&
      plan.increase === undefined &&
      plan.certifications.length >= 4
    if (!eligible || !random.chance(share)) return plan
    return { ...plan, orders: ordersOf(plan, random) }
  })
}

function ordersOf(plan: ContractPlan, random: SeededRandom): OrderPlan[] {
  const firstMonth = monthOf(plan.certifications[0]!.periodStart)
  const groups: (typeof plan.certifications)[number][][] = []
  for (const certification of plan.certifications) {
    const index = Math.floor((monthOf(certification.periodStart) - firstMonth) / MONTHS_PER_ORDER)
    ;(groups[index] ??= []).push(certification)
  }
  const orders: OrderPlan[] = []
  let ordered = 0n
  let previous = plan.awardedOn
  for (const group of groups) {
    if (group === undefined) continue
    const covered = group.reduce((sum, c) => sum + c.amount, 0n)
    const amount = minOf(roundUp(covered, STEP), plan.amount - ordered)
    if (amount <= 0n) break
    // Ordered a few days before the work starts, never before the award or the previous order.
    const wanted = addDays(group[0]!.periodStart, -random.between(2, 10))
    const issuedOn = wanted > previous ? wanted : previous
    orders.push({
      orderId: `BC-${String(orders.length + 1).padStart(2, '0')}`,
      amount,
      issuedOn,
    })
    ordered += amount
    previous = issuedOn
  }
  return orders
}

function roundUp(value: bigint, step: bigint): bigint {
  return ((value + step - 1n) / step) * step
}

function minOf(a: bigint, b: bigint): bigint {
  return a < b ? a : b
}
