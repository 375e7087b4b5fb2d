import { ECB_MAIN_REFINANCING_RATES, type EcbHalfYearRate } from '@plafond/core'

/**
 * The rate this example assumes for 2026-H2, which core's table does not have yet. The ECB main
 * refinancing rate in force on 1 July 2026 is not recorded here as a fact: the example assumes
 * it unchanged from 2026-H1 (2.15 %), so that payments made late from July 2026 carry interest
 * (R2192-31: that rate + 8 points) instead of being refused for a missing rate. Replace it with
 * the published figure, or drop it once core's table has the half-year.
 */
export const ASSUMED_2026_H2_RATE: EcbHalfYearRate = {
  halfYear: '2026-H2',
  rate: '2.15',
  source: 'ASSUMED by examples/framework-495m: unchanged from 2026-H1; not a published ECB figure',
}

/** Core's ECB rates, with the assumed 2026-H2 rate added when core does not have that half-year. */
export const ECB_RATES_WITH_ASSUMPTION: readonly EcbHalfYearRate[] =
  ECB_MAIN_REFINANCING_RATES.some((r) => r.halfYear === ASSUMED_2026_H2_RATE.halfYear)
    ? ECB_MAIN_REFINANCING_RATES
    : [...ECB_MAIN_REFINANCING_RATES, ASSUMED_2026_H2_RATE]
