import { addDays, divideHalfUp, formatCents, isBusinessDate, type Cents } from '@plafond/core'
import { parseMicros } from '../state/decimal-micros.js'
import { epochDay } from '../state/epoch-day.js'
import type { Table } from '../state/table.js'
import { addMonths, endOfMonth } from './calendar-months.js'

/** A named what-if on the burn from `today` on. */
export interface ForecastScenario {
  /** Shown in reports, e.g. "31 beneficiaries instead of 24: spend × 3". */
  readonly name: string
  /** Multiplies the burn from today on, as a decimal string (`"3"` for tripling); 1 when omitted. */
  readonly factor?: string
  /**
   * Compounded growth of the burn per calendar month after today's, in percent as a decimal
   * string (`"5"`: +5 % a month; `"-2"`: −2 %); 0 when omitted.
   */
  readonly monthlyGrowthPercent?: string
}

/** Options of a forecast. */
export interface ForecastOptions {
  /** The day the forecast is made, `YYYY-MM-DD`: the caller passes it, no clock is read. */
  readonly today: string
  /** How many months of history the burn is measured over; 6 by default. */
  readonly months?: number
  readonly scenarios?: readonly ForecastScenario[]
}

/** What a forecast reads about one framework. */
export interface ForecastInput {
  readonly frameworkId: string
  readonly estimate: Cents
  readonly maximum: Cents
  /** Validity; a window reaching before `startsOn` is cut there. */
  readonly startsOn: string | null
  readonly endsOn: string | null
  /** Net commitments by business date, in cents. */
  readonly committedByDay: Table<Cents>
}

/** One slice of the measuring window: a month back from its end. */
export interface BurnSliceView {
  /** First day (inclusive). */
  readonly from: string
  /** Last day (inclusive). */
  readonly to: string
  readonly days: number
  readonly committed: string
}

/** Burn rates: per day exactly as measured, and per average month (365.2425 / 12 days). */
export interface BurnView {
  readonly perDay: string
  readonly perMonth: string
}

/** When a target is reached: in the past, or projected at each burn. */
export interface TargetForecastView {
  readonly target: string
  /** target − committed today; zero or less once reached. */
  readonly remaining: string
  /** The business date committed money first reached the target, when it already did. */
  readonly reachedOn: string | null
  /** Projected at the high burn; null when reached already or never at that pace. */
  readonly earliest: string | null
  /** Projected at the central burn. */
  readonly central: string | null
  /** Projected at the low burn. */
  readonly latest: string | null
  /** Whether the central date falls within the framework's validity (null when unknown). */
  readonly centralWithinValidity: boolean | null
}

/** A scenario's projection. */
export interface ScenarioForecastView {
  readonly name: string
  readonly factor: string
  readonly monthlyGrowthPercent: string
  readonly estimate: TargetForecastView
  readonly maximum: TargetForecastView
}

/** A framework's forecast. */
export interface ForecastView {
  readonly frameworkId: string
  readonly today: string
  readonly committed: string
  readonly endsOn: string | null
  /** Oldest slice first. */
  readonly window: readonly BurnSliceView[]
  /** low: the slowest slice; central: the whole window; high: the fastest slice. */
  readonly burn: {
    readonly low: BurnView
    readonly central: BurnView
    readonly high: BurnView
  } | null
  readonly estimate: TargetForecastView
  readonly maximum: TargetForecastView
  readonly scenarios: readonly ScenarioForecastView[]
}

/** An exact burn rate: `amount` cents over `days` days. */
interface Rate {
  readonly amount: Cents
  readonly days: bigint
}

// Multipliers are fixed-point with twelve decimals: exact for factors written with up to six
// decimals, and the monthly compounding of growth rounds half-up at the twelfth.
const UNIT = 1_000_000_000_000n
const MICRO_TO_UNIT = 1_000_000n
// Beyond a century, "never" is the honest answer.
const HORIZON_MONTHS = 1200

function isSlower(a: Rate, b: Rate): boolean {
  return a.amount * b.days < b.amount * a.days
}

function perMonth(rate: Rate): BurnView {
  return {
    perDay: formatCents(divideHalfUp(rate.amount, rate.days)),
    // × 365.2425 / 12 days, the mean Gregorian month.
    perMonth: formatCents(divideHalfUp(rate.amount * 3_652_425n, rate.days * 120_000n)),
  }
}

interface Window {
  readonly slices: readonly (Rate & { readonly from: string; readonly to: string })[]
  readonly committed: Cents
}

function measure(input: ForecastInput, today: string, months: number): Window {
  const days = Object.keys(input.committedByDay)
  let committed = 0n
  for (const day of days) if (day <= today) committed += input.committedByDay[day]!
  const slices: (Rate & { from: string; to: string })[] = []
  for (let i = months - 1; i >= 0; i--) {
    const to = addMonths(today, -i)
    let from = addDays(addMonths(today, -(i + 1)), 1)
    if (input.startsOn !== null && from < input.startsOn) from = input.startsOn
    if (from > to) continue
    let amount = 0n
    for (const day of days) if (day >= from && day <= to) amount += input.committedByDay[day]!
    slices.push({ from, to, amount, days: BigInt(epochDay(to) - epochDay(from) + 1) })
  }
  return { slices, committed }
}

function reachedOn(input: ForecastInput, target: Cents, today: string): string | null {
  let total = 0n
  for (const day of Object.keys(input.committedByDay).sort()) {
    if (day > today) break
    total += input.committedByDay[day]!
    if (total >= target) return day
  }
  return null
}

/** The multiplier of month `k` after today's (0: the rest of today's month), as fixed-point. */
function multipliers(scenario: ForecastScenario | undefined): (k: number) => bigint {
  const factor =
    scenario?.factor === undefined ? UNIT : parseMicros(scenario.factor) * MICRO_TO_UNIT
  const growth =
    scenario?.monthlyGrowthPercent === undefined ? 0n : parseMicros(scenario.monthlyGrowthPercent)
  const memo = [factor]
  return (k) => {
    // (1 + g / 100) each month, g in millionths of a percent.
    while (memo.length <= k)
      memo.push(divideHalfUp(memo[memo.length - 1]! * (100_000_000n + growth), 100_000_000n))
    return memo[k]!
  }
}

/**
 * The first day committed money reaches `remaining` more, at `rate` times the month's multiplier,
 * counting from the day after `today`; null when it never does within the horizon.
 */
function projectedDay(
  remaining: Cents,
  rate: Rate,
  multiplier: (k: number) => bigint,
  today: string,
): string | null {
  if (rate.amount <= 0n) return null
  // Everything × days × UNIT so that each day adds amount × multiplier exactly.
  const needed = remaining * rate.days * UNIT
  let reached = 0n
  let segmentStart = addDays(today, 1)
  for (let k = 0; k <= HORIZON_MONTHS; k++) {
    const perDay = rate.amount * multiplier(k)
    const segmentEnd = endOfMonth(segmentStart)
    const length = BigInt(epochDay(segmentEnd) - epochDay(segmentStart) + 1)
    if (perDay > 0n && reached + perDay * length >= needed) {
      const days = (needed - reached + perDay - 1n) / perDay
      return addDays(segmentStart, Number(days) - 1)
    }
    if (perDay > 0n) reached += perDay * length
    segmentStart = addDays(segmentEnd, 1)
  }
  return null
}

function target(
  input: ForecastInput,
  targetCents: Cents,
  window: Window,
  rates: { readonly low: Rate; readonly central: Rate; readonly high: Rate } | null,
  multiplier: (k: number) => bigint,
  today: string,
): TargetForecastView {
  const remaining = targetCents - window.committed
  const done = remaining <= 0n
  const at = (rate: Rate | undefined): string | null =>
    done || rate === undefined ? null : projectedDay(remaining, rate, multiplier, today)
  const central = at(rates?.central)
  return {
    target: formatCents(targetCents),
    remaining: formatCents(remaining),
    reachedOn: done ? reachedOn(input, targetCents, today) : null,
    earliest: at(rates?.high),
    central,
    latest: at(rates?.low),
    centralWithinValidity:
      central === null || input.endsOn === null ? null : central <= input.endsOn,
  }
}

/**
 * When the estimate and the maximum will be reached at the pace of commitments. Committed money
 * is what the ceiling limits (invariant 3), so it is the burn measured, not payments. The window
 * is `months` slices of one month each, ending on `today` (cut at the framework's start). The
 * central burn is the whole window's committed over its days; low and high are the slowest and
 * the fastest slice. A target is reached on the first day the cumulated burn, from the day after
 * `today`, covers what remains: low burn gives the latest date, high burn the earliest. A scenario
 * multiplies the burn by `factor` and compounds `monthlyGrowthPercent` each calendar month.
 * Pure and exact: bigint throughout, no clock read.
 */
export function forecast(input: ForecastInput, options: ForecastOptions): ForecastView {
  const { today } = options
  if (!isBusinessDate(today)) {
    throw new RangeError(
      `Expected today to be a real date written YYYY-MM-DD, found ${JSON.stringify(today)}.`,
    )
  }
  const months = options.months ?? 6
  if (!Number.isInteger(months) || months < 1) {
    throw new RangeError(`Expected months to be a whole number of at least 1, found ${months}.`)
  }
  const window = measure(input, today, months)
  let rates: { low: Rate; central: Rate; high: Rate } | null = null
  for (const slice of window.slices) {
    const rate = { amount: slice.amount, days: slice.days }
    rates =
      rates === null
        ? { low: rate, central: rate, high: rate }
        : {
            low: isSlower(rate, rates.low) ? rate : rates.low,
            central: {
              amount: rates.central.amount + rate.amount,
              days: rates.central.days + rate.days,
            },
            high: isSlower(rates.high, rate) ? rate : rates.high,
          }
  }
  const base = multipliers(undefined)
  return {
    frameworkId: input.frameworkId,
    today,
    committed: formatCents(window.committed),
    endsOn: input.endsOn,
    window: window.slices.map((s) => ({
      from: s.from,
      to: s.to,
      days: Number(s.days),
      committed: formatCents(s.amount),
    })),
    burn:
      rates === null
        ? null
        : {
            low: perMonth(rates.low),
            central: perMonth(rates.central),
            high: perMonth(rates.high),
          },
    estimate: target(input, input.estimate, window, rates, base, today),
    maximum: target(input, input.maximum, window, rates, base, today),
    scenarios: (options.scenarios ?? []).map((scenario) => {
      const multiplier = multipliers(scenario)
      return {
        name: scenario.name,
        factor: scenario.factor ?? '1',
        monthlyGrowthPercent: scenario.monthlyGrowthPercent ?? '0',
        estimate: target(input, input.estimate, window, rates, multiplier, today),
        maximum: target(input, input.maximum, window, rates, multiplier, today),
      }
    }),
  }
}
