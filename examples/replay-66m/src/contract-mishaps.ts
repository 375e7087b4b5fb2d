import { addDays, formatCents } from '@plafond/core'
import { BENEFICIARIES } from './cast.js'
import {
  awardCommand,
  awardedAmount,
  certifyCommand,
  increaseCommand,
  orderCommand,
  payCommand,
} from './contract-entries.js'
import { FRAMEWORK_TERMS } from './framework-terms.js'
import { STAGE, type HistoryEntry } from './history-entry.js'
import { SUCCESSION } from './holder-succession.js'
import type { SeededRandom } from './seeded-random.js'
import type { ContractPlan } from './contract-plan.js'

const EURO = 100n

/**
 * Deliberate mistakes on the execution side, each refused by the ledger with a known code: a
 * payment before the delivery is certified, a payment of the whole contract on one invoice, a
 * payment recorded twice, a delivery certified past the contract amount or after its closing, a
 * buyer acting on another beneficiary's contract, a direct award without justification, an award
 * to the holder a merger absorbed, a modification past 50 % of the initial amount, a purchase
 * order past the contract's amount, and a call-off after the framework closed. Plus one client
 * retry, which the ledger answers with the first outcome. None of them changes the money: the
 * history pays the same with or without them.
 */
export function contractMishaps(
  plans: readonly ContractPlan[],
  entries: readonly HistoryEntry[],
  random: SeededRandom,
): HistoryEntry[] {
  const contracts = plans.filter((p) => p.kind === 'subsequent-contract')
  const during = (plan: ContractPlan, year: string): boolean => plan.awardedOn.startsWith(year)
  const mishaps: HistoryEntry[] = []

  const early = choose(
    random,
    contracts.filter((p) => during(p, '2022') && p.certifications.length >= 3),
    'a 2022 contract with three deliveries',
  )
  const firstDelivery = early.certifications[0]!
  const earlyOn = addDays(firstDelivery.certifiedOn, -1)
  mishaps.push({
    date: earlyOn,
    stage: STAGE.payment,
    actor: early.beneficiary.accountant,
    command: { ...payCommand(early, firstDelivery), paidOn: earlyOn },
    refusal: {
      code: 'payment_exceeds_service',
      why: `The accountant of ${early.beneficiary.code} pays ${early.contractId}'s first invoice a day before the buyer certifies the delivery.`,
    },
  })

  const whole = choose(
    random,
    contracts.filter(
      (p) => during(p, '2023') && p.certifications.length >= 4 && p.amount > certifiedTotal(p),
    ),
    'a 2023 contract with four deliveries and a margin',
  )
  mishaps.push({
    date: addDays(whole.certifications[1]!.paidOn, 1),
    stage: STAGE.payment,
    actor: whole.beneficiary.accountant,
    command: {
      type: 'RecordPayment',
      contractId: whole.contractId,
      paymentId: 'P90',
      amount: formatCents(whole.amount),
      paidOn: addDays(whole.certifications[1]!.paidOn, 1),
    },
    refusal: {
      code: 'payment_exceeds_service',
      why: `The accountant of ${whole.beneficiary.code} pays the whole amount of ${whole.contractId} on one monthly invoice.`,
    },
  })

  const twice = choose(
    random,
    contracts.filter((p) => during(p, '2023') && p.certifications.length >= 2),
    'a 2023 contract with two deliveries',
  )
  const paidTwice = twice.certifications[1]!
  mishaps.push({
    date: addDays(paidTwice.paidOn, 7),
    stage: STAGE.payment,
    actor: twice.beneficiary.accountant,
    command: { ...payCommand(twice, paidTwice), paidOn: addDays(paidTwice.paidOn, 7) },
    refusal: {
      code: 'payment_exists',
      why: `The accountant of ${twice.beneficiary.code} records payment ${paidTwice.paymentId} of ${twice.contractId} a second time, a week later.`,
    },
  })

  const past = choose(
    random,
    contracts.filter((p) => during(p, '2024') && p.closedOn !== undefined),
    'a closed 2024 contract',
  )
  const last = past.certifications[past.certifications.length - 1]!
  mishaps.push({
    date: addDays(last.certifiedOn, 1),
    stage: STAGE.certification,
    actor: past.beneficiary.buyer,
    command: {
      type: 'CertifyService',
      contractId: past.contractId,
      serviceId: `S${past.certifications.length + 1}`,
      amount: formatCents(past.amount - certifiedTotal(past) + 1_000n * EURO),
      certifiedOn: addDays(last.certifiedOn, 1),
    },
    refusal: {
      code: 'service_exceeds_commitment',
      why: `The buyer of ${past.beneficiary.code} certifies an extra delivery past the amount of ${past.contractId} instead of modifying the contract first.`,
    },
  })

  const closed = choose(
    random,
    contracts.filter((p) => p.closedOn?.startsWith('2024') === true && p !== past),
    'a contract closed in 2024',
  )
  const closedOn = closed.closedOn!
  mishaps.push({
    date: addDays(closedOn, 3),
    stage: STAGE.certification,
    actor: closed.beneficiary.buyer,
    command: {
      type: 'CertifyService',
      contractId: closed.contractId,
      serviceId: 'S98',
      amount: formatCents(5_000n * EURO),
      certifiedOn: addDays(closedOn, 3),
    },
    refusal: {
      code: 'contract_closed',
      why: `The buyer of ${closed.beneficiary.code} certifies a delivery on ${closed.contractId} three days after closing it.`,
    },
  })

  const foreign = choose(
    random,
    contracts.filter((p) => during(p, '2023') && p.certifications.length >= 2),
    'a 2023 contract with two deliveries',
  )
  const intruder = random.pick(BENEFICIARIES.filter((b) => b !== foreign.beneficiary))
  mishaps.push({
    date: foreign.certifications[1]!.certifiedOn,
    stage: STAGE.certification,
    actor: intruder.buyer,
    command: { ...certifyCommand(foreign, foreign.certifications[1]!), serviceId: 'S97' },
    refusal: {
      code: 'forbidden',
      why: `The buyer of ${intruder.code} certifies a delivery on ${foreign.contractId}, a contract of ${foreign.beneficiary.code}.`,
    },
  })

  const direct = choose(
    random,
    contracts.filter((p) => p.competition === 'direct'),
    'a direct award',
  )
  mishaps.push({
    date: direct.awardedOn,
    stage: STAGE.award,
    actor: direct.beneficiary.buyer,
    command: awardCommand(direct, { withoutJustification: true }),
    order: 0,
    refusal: {
      code: 'invalid_command',
      why: `The buyer of ${direct.beneficiary.code} awards ${direct.contractId} directly without the justification a framework with several holders requires (R2162-10), then sends it again with one.`,
    },
  })

  const absorbed = choose(
    random,
    plans.filter((p) => p.holder === SUCCESSION.successor),
    'an award to the successor of the merged holder',
  )
  mishaps.push({
    date: absorbed.awardedOn,
    stage: STAGE.award,
    actor: absorbed.beneficiary.buyer,
    command: { ...awardCommand(absorbed), holderId: SUCCESSION.predecessor.siret },
    order: 0,
    refusal: {
      code: 'unknown_holder',
      why: `The buyer of ${absorbed.beneficiary.code} awards ${absorbed.contractId} to ${SUCCESSION.predecessor.name}, absorbed on ${SUCCESSION.on}; it then awards to the successor.`,
    },
  })

  const raised = choose(
    random,
    plans.filter((p) => p.increase?.legalBasis === 'R2194-2'),
    'a contract raised by modification under R2194-2',
  )
  const tooMuch = roundUp((awardedAmount(raised) * 6n) / 10n, 1_000n * EURO)
  mishaps.push({
    date: raised.increase!.notifiedOn,
    stage: STAGE.award,
    actor: raised.beneficiary.buyer,
    command: increaseCommand(raised, tooMuch),
    order: 0,
    refusal: {
      code: 'modification_limit_exceeded',
      why: `The buyer of ${raised.beneficiary.code} raises ${raised.contractId} by 60 % of its initial amount under R2194-2, past the 50 % of R2194-3; it then notifies a smaller increase.`,
    },
  })

  const ordering = choose(
    random,
    plans.filter((p) => {
      const last = p.orders[p.orders.length - 1]
      return (
        p.orders.length >= 2 &&
        last !== undefined &&
        (p.closedOn === undefined || addDays(last.issuedOn, 7) < p.closedOn)
      )
    }),
    'a contract executed by at least two purchase orders',
  )
  const lastOrder = ordering.orders[ordering.orders.length - 1]!
  const ordered = ordering.orders.reduce((sum, o) => sum + o.amount, 0n)
  const extra = ordering.amount - ordered + 20_000n * EURO
  mishaps.push({
    date: addDays(lastOrder.issuedOn, 7),
    stage: STAGE.order,
    actor: ordering.beneficiary.buyer,
    command: orderCommand(ordering, {
      orderId: `BC-${String(ordering.orders.length + 1).padStart(2, '0')}`,
      amount: extra,
      issuedOn: addDays(lastOrder.issuedOn, 7),
    }),
    refusal: {
      code: 'order_exceeds_contract',
      why: `The buyer of ${ordering.beneficiary.code} orders ${formatCents(extra)} € more under ${ordering.contractId}, 20 000 € past what its amount leaves after ${ordering.orders.length} orders; it has to modify the contract first.`,
    },
  })

  const retried = choose(
    random,
    entries.filter((e) => e.command.type === 'RecordPayment' && e.date.startsWith('2024')),
    'a 2024 payment',
  )
  mishaps.push({ ...retried, order: 2, repeats: retried })

  const template = choose(
    random,
    contracts.filter((p) => p.awardedOn.startsWith('2025')),
    'a contract awarded in 2025',
  )
  const lateOn = addDays(FRAMEWORK_TERMS.closedOn, 14)
  mishaps.push({
    date: lateOn,
    stage: STAGE.award,
    actor: template.beneficiary.buyer,
    command: {
      ...awardCommand(template),
      contractId: `${template.contractId}-late`,
      awardedOn: lateOn,
    },
    refusal: {
      code: 'framework_not_open',
      why: `The buyer of ${template.beneficiary.code} awards a call-off on ${lateOn}, after the framework expired and was closed (R2162-5).`,
    },
  })
  return mishaps
}

function choose<T>(random: SeededRandom, candidates: readonly T[], what: string): T {
  if (candidates.length === 0) {
    throw new Error(
      `Expected the plan to contain ${what} to stage a deliberate mistake on, found none. Try another seed or widen the plan.`,
    )
  }
  return random.pick(candidates)
}

function roundUp(value: bigint, step: bigint): bigint {
  return ((value + step - 1n) / step) * step
}

function certifiedTotal(plan: ContractPlan): bigint {
  return plan.certifications.reduce((sum, c) => sum + c.amount, 0n)
}
