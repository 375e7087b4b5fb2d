/**
 * `@plafond/projections`: read models of a framework agreement's ledger. Standard projections
 * (overview, beneficiaries, holders, budget years, months, contracts, products, alerts, payment
 * delays, forecast), a pure fold that answers **as of** a business date and **as known at** an
 * instant, and a runner that catches up from checkpoints, rebuilds on a version change and
 * follows a live ledger.
 *
 * ```ts
 * import { createLedger, type LedgerEvent } from '@plafond/core'
 * import { createProjectionRunner, overviewProjection, projectAt, standardProjections } from '@plafond/projections'
 *
 * const ledger = createLedger()
 * const runner = createProjectionRunner({ store: ledger.store, projections: standardProjections })
 * await runner.catchUp()
 * const now = overviewProjection.view(runner.state('overview'))
 *
 * const events: LedgerEvent[] = []
 * for await (const event of ledger.readAll()) events.push(event)
 * const endOf2026 = overviewProjection.view(projectAt(events, { asOf: '2026-12-31' }).overview)
 * ```
 *
 * @packageDocumentation
 */

export type {
  AnyProjection,
  EventKey,
  EventOf,
  KeyedEvolve,
  Projection,
  StateOf,
  StatesOf,
  ViewedProjection,
} from './projection.js'

export { foldProjections, foldProjectionsAsync, type FoldOptions } from './fold/fold-projections.js'
export { projectAt } from './fold/project-at.js'
export { readEvent, type ReadMode } from './fold/read-event.js'
export { normalizeWindow, type NormalizedWindow, type TimeWindow } from './fold/time-window.js'

export { createProjectionRunner } from './runner/create-projection-runner.js'
export type {
  CatchUpResult,
  FollowOptions,
  ProjectionRunner,
  ProjectionRunnerOptions,
} from './runner/create-projection-runner.js'
export { deserializeState, serializeState } from './runner/state-codec.js'

export { emptyTable, type Table } from './state/table.js'
export { centsOf } from './state/cents-of.js'
export { CALL_OFF } from './state/call-off.js'
export { sharePercent } from './state/share-percent.js'

export { standardProjections, type StandardStates } from './standard/standard-projections.js'
export { overviewProjection } from './standard/overview-projection.js'
export type { OverviewRow, OverviewState, OverviewView } from './standard/overview-projection.js'
export { beneficiariesProjection } from './standard/beneficiaries-projection.js'
export type {
  BeneficiariesState,
  BeneficiaryRow,
  BeneficiaryView,
} from './standard/beneficiaries-projection.js'
export { holdersProjection } from './standard/holders-projection.js'
export type {
  HeldContract,
  HolderRow,
  HoldersState,
  HoldersView,
  HolderView,
} from './standard/holders-projection.js'
export { concentrationIndex } from './standard/concentration-index.js'
export type { FrameworkPeriods, PeriodRow, PeriodTotalsState } from './standard/period-totals.js'
export { budgetYearsProjection } from './standard/budget-years-projection.js'
export type {
  BudgetYearView,
  FrameworkBudgetYearsView,
} from './standard/budget-years-projection.js'
export { monthsProjection } from './standard/months-projection.js'
export type { FrameworkMonthsView, MonthView } from './standard/months-projection.js'
export {
  contractsProjection,
  LARGE_STATE_IT_PROJECTS_BUDGET_DRIFT,
  summarizeContractViews,
} from './standard/contracts-projection.js'
export type {
  ContractRow,
  ContractsState,
  ContractsView,
  ContractView,
  ModificationRow,
  ModificationView,
} from './standard/contracts-projection.js'
export { productsProjection } from './standard/products-projection.js'
export type {
  ImpactPeriodView,
  IndicatorChangeView,
  IndicatorReading,
  Measurement,
  PhaseChange,
  PhaseView,
  ProductRow,
  ProductsState,
  ProductView,
} from './standard/products-projection.js'
export { alertsProjection } from './standard/alerts-projection.js'
export type { AlertRow, AlertsState, AlertView } from './standard/alerts-projection.js'
export { paymentDelaysProjection } from './standard/payment-delays-projection.js'
export type {
  BeneficiaryDelaysView,
  DelayFigures,
  DelayRow,
  InvoicedContract,
  PaymentDelaysState,
  PaymentDelaysView,
} from './standard/payment-delays-projection.js'
export { forecastProjection } from './forecast/forecast-projection.js'
export type { ForecastFramework, ForecastState } from './forecast/forecast-projection.js'
export { forecast } from './forecast/forecast.js'
export type {
  BurnSliceView,
  BurnView,
  ForecastInput,
  ForecastOptions,
  ForecastScenario,
  ForecastView,
  ScenarioForecastView,
  TargetForecastView,
} from './forecast/forecast.js'
