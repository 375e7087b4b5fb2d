import type { RejectionCode } from '@plafond/core'
import {
  committedUnder,
  contractAmount,
  unusedAllocation,
  type ModelContract,
  type ModelFramework,
  type ModelRateTables,
} from './ledger-model.js'
import { modelEuThreshold } from './model-eu-threshold.js'
import type { ModelCommand, ModelRules } from './model-rule.js'
import { signedWireCents } from './wire-amount.js'

const LEGAL_BASES = new Set(['R2194-1', 'R2194-2', 'R2194-5', 'R2194-6', 'R2194-7', 'R2194-8'])

const abs = (value: bigint): bigint => (value < 0n ? -value : value)

/** Whether the legal basis's money rule refuses the change (DOMAIN.md, "Modifications"). */
function breaksLegalBasis(
  c: ModelCommand<'ModifyContract'>,
  contract: ModelContract,
  delta: bigint,
  tables: ModelRateTables,
): boolean {
  switch (c.legalBasis) {
    case 'R2194-1':
    case 'R2194-7':
      return false
    case 'R2194-2':
    case 'R2194-5':
      // R2194-3: each modification at most 50 % of the initial amount, none cumulated.
      return abs(delta) * 2n > contract.initial
    case 'R2194-6':
      return delta !== 0n
    case 'R2194-8': {
      // R2194-9: the cumul in absolute value, under 10 % and under the threshold, both strictly.
      const cumul = contract.smallModifications + abs(delta)
      return cumul * 10n >= contract.initial || cumul >= modelEuThreshold(tables, c.notifiedOn)
    }
  }
}

/** R2194-6: whether `candidate` succeeded `holderId`, directly or through later successions, and is current. */
function succeededBy(framework: ModelFramework, holderId: string, candidate: string): boolean {
  const seen = new Set<string>()
  for (
    let next = framework.successors.get(holderId);
    next !== undefined;
    next = framework.successors.get(next)
  ) {
    if (seen.has(next)) return false
    seen.add(next)
    if (next === candidate) return framework.holders.has(candidate)
  }
  return false
}

/** The model of contract modifications (L2194-1, R2194-1 to R2194-9). */
export const MODIFICATION_RULES: ModelRules = {
  ModifyContract: {
    role: 'buyer',
    beneficiaryOf: (c, model) => model.contracts.get(c.contractId)?.beneficiaryId,
    invalid: (c) => {
      const delta = signedWireCents(c.delta)
      if (delta === undefined || !LEGAL_BASES.has(c.legalBasis)) return true
      if (c.reason.length === 0 || c.reason.length > 2000) return true
      // Only a succession names a new holder, and only it leaves the amount unchanged.
      if (c.legalBasis === 'R2194-6') return c.newHolderId === undefined
      return delta === 0n || c.newHolderId !== undefined
    },
    refuse: (c, model): RejectionCode | undefined => {
      const contract = model.contracts.get(c.contractId)
      if (!contract) return 'unknown_contract'
      if (contract.closed) return 'contract_closed'
      if (c.notifiedOn < contract.awardedOn) return 'invalid_dates'
      if (contract.modificationIds.has(c.modificationId)) return 'modification_exists'
      const delta = signedWireCents(c.delta)!
      if (breaksLegalBasis(c, contract, delta, model.tables)) return 'modification_limit_exceeded'
      const framework = model.frameworks.get(contract.frameworkId)!
      if (c.newHolderId !== undefined && !succeededBy(framework, contract.holderId, c.newHolderId))
        return 'unknown_holder'
      const amount = contractAmount(contract) + delta
      if (delta > 0n) {
        // As for an award: the exhausted framework first, then the allocation, then the maximum.
        if (framework.ceilingReached) return 'framework_ceiling_exceeded'
        if (delta > unusedAllocation(model, framework, contract.beneficiaryId))
          return 'allocation_exceeded'
        if (committedUnder(model, framework.id) + delta > framework.maximum)
          return 'framework_ceiling_exceeded'
        return undefined
      }
      // Invariant 4: a decrease stops at what was certified, ordered or invoiced.
      if (amount < contract.certified) return 'service_exceeds_commitment'
      if (amount < contract.ordered) return 'order_exceeds_contract'
      if (amount < contract.invoiced) return 'invoice_exceeds_commitment'
      return undefined
    },
    apply: (c, model) => {
      const contract = model.contracts.get(c.contractId)!
      const delta = signedWireCents(c.delta)!
      contract.modifications += delta
      if (c.legalBasis === 'R2194-8') contract.smallModifications += abs(delta)
      if (c.newHolderId !== undefined) contract.holderId = c.newHolderId
      contract.modificationIds.add(c.modificationId)
      const framework = model.frameworks.get(contract.frameworkId)!
      if (delta > 0n && committedUnder(model, framework.id) >= framework.maximum)
        framework.ceilingReached = true
    },
  },
}
