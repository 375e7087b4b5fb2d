import type { ContractEvent, FrameworkEvent, ProductEvent } from '../events/event-catalogue.js'
import type { EcbHalfYearRate } from '../rates/ecb-rates.js'
import type { EuThresholdPeriod } from '../rates/eu-thresholds.js'
import type { Rejection } from '../rejections/rejection.js'

/** What a decider concluded: events for each stream it writes, or a rejection. */
export type Decision =
  | {
      readonly ok: true
      readonly framework: readonly FrameworkEvent[]
      readonly contract: readonly ContractEvent[]
      readonly product?: readonly ProductEvent[]
    }
  | { readonly ok: false; readonly rejection: Rejection }

/** Facts a decider needs that do not come from the command or the state. */
export interface DecisionContext {
  /** Today's business date in Paris, for commands whose date is optional. */
  readonly today: string
  /** EU thresholds for R2194-8; `EU_THRESHOLDS_CENTRAL_SUPPLIES_SERVICES` when omitted. */
  readonly euThresholds?: readonly EuThresholdPeriod[] | undefined
  /** ECB rates for late-payment interest; `ECB_MAIN_REFINANCING_RATES` when omitted. */
  readonly ecbRates?: readonly EcbHalfYearRate[] | undefined
}

/** A decision that writes events to the framework stream only. */
export function frameworkEvents(...events: FrameworkEvent[]): Decision {
  return { ok: true, framework: events, contract: [] }
}

/** A decision that writes events to the contract stream only. */
export function contractEvents(...events: ContractEvent[]): Decision {
  return { ok: true, framework: [], contract: events }
}

/** A decision that writes events to the product stream only. */
export function productEvents(...events: ProductEvent[]): Decision {
  return { ok: true, framework: [], contract: [], product: events }
}

/** A decision that refuses the command. */
export function refused(rejection: Rejection): Decision {
  return { ok: false, rejection }
}
