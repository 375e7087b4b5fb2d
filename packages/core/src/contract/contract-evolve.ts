import type { Draft } from 'immer'
import type { ContractEvent } from '../events/event-catalogue.js'
import { parseCents } from '../money/money.js'
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
    case 'ServiceCertified':
      state.certified += parseCents(event.data.amount)
      state.serviceIds[event.data.serviceId] = true
      return
    case 'PaymentRecorded':
      state.paid += parseCents(event.data.amount)
      state.paymentIds[event.data.paymentId] = true
      return
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
