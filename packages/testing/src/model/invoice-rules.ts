import {
  contractCommitted,
  type LedgerModel,
  type ModelContract,
  type ModelInvoice,
} from './ledger-model.js'
import { modelLateInterest } from './model-late-interest.js'
import type { ModelCommand, ModelRules } from './model-rule.js'
import { isPositiveWireAmount, wireCents } from './wire-amount.js'

const ofContract = (c: { readonly contractId: string }, model: LedgerModel): string | undefined =>
  model.contracts.get(c.contractId)?.beneficiaryId

/** The invoice a payment names, once the payment passed the contract's own rules. */
function invoiceOf(
  c: ModelCommand<'RecordPayment'>,
  contract: ModelContract,
): ModelInvoice | undefined {
  return c.invoiceId === undefined ? undefined : contract.invoices.get(c.invoiceId)
}

/** The model of invoices (Chorus Pro) and payments, with late-payment interest (R2192-10 to -36). */
export const INVOICE_RULES: ModelRules = {
  RecordInvoice: {
    role: 'accountant',
    beneficiaryOf: ofContract,
    invalid: (c) => !isPositiveWireAmount(c.amount) || wireCents(c.vat) === undefined,
    // Invoices stay possible after closing, for work done before it.
    refuse: (c, model) => {
      const contract = model.contracts.get(c.contractId)
      if (!contract) return 'unknown_contract'
      if (c.receivedOn < contract.awardedOn) return 'invalid_dates'
      if (contract.invoices.has(c.invoiceId)) return 'invoice_exists'
      // Invariant 4: invoiced ≤ what the contract still commits (its amount; after closing, what
      // was certified), both HT.
      if (contract.invoiced + wireCents(c.amount)! > contractCommitted(contract))
        return 'invoice_exceeds_commitment'
      return undefined
    },
    apply: (c, model) => {
      const contract = model.contracts.get(c.contractId)!
      const amount = wireCents(c.amount)!
      contract.invoiced += amount
      contract.invoices.set(c.invoiceId, {
        amount,
        vat: wireCents(c.vat)!,
        receivedOn: c.receivedOn,
        paid: 0n,
        lumpSumCharged: false,
      })
    },
  },

  RecordPayment: {
    role: 'accountant',
    beneficiaryOf: ofContract,
    invalid: (c) => !isPositiveWireAmount(c.amount),
    // Payments stay possible after closing, up to what was certified.
    refuse: (c, model) => {
      const contract = model.contracts.get(c.contractId)
      if (!contract) return 'unknown_contract'
      if (c.paidOn < contract.awardedOn) return 'invalid_dates'
      if (contract.paymentIds.has(c.paymentId)) return 'payment_exists'
      const amount = wireCents(c.amount)!
      // Invariant 4: paid ≤ certified (GBCP art. 31: no payment before certified delivery).
      if (contract.paid + amount > contract.certified) return 'payment_exceeds_service'
      if (c.invoiceId === undefined) return undefined
      const invoice = invoiceOf(c, contract)
      if (!invoice) return 'unknown_invoice'
      if (invoice.paid + amount > invoice.amount) return 'payment_exceeds_invoice'
      if (c.paidOn < invoice.receivedOn) return 'invalid_dates'
      const late = modelLateInterest(invoice, amount, c.paidOn, model.tables)
      return late === 'missing_rate' ? 'missing_rate' : undefined
    },
    lateInterest: (c, model) => {
      const contract = model.contracts.get(c.contractId)!
      const invoice = invoiceOf(c, contract)
      if (!invoice) return undefined
      const late = modelLateInterest(invoice, wireCents(c.amount)!, c.paidOn, model.tables)
      return late === 'missing_rate' ? undefined : late
    },
    apply: (c, model) => {
      const contract = model.contracts.get(c.contractId)!
      const amount = wireCents(c.amount)!
      contract.paid += amount
      contract.paymentIds.add(c.paymentId)
      const invoice = invoiceOf(c, contract)
      if (!invoice) return
      if (modelLateInterest(invoice, amount, c.paidOn, model.tables)) invoice.lumpSumCharged = true
      invoice.paid += amount
    },
  },
}
