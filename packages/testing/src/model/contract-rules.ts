import {
  committedUnder,
  contractAmount,
  unusedAllocation,
  type LedgerModel,
  type ModelContract,
} from './ledger-model.js'
import type { ModelRules } from './model-rule.js'
import { isPositiveWireAmount, wireCents } from './wire-amount.js'

const ofContract = (c: { readonly contractId: string }, model: LedgerModel): string | undefined =>
  model.contracts.get(c.contractId)?.beneficiaryId

function contractOf(model: LedgerModel, contractId: string): ModelContract {
  return model.contracts.get(contractId)!
}

/**
 * The model of call-offs: award, orders, certified delivery and closing (modifications, invoices
 * and payments have their own files).
 */
export const CONTRACT_RULES: ModelRules = {
  AwardContract: {
    role: 'buyer',
    beneficiaryOf: (c) => c.beneficiaryId,
    invalid: (c) => !isPositiveWireAmount(c.amount),
    refuse: (c, model) => {
      const framework = model.frameworks.get(c.frameworkId)
      if (!framework) return 'unknown_framework'
      // R2162-5: no call-off outside the validity of the framework, nor after its closing.
      if (framework.closed || c.awardedOn < framework.startsOn || c.awardedOn > framework.endsOn)
        return 'framework_not_open'
      // R2162-6: only named beneficiaries, only current holders.
      if (!framework.beneficiaries.has(c.beneficiaryId)) return 'unknown_beneficiary'
      if (!framework.holders.has(c.holderId)) return 'unknown_holder'
      // R2162-10: a direct award among several holders says why.
      if (
        c.competition === 'direct' &&
        framework.holders.size > 1 &&
        c.justification === undefined
      ) {
        return 'invalid_command'
      }
      if (model.contracts.has(c.contractId)) return 'contract_exists'
      // CJEU C-23/20 §68: once the maximum was reached, the framework has exhausted its effects
      // and every later call-off is refused as such, whatever allocation is left.
      if (framework.ceilingReached) return 'framework_ceiling_exceeded'
      const amount = wireCents(c.amount)!
      if (amount > unusedAllocation(model, framework, c.beneficiaryId)) return 'allocation_exceeded'
      if (committedUnder(model, framework.id) + amount > framework.maximum)
        return 'framework_ceiling_exceeded'
      return undefined
    },
    apply: (c, model) => {
      model.contracts.set(c.contractId, {
        id: c.contractId,
        frameworkId: c.frameworkId,
        beneficiaryId: c.beneficiaryId,
        holderId: c.holderId,
        kind: c.kind,
        awardedOn: c.awardedOn,
        initial: wireCents(c.amount)!,
        modifications: 0n,
        smallModifications: 0n,
        ordered: 0n,
        certified: 0n,
        invoiced: 0n,
        paid: 0n,
        released: 0n,
        closed: false,
        orderIds: new Set(),
        serviceIds: new Set(),
        paymentIds: new Set(),
        modificationIds: new Set(),
        invoices: new Map(),
      })
      const framework = model.frameworks.get(c.frameworkId)!
      if (committedUnder(model, framework.id) >= framework.maximum) framework.ceilingReached = true
    },
  },

  IssueOrder: {
    role: 'buyer',
    beneficiaryOf: ofContract,
    invalid: (c) => !isPositiveWireAmount(c.amount),
    refuse: (c, model) => {
      const contract = model.contracts.get(c.contractId)
      if (!contract) return 'unknown_contract'
      if (contract.closed) return 'contract_closed'
      if (c.issuedOn < contract.awardedOn) return 'invalid_dates'
      // R2162-8: orders are issued under subsequent contracts only.
      if (contract.kind !== 'subsequent-contract') return 'invalid_command'
      if (contract.orderIds.has(c.orderId)) return 'order_exists'
      // Invariant 4: Σ orders ≤ amount.
      if (contract.ordered + wireCents(c.amount)! > contractAmount(contract))
        return 'order_exceeds_contract'
      return undefined
    },
    apply: (c, model) => {
      const contract = contractOf(model, c.contractId)
      contract.ordered += wireCents(c.amount)!
      contract.orderIds.add(c.orderId)
    },
  },

  CertifyService: {
    role: 'buyer',
    beneficiaryOf: ofContract,
    invalid: (c) =>
      !isPositiveWireAmount(c.amount) ||
      (c.periodStart !== undefined && c.periodEnd !== undefined && c.periodEnd < c.periodStart),
    refuse: (c, model) => {
      const contract = model.contracts.get(c.contractId)
      if (!contract) return 'unknown_contract'
      if (contract.closed) return 'contract_closed'
      if (c.certifiedOn < contract.awardedOn) return 'invalid_dates'
      if (c.periodStart !== undefined && c.periodStart < contract.awardedOn) return 'invalid_dates'
      if (contract.serviceIds.has(c.serviceId)) return 'service_exists'
      // Invariant 4: certified ≤ amount.
      if (contract.certified + wireCents(c.amount)! > contractAmount(contract))
        return 'service_exceeds_commitment'
      return undefined
    },
    apply: (c, model) => {
      const contract = contractOf(model, c.contractId)
      contract.certified += wireCents(c.amount)!
      contract.serviceIds.add(c.serviceId)
    },
  },

  CloseContract: {
    role: 'buyer',
    beneficiaryOf: ofContract,
    invalid: () => false,
    refuse: (c, model) => {
      const contract = model.contracts.get(c.contractId)
      if (!contract) return 'unknown_contract'
      if (contract.closed) return 'contract_closed'
      return c.closedOn < contract.awardedOn ? 'invalid_dates' : undefined
    },
    apply: (c, model) => {
      const contract = contractOf(model, c.contractId)
      contract.released = contractAmount(contract) - contract.certified
      contract.closed = true
    },
  },
}
