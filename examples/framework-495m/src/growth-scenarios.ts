import { divideHalfUp } from '@plafond/core'
import type { ForecastScenario } from '@plafond/projections'
import { FRAMEWORK_TERMS } from './framework-terms.js'

/** The monthly growth of the "ramp-up goes on" scenario, in percent. */
export const RAMP_UP_PERCENT_PER_MONTH = '3'

/**
 * The what-ifs the forecast is run under, each applied to the burn of commitments measured over
 * the last months, from the day after the forecast on:
 *
 * - **steady**: the burn stays as measured;
 * - **beneficiaries grow from N to 31**: the beneficiaries not buying yet start, each spending
 *   like the average active one: the burn × 31 / N (N = beneficiaries with a call-off);
 * - **ramp-up goes on**: the burn grows by 3 % a month, compounded (× 1.43 a year);
 * - **spend triples**: the burn × 3, about the ratio of the estimate (195 M€) to what the
 *   previous framework spent (≈ 66 M€).
 */
export function growthScenarios(activeBeneficiaries: number): readonly ForecastScenario[] {
  const all = FRAMEWORK_TERMS.beneficiaries
  if (
    !Number.isInteger(activeBeneficiaries) ||
    activeBeneficiaries < 1 ||
    activeBeneficiaries > all
  ) {
    throw new RangeError(
      `Expected between 1 and ${all} beneficiaries with a call-off to scale the burn from, found ${activeBeneficiaries}.`,
    )
  }
  return [
    { name: 'steady', factor: '1' },
    {
      name: `beneficiaries grow from ${activeBeneficiaries} to ${all}`,
      factor: ratio(all, activeBeneficiaries),
    },
    {
      name: `ramp-up goes on: +${RAMP_UP_PERCENT_PER_MONTH} % a month`,
      monthlyGrowthPercent: RAMP_UP_PERCENT_PER_MONTH,
    },
    { name: 'spend triples', factor: '3' },
  ]
}

/** `a / b` as a decimal string with at most six decimals, rounded half-up (31 / 24 → `1.291667`). */
function ratio(a: number, b: number): string {
  const micros = divideHalfUp(BigInt(a) * 1_000_000n, BigInt(b))
  const fraction = String(micros % 1_000_000n)
    .padStart(6, '0')
    .replace(/0+$/, '')
  return fraction === '' ? String(micros / 1_000_000n) : `${micros / 1_000_000n}.${fraction}`
}
