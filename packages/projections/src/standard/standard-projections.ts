import { forecastProjection } from '../forecast/forecast-projection.js'
import { alertsProjection } from './alerts-projection.js'
import { beneficiariesProjection } from './beneficiaries-projection.js'
import { budgetYearsProjection } from './budget-years-projection.js'
import { contractsProjection } from './contracts-projection.js'
import { holdersProjection } from './holders-projection.js'
import { monthsProjection } from './months-projection.js'
import { overviewProjection } from './overview-projection.js'
import { paymentDelaysProjection } from './payment-delays-projection.js'
import { productsProjection } from './products-projection.js'

/**
 * Every standard projection, in the order reports present them. Fold them together with
 * `foldProjections(events, standardProjections)` or run them with `createProjectionRunner`.
 */
export const standardProjections = [
  overviewProjection,
  beneficiariesProjection,
  holdersProjection,
  budgetYearsProjection,
  monthsProjection,
  contractsProjection,
  productsProjection,
  alertsProjection,
  paymentDelaysProjection,
  forecastProjection,
] as const

/** The states of the standard projections, keyed by name (`overview`, `beneficiaries`, …). */
export type StandardStates = {
  readonly [P in (typeof standardProjections)[number] as P['name']]: ReturnType<P['initialState']>
}
