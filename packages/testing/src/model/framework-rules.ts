import type { RejectionCode } from '@plafond/core'
import {
  allocatedUnder,
  unusedAllocation,
  type LedgerModel,
  type ModelFramework,
} from './ledger-model.js'
import type { ModelRules } from './model-rule.js'
import { isPositiveWireAmount, wireCents } from './wire-amount.js'

const anyone = (): undefined => undefined

/** The fourth anniversary of `date`: a framework lasts less than that unless justified (L2125-1). */
function fourYearsAfter(date: string): string {
  const year = Number(date.slice(0, 4)) + 4
  // A leap day four years on is a leap day again (the model never meets the year 2100).
  return `${String(year).padStart(4, '0')}${date.slice(4)}`
}

/** `unknown_framework` when absent; `framework_not_open` when closed and `refusedWhenClosed`. */
function frameworkProblem(
  model: LedgerModel,
  frameworkId: string,
  refusedWhenClosed: boolean,
): { readonly code: RejectionCode } | { readonly framework: ModelFramework } {
  const framework = model.frameworks.get(frameworkId)
  if (!framework) return { code: 'unknown_framework' }
  if (refusedWhenClosed && framework.closed) return { code: 'framework_not_open' }
  return { framework }
}

/** The model of the coordinator's commands: the framework, its lists and its allocations. */
export const FRAMEWORK_RULES: ModelRules = {
  OpenFramework: {
    role: 'coordinator',
    beneficiaryOf: anyone,
    invalid: (c) => {
      const estimate = wireCents(c.estimate)
      const maximum = wireCents(c.maximum)
      const minimum = c.minimum === undefined ? 0n : wireCents(c.minimum)
      if (estimate === undefined || maximum === undefined || minimum === undefined) return true
      if (estimate <= 0n || estimate > maximum || minimum > estimate) return true
      if (c.startsOn >= c.endsOn) return true
      // endsOn is the last valid day: four years end the day before the fourth anniversary.
      return c.endsOn >= fourYearsAfter(c.startsOn) && c.durationJustification === undefined
    },
    refuse: (c, model) => (model.frameworks.has(c.frameworkId) ? 'framework_exists' : undefined),
    apply: (c, model) => {
      model.frameworks.set(c.frameworkId, {
        id: c.frameworkId,
        estimate: wireCents(c.estimate)!,
        maximum: wireCents(c.maximum)!,
        startsOn: c.startsOn,
        endsOn: c.endsOn,
        maxHolders: c.maxHolders,
        closed: false,
        ceilingReached: false,
        holders: new Set(),
        formerHolders: new Set(),
        successors: new Map(),
        beneficiaries: new Map(),
      })
    },
  },

  AddHolder: {
    role: 'coordinator',
    beneficiaryOf: anyone,
    invalid: () => false,
    refuse: (c, model) => {
      const found = frameworkProblem(model, c.frameworkId, true)
      if ('code' in found) return found.code
      // A holder a successor replaced stays listed: it cannot be added again.
      const { holders, formerHolders } = found.framework
      if (holders.has(c.holderId) || formerHolders.has(c.holderId)) return 'holder_exists'
      // R2162-6: no more (current) holders than the framework announced.
      if (found.framework.holders.size >= found.framework.maxHolders) return 'holder_limit_reached'
      return undefined
    },
    apply: (c, model) => {
      model.frameworks.get(c.frameworkId)!.holders.add(c.holderId)
    },
  },

  AddBeneficiary: {
    role: 'coordinator',
    beneficiaryOf: anyone,
    invalid: () => false,
    refuse: (c, model) => {
      const found = frameworkProblem(model, c.frameworkId, true)
      if ('code' in found) return found.code
      return found.framework.beneficiaries.has(c.beneficiaryId) ? 'beneficiary_exists' : undefined
    },
    apply: (c, model) => {
      model.frameworks.get(c.frameworkId)!.beneficiaries.set(c.beneficiaryId, { allocated: 0n })
    },
  },

  Allocate: {
    role: 'coordinator',
    beneficiaryOf: anyone,
    invalid: (c) => !isPositiveWireAmount(c.amount),
    refuse: (c, model) => {
      const found = frameworkProblem(model, c.frameworkId, true)
      if ('code' in found) return found.code
      const { framework } = found
      if (!framework.beneficiaries.has(c.beneficiaryId)) return 'unknown_beneficiary'
      // Invariant 1: Σ allocations ≤ maximum.
      if (allocatedUnder(framework) + wireCents(c.amount)! > framework.maximum)
        return 'over_allocation'
      return undefined
    },
    apply: (c, model) => {
      const framework = model.frameworks.get(c.frameworkId)!
      framework.beneficiaries.get(c.beneficiaryId)!.allocated += wireCents(c.amount)!
    },
  },

  ReleaseAllocation: {
    role: 'coordinator',
    beneficiaryOf: anyone,
    invalid: (c) => !isPositiveWireAmount(c.amount),
    // Giving unused allocation back stays possible after closing: it commits nothing.
    refuse: (c, model) => {
      const found = frameworkProblem(model, c.frameworkId, false)
      if ('code' in found) return found.code
      const { framework } = found
      if (!framework.beneficiaries.has(c.beneficiaryId)) return 'unknown_beneficiary'
      if (wireCents(c.amount)! > unusedAllocation(model, framework, c.beneficiaryId))
        return 'allocation_in_use'
      return undefined
    },
    apply: (c, model) => {
      const framework = model.frameworks.get(c.frameworkId)!
      framework.beneficiaries.get(c.beneficiaryId)!.allocated -= wireCents(c.amount)!
    },
  },

  TransferAllocation: {
    role: 'coordinator',
    beneficiaryOf: anyone,
    invalid: (c) => !isPositiveWireAmount(c.amount) || c.fromBeneficiaryId === c.toBeneficiaryId,
    refuse: (c, model) => {
      const found = frameworkProblem(model, c.frameworkId, true)
      if ('code' in found) return found.code
      const { framework } = found
      if (!framework.beneficiaries.has(c.fromBeneficiaryId)) return 'unknown_beneficiary'
      if (!framework.beneficiaries.has(c.toBeneficiaryId)) return 'unknown_beneficiary'
      if (wireCents(c.amount)! > unusedAllocation(model, framework, c.fromBeneficiaryId))
        return 'allocation_in_use'
      return undefined
    },
    apply: (c, model) => {
      const framework = model.frameworks.get(c.frameworkId)!
      const amount = wireCents(c.amount)!
      framework.beneficiaries.get(c.fromBeneficiaryId)!.allocated -= amount
      framework.beneficiaries.get(c.toBeneficiaryId)!.allocated += amount
    },
  },

  SucceedHolder: {
    role: 'coordinator',
    beneficiaryOf: anyone,
    invalid: (c) =>
      c.holderId === c.successorId || c.successorName.length === 0 || c.reason.length === 0,
    refuse: (c, model) => {
      const found = frameworkProblem(model, c.frameworkId, true)
      if ('code' in found) return found.code
      return found.framework.holders.has(c.holderId) ? undefined : 'unknown_holder'
    },
    // R2194-6: the successor takes the holder's place, so the number of holders never grows.
    apply: (c, model) => {
      const { holders, formerHolders, successors } = model.frameworks.get(c.frameworkId)!
      holders.delete(c.holderId)
      formerHolders.add(c.holderId)
      formerHolders.delete(c.successorId)
      holders.add(c.successorId)
      successors.set(c.holderId, c.successorId)
      successors.delete(c.successorId)
    },
  },

  CloseFramework: {
    role: 'coordinator',
    beneficiaryOf: anyone,
    invalid: () => false,
    refuse: (c, model) => {
      const found = frameworkProblem(model, c.frameworkId, true)
      if ('code' in found) return found.code
      return c.closedOn < found.framework.startsOn ? 'invalid_dates' : undefined
    },
    apply: (c, model) => {
      model.frameworks.get(c.frameworkId)!.closed = true
    },
  },
}
