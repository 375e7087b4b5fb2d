/** The ECB main refinancing operations rate in force on the first day of a half-year. */
export interface EcbHalfYearRate {
  /** `YYYY-H1` (rate in force on 1 January) or `YYYY-H2` (on 1 July). */
  readonly halfYear: string
  /** Percent per year with two decimals, e.g. `"2.15"`. */
  readonly rate: string
  /** The ECB decision that set the rate in force that day. */
  readonly source: string
}

/**
 * ECB main refinancing rates in force on the first day of each half-year since 2021, which
 * late-payment interest uses (R2192-31: that rate + 8 points). The table is data: pass an extended
 * one to `createLedger({ ecbRates })` as half-years go by. Each figure is the rate of the latest
 * ECB decision effective before that day.
 */
export const ECB_MAIN_REFINANCING_RATES: readonly EcbHalfYearRate[] = [
  {
    halfYear: '2021-H1',
    rate: '0.00',
    source: 'ECB decision of 10 March 2016, effective 16 March 2016',
  },
  {
    halfYear: '2021-H2',
    rate: '0.00',
    source: 'ECB decision of 10 March 2016, effective 16 March 2016',
  },
  {
    halfYear: '2022-H1',
    rate: '0.00',
    source: 'ECB decision of 10 March 2016, effective 16 March 2016',
  },
  {
    halfYear: '2022-H2',
    rate: '0.00',
    source: 'ECB decision of 10 March 2016; the rise to 0.50 % took effect on 27 July 2022',
  },
  {
    halfYear: '2023-H1',
    rate: '2.50',
    source: 'ECB decision of 15 December 2022, effective 21 December 2022',
  },
  {
    halfYear: '2023-H2',
    rate: '4.00',
    source: 'ECB decision of 15 June 2023, effective 21 June 2023',
  },
  {
    halfYear: '2024-H1',
    rate: '4.50',
    source: 'ECB decision of 14 September 2023, effective 20 September 2023',
  },
  {
    halfYear: '2024-H2',
    rate: '4.25',
    source: 'ECB decision of 6 June 2024, effective 12 June 2024',
  },
  {
    halfYear: '2025-H1',
    rate: '3.15',
    source: 'ECB decision of 12 December 2024, effective 18 December 2024',
  },
  {
    halfYear: '2025-H2',
    rate: '2.15',
    source: 'ECB decision of 5 June 2025, effective 11 June 2025',
  },
  {
    halfYear: '2026-H1',
    rate: '2.15',
    source: 'ECB decision of 5 June 2025, unchanged at every meeting to 18 December 2025',
  },
]

/** The half-year a date falls in: `2025-H1` for 2025-01-01 to 2025-06-30. */
export function halfYearOf(date: string): string {
  return `${date.slice(0, 4)}-${Number(date.slice(5, 7)) <= 6 ? 'H1' : 'H2'}`
}

/** The rate in force on the first day of the half-year of `date`, or undefined when the table lacks it. */
export function ecbRateFor(
  date: string,
  table: readonly EcbHalfYearRate[] = ECB_MAIN_REFINANCING_RATES,
): EcbHalfYearRate | undefined {
  const halfYear = halfYearOf(date)
  return table.find((entry) => entry.halfYear === halfYear)
}
