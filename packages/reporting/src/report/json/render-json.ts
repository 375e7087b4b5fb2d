import type {
  AlertView,
  BeneficiaryView,
  BudgetYearView,
  ContractView,
  DelayFigures,
  ForecastView,
  HolderView,
  MonthView,
  OverviewView,
  ProductView,
} from '@plafond/projections'
import type { ContractsSummary, ReportData, ReportMeta } from '../report-data.js'

/** The version of the JSON report's shape; bumped on any change that is not an addition. */
export const REPORT_JSON_VERSION = 1

/** The JSON report (`plafond report --format json`): amounts are decimal strings throughout. */
export interface ReportJson {
  readonly report: ReportMeta & { readonly format: 'plafond-report'; readonly version: number }
  readonly overview: Omit<OverviewView, 'frameworkId'>
  readonly beneficiaries: readonly ({ readonly id: string } & Omit<
    BeneficiaryView,
    'frameworkId' | 'beneficiaryId'
  >)[]
  readonly holders: readonly ({ readonly id: string } & Omit<HolderView, 'holderId'>)[]
  /** Herfindahl-Hirschman index (0–10 000) of what holders hold now, and of what they were awarded. */
  readonly concentration: { readonly committed: number | null; readonly awarded: number | null }
  readonly budgetYears: readonly BudgetYearView[]
  readonly months: readonly MonthView[]
  readonly contracts: readonly ({ readonly id: string } & Omit<
    ContractView,
    'frameworkId' | 'contractId'
  >)[]
  readonly drift: Omit<ContractsSummary, 'contracts'>
  readonly products: readonly ProductView[]
  readonly alerts: readonly Omit<AlertView, 'frameworkId'>[]
  readonly paymentDelays: DelayFigures & {
    readonly beneficiaries: readonly ({ readonly id: string } & DelayFigures)[]
  }
  readonly forecast: Omit<ForecastView, 'frameworkId'> | null
}

/** The report as a plain object in the shape of `ReportJson`, keys in a fixed order. */
export function reportJson(data: ReportData): ReportJson {
  const { frameworkId: _overviewFramework, ...overview } = data.overview
  const { contracts, ...drift } = data.contracts
  const {
    frameworkId: _delaysFramework,
    beneficiaries: delays,
    ...delayFigures
  } = data.paymentDelays
  return {
    report: { format: 'plafond-report', version: REPORT_JSON_VERSION, ...data.meta },
    overview,
    beneficiaries: data.beneficiaries.map(
      ({ frameworkId: _framework, beneficiaryId: id, ...row }) => ({ id, ...row }),
    ),
    holders: data.holders.holders.map(({ holderId: id, ...row }) => ({ id, ...row })),
    concentration: {
      committed: data.holders.concentration,
      awarded: data.holders.awardedConcentration,
    },
    budgetYears: data.budgetYears,
    months: data.months,
    contracts: contracts.map(({ frameworkId: _framework, contractId: id, ...row }) => ({
      id,
      ...row,
    })),
    drift,
    products: data.products,
    alerts: data.alerts.map(({ frameworkId: _framework, ...alert }) => alert),
    paymentDelays: {
      ...delayFigures,
      beneficiaries: delays.map(({ beneficiaryId: id, ...row }) => ({ id, ...row })),
    },
    forecast: data.forecast === null ? null : withoutFramework(data.forecast),
  }
}

function withoutFramework({ frameworkId: _framework, ...forecast }: ForecastView) {
  return forecast
}

/**
 * The JSON report: `{ report, overview, beneficiaries, holders, concentration, budgetYears,
 * months, contracts, drift, products, alerts, paymentDelays, forecast }`, amounts as decimal
 * strings (`"1234.56"`), percentages as strings with two decimals, counts as numbers. Two-space
 * indentation and a final newline, so that equal data give equal bytes.
 */
export function renderJson(data: ReportData): string {
  return `${JSON.stringify(reportJson(data), null, 2)}\n`
}
