import { formatCents } from '@plafond/core'
import type { CallOffPlan } from './call-off-plan.js'
import { FRAMEWORK_TERMS } from './framework-terms.js'
import { STAGE, type PlannedEntry } from './simulated-command.js'

/**
 * Every command of a planned call-off, each on its own business date: the award, the
 * modification, the orders and the closing by the beneficiary's buyer; each delivery's
 * certification by the buyer, its invoice and payment by the accountant. Each command is dated
 * on or after the ones it depends on, so cutting the list at a day keeps it consistent.
 */
export function callOffEntries(plan: CallOffPlan): PlannedEntry[] {
  const { buyer, accountant } = plan.beneficiary
  const { contractId } = plan
  const entries: PlannedEntry[] = [
    {
      date: plan.awardedOn,
      stage: STAGE.award,
      actor: buyer,
      command: {
        type: 'AwardContract',
        frameworkId: FRAMEWORK_TERMS.frameworkId,
        contractId,
        beneficiaryId: plan.beneficiary.siret,
        holderId: plan.holder.siret,
        kind: plan.kind,
        amount: formatCents(plan.amount),
        awardedOn: plan.awardedOn,
        competition: plan.competition,
        ...(plan.justification === undefined ? {} : { justification: plan.justification }),
        product: plan.product,
        object: plan.object,
        durationMonths: plan.durationMonths,
      },
    },
  ]
  const { modification } = plan
  if (modification !== undefined) {
    entries.push({
      date: modification.notifiedOn,
      stage: STAGE.modification,
      actor: buyer,
      command: {
        type: 'ModifyContract',
        contractId,
        modificationId: modification.modificationId,
        delta: formatCents(modification.delta),
        legalBasis: modification.legalBasis,
        notifiedOn: modification.notifiedOn,
        reason: modification.reason,
      },
    })
  }
  for (const order of plan.orders) {
    entries.push({
      date: order.issuedOn,
      stage: STAGE.order,
      actor: buyer,
      command: {
        type: 'IssueOrder',
        contractId,
        orderId: order.orderId,
        amount: formatCents(order.amount),
        issuedOn: order.issuedOn,
      },
    })
  }
  for (const d of plan.deliveries) {
    const amount = formatCents(d.amount)
    entries.push(
      {
        date: d.certifiedOn,
        stage: STAGE.certification,
        actor: buyer,
        command: {
          type: 'CertifyService',
          contractId,
          serviceId: d.serviceId,
          amount,
          certifiedOn: d.certifiedOn,
          periodStart: d.periodStart,
          periodEnd: d.periodEnd,
        },
      },
      {
        date: d.receivedOn,
        stage: STAGE.invoice,
        actor: accountant,
        command: {
          type: 'RecordInvoice',
          contractId,
          invoiceId: d.invoiceId,
          amount,
          vat: formatCents(d.vat),
          receivedOn: d.receivedOn,
        },
      },
      {
        date: d.paidOn,
        stage: STAGE.payment,
        actor: accountant,
        command: {
          type: 'RecordPayment',
          contractId,
          paymentId: d.paymentId,
          amount,
          paidOn: d.paidOn,
          invoiceId: d.invoiceId,
        },
      },
    )
  }
  if (plan.closedOn !== undefined) {
    entries.push({
      date: plan.closedOn,
      stage: STAGE.closing,
      actor: buyer,
      command: { type: 'CloseContract', contractId, closedOn: plan.closedOn },
    })
  }
  return entries
}
