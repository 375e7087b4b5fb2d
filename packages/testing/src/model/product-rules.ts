import type { ModelRules } from './model-rule.js'

const PHASES = new Set([
  'investigation',
  'construction',
  'acceleration',
  'transfer',
  'success',
  'alumni',
])

// A decimal written as a string, at most 15 digits and 6 decimals.
const INDICATOR_VALUE = /^-?\d{1,15}(?:\.\d{1,6})?$/

/**
 * The model of products: phases and impact move no money and are always recorded, by the buyer of
 * the product's beneficiary.
 */
export const PRODUCT_RULES: ModelRules = {
  ChangeProductPhase: {
    role: 'buyer',
    beneficiaryOf: (c) => c.beneficiaryId,
    invalid: (c) => !PHASES.has(c.phase),
    refuse: () => undefined,
    apply: () => undefined,
  },

  RecordImpact: {
    role: 'buyer',
    beneficiaryOf: (c) => c.beneficiaryId,
    invalid: (c) =>
      c.indicators.length === 0 ||
      c.indicators.length > 50 ||
      c.indicators.some((i) => i.name.length === 0 || !INDICATOR_VALUE.test(i.value)),
    refuse: () => undefined,
    apply: () => undefined,
  },
}
