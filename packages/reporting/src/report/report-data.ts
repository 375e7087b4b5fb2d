import type {
  AlertView,
  BeneficiaryView,
  BudgetYearView,
  ContractsView,
  ForecastView,
  HoldersView,
  MonthView,
  OverviewView,
  PaymentDelaysView,
  ProductView,
} from '@plafond/projections'

/** What a report is about and when: the header every format prints. */
export interface ReportMeta {
  readonly frameworkId: string
  /** The report's title: the caller's, else the framework's title, else its id. */
  readonly title: string
  /** The business date the figures are as of; null when every event is counted. */
  readonly asOf: string | null
  /** The instant the figures are as known at; null when every recorded event is counted. */
  readonly asKnownAt: string | null
  /** The day the report is made, `YYYY-MM-DD`: the forecast counts from it. */
  readonly today: string
  /** When the report was generated (ISO-8601), if the caller said. */
  readonly generatedAt: string | null
  /** A notice every format shows prominently, e.g. that the data are synthetic. */
  readonly notice: string | null
}

/**
 * The call-offs of the framework and their drift taken together (`summarizeContractViews` of
 * `@plafond/projections`, over this framework's call-offs), with how many were modified.
 */
export interface ContractsSummary extends ContractsView {
  /** Call-offs with at least one modification. */
  readonly modified: number
}

/**
 * Everything a report shows about one framework agreement, read from the standard projections'
 * views: amounts are decimal strings, percentages strings with two decimals. Every renderer is a
 * pure function of it.
 */
export interface ReportData {
  readonly meta: ReportMeta
  readonly overview: OverviewView
  /** Sorted by beneficiary id. */
  readonly beneficiaries: readonly BeneficiaryView[]
  readonly holders: HoldersView
  /** From the first budget year with money to the last, none skipped. */
  readonly budgetYears: readonly BudgetYearView[]
  /** From the first month with money to the last, none skipped. */
  readonly months: readonly MonthView[]
  readonly contracts: ContractsSummary
  /** The products named by the framework's call-offs, by beneficiary and product. */
  readonly products: readonly ProductView[]
  /** By date, then log position. */
  readonly alerts: readonly AlertView[]
  readonly paymentDelays: PaymentDelaysView
  /** Null until the framework is opened within the time window. */
  readonly forecast: ForecastView | null
}
