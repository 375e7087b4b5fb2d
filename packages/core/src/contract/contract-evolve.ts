import type { Draft } from 'immer'
import type { ContractEvent } from '../events/event-catalogue.js'
import { absCents, parseCents } from '../money/money.js'
import type { ContractState } from './contract-state.js'

/**
 * Applies one event to a contract state. An immer recipe, like `evolveFramework`.
 */
export function evolveContract(state: Draft<ContractState>, event: ContractEvent): void {
  switch (event.type) {
    case 'ContractAwarded': {
      const d = event.data
      const amount = parseCents(d.amount)
      state.status = 'active'
      state.contractId = d.contractId
      state.frameworkId = d.frameworkId
      state.beneficiaryId = d.beneficiaryId
      state.holderId = d.holderId
      state.kind = d.kind
      state.awardedOn = d.awardedOn
      state.initial = amount
      state.amount = amount
      return
    }
    case 'OrderIssued':
      state.ordered += parseCents(event.data.amount)
      state.orderIds[event.data.orderId] = true
      return
    case 'ContractModified': {
      const delta = parseCents(event.data.delta)
      state.amount += delta
      if (event.data.legalBasis === 'R2194-8') state.smallModifications += absCents(delta)
      if (event.data.newHolderId !== undefined) state.holderId = event.data.newHolderId
      state.modificationIds[event.data.modificationId] = true
      return
    }
    case 'InvoiceRecorded': {
      const amount = parseCents(event.data.amount)
      state.invoiced += amount
      state.invoices[event.data.invoiceId] = {
        amount,
        vat: parseCents(event.data.vat),
        receivedOn: event.data.receivedOn,
        paid: 0n,
        lumpSumCharged: false,
      }
      return
    }
    case 'LatePaymentInterestDue': {
      const invoice = state.invoices[event.data.invoiceId]
      if (invoice && parseCents(event.data.lumpSum) > 0n) invoice.lumpSumCharged = true
      return
    }
    case 'ServiceCertified':
      state.certified += parseCents(event.data.amount)
      state.serviceIds[event.data.serviceId] = true
      return
    case 'PaymentRecorded': {
      const amount = parseCents(event.data.amount)
      state.paid += amount
      state.paymentIds[event.data.paymentId] = true
      const invoice =
        event.data.invoiceId === undefined ? undefined : state.invoices[event.data.invoiceId]
      if (invoice) invoice.paid += amount
      return
    }
    case 'ContractClosed':
      state.status = 'closed'
      state.closedOn = event.data.closedOn
      state.released = parseCents(event.data.released)
      return
    default: {
      const unreachable: never = event
      throw new Error(`Unhandled contract event ${JSON.stringify(unreachable)}`)
    }
  }
}
