import { formatCents } from '@plafond/core'
import { FRAMEWORK_TERMS } from './framework-terms.js'
import { STAGE, type HistoryEntry, type PlannedOf } from './history-entry.js'
import type { CertificationPlan, ContractPlan, OrderPlan } from './contract-plan.js'

/** How a staged award differs from the plan's: another amount, or no justification. */
export interface AwardVariant {
  readonly amount?: bigint
  readonly withoutJustification?: boolean
}

/** What a planned call-off commits at its award: the final amount less any later increase. */
export function awardedAmount(plan: ContractPlan): bigint {
  return plan.amount - (plan.increase?.delta ?? 0n)
}

/** The award of a planned call-off, as planned unless `variant` says otherwise. */
export function awardCommand(
  plan: ContractPlan,
  variant: AwardVariant = {},
): PlannedOf<'AwardContract'> {
  const amount = variant.amount ?? awardedAmount(plan)
  const justification = variant.withoutJustification === true ? undefined : plan.justification
  return {
    type: 'AwardContract',
    frameworkId: FRAMEWORK_TERMS.frameworkId,
    contractId: plan.contractId,
    beneficiaryId: plan.beneficiary.siret,
    holderId: plan.holder.siret,
    kind: plan.kind,
    amount: formatCents(amount),
    awardedOn: plan.awardedOn,
    competition: plan.competition,
    ...(justification === undefined ? {} : { justification }),
    product: plan.product,
    object: plan.object,
    durationMonths: plan.durationMonths,
  }
}

/** A purchase order under a planned subsequent contract. */
export function orderCommand(plan: ContractPlan, order: OrderPlan): PlannedOf<'IssueOrder'> {
  return {
    type: 'IssueOrder',
    contractId: plan.contractId,
    orderId: order.orderId,
    amount: formatCents(order.amount),
    issuedOn: order.issuedOn,
  }
}

/** The certification of one planned delivery. */
export function certifyCommand(
  plan: ContractPlan,
  certification: CertificationPlan,
): PlannedOf<'CertifyService'> {
  return {
    type: 'CertifyService',
    contractId: plan.contractId,
    serviceId: certification.serviceId,
    amount: formatCents(certification.amount),
    certifiedOn: certification.certifiedOn,
    periodStart: certification.periodStart,
    periodEnd: certification.periodEnd,
  }
}

/** The holder's invoice for one planned delivery. */
export function invoiceCommand(
  plan: ContractPlan,
  certification: CertificationPlan,
): PlannedOf<'RecordInvoice'> {
  return {
    type: 'RecordInvoice',
    contractId: plan.contractId,
    invoiceId: certification.invoiceId,
    amount: formatCents(certification.amount),
    vat: formatCents(certification.vat),
    receivedOn: certification.receivedOn,
  }
}

/** The payment of one planned delivery's invoice. */
export function payCommand(
  plan: ContractPlan,
  certification: CertificationPlan,
): PlannedOf<'RecordPayment'> {
  return {
    type: 'RecordPayment',
    contractId: plan.contractId,
    paymentId: certification.paymentId,
    amount: formatCents(certification.amount),
    paidOn: certification.paidOn,
    invoiceId: certification.invoiceId,
  }
}

/** The planned increase of a call-off, as a modification under its planned legal basis. */
export function increaseCommand(
  plan: ContractPlan,
  delta = plan.increase?.delta ?? 0n,
): PlannedOf<'ModifyContract'> {
  const increase = plan.increase
  if (increase === undefined) {
    throw new Error(`Contract ${plan.contractId} has no planned increase to modify it with.`)
  }
  return {
    type: 'ModifyContract',
    contractId: plan.contractId,
    modificationId: increase.modificationId,
    delta: formatCents(delta),
    legalBasis: increase.legalBasis,
    notifiedOn: increase.notifiedOn,
    reason: increase.reason,
  }
}

/**
 * Every command a planned call-off produces: its award (by the buyer), its increase if any
 * (buyer), its purchase orders if any (buyer), each certified delivery (buyer) with its invoice
 * and payment (accountant), and its closing (buyer) when it is closed.
 */
export function contractEntries(plan: ContractPlan): HistoryEntry[] {
  const { buyer, accountant } = plan.beneficiary
  const entries: HistoryEntry[] = [
    { date: plan.awardedOn, stage: STAGE.award, actor: buyer, command: awardCommand(plan) },
  ]
  if (plan.increase !== undefined) {
    entries.push({
      date: plan.increase.notifiedOn,
      stage: STAGE.award,
      actor: buyer,
      command: increaseCommand(plan),
    })
  }
  for (const order of plan.orders) {
    entries.push({
      date: order.issuedOn,
      stage: STAGE.order,
      actor: buyer,
      command: orderCommand(plan, order),
    })
  }
  for (const certification of plan.certifications) {
    entries.push({
      date: certification.certifiedOn,
      stage: STAGE.certification,
      actor: buyer,
      command: certifyCommand(plan, certification),
    })
    entries.push({
      date: certification.receivedOn,
      stage: STAGE.invoice,
      actor: accountant,
      command: invoiceCommand(plan, certification),
    })
    entries.push({
      date: certification.paidOn,
      stage: STAGE.payment,
      actor: accountant,
      command: payCommand(plan, certification),
    })
  }
  if (plan.closedOn !== undefined) {
    entries.push({
      date: plan.closedOn,
      stage: STAGE.closing,
      actor: buyer,
      command: { type: 'CloseContract', contractId: plan.contractId, closedOn: plan.closedOn },
    })
  }
  return entries
}
