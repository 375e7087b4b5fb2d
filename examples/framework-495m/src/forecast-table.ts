import { divideHalfUp, formatCents, parseCents } from '@plafond/core'
import type { TargetForecastView } from '@plafond/projections'
import type { ForecastReport } from './forecast-report.js'
import { formatMillions } from './format-millions.js'

/**
 * The forecast as a plain-text table: one row per scenario, the date each target would be reached
 * at the high, central and low burn. A date after the framework's end carries `*`: at that pace
 * the framework expires before the amount is committed.
 */
export function formatForecastTable(report: ForecastReport): string {
  const { forecast, framework } = report
  const estimate = formatMillions(framework.estimate)
  const maximum = formatMillions(framework.maximum)
  const lines: string[] = []
  const window = forecast.window
  const from = window[0]?.from ?? forecast.today
  lines.push(
    `Forecast made on ${forecast.today} from the commitments of the last ${report.assumptions.months} months (${from} to ${forecast.today}).`,
    `Committed so far ${formatMillions(forecast.committed)}: ${percent(forecast.committed, framework.estimate)} of the estimate (${estimate}), ${percent(forecast.committed, framework.maximum)} of the maximum (${maximum}).`,
  )
  const { burn } = forecast
  if (burn === null) {
    lines.push('No commitment in the window: no burn to project from.')
    return `${lines.join('\n')}\n`
  }
  lines.push(
    `Burn of commitments per month: low ${formatMillions(burn.low.perMonth)} (slowest month), central ${formatMillions(burn.central.perMonth)} (whole window), high ${formatMillions(burn.high.perMonth)} (fastest month).`,
    '',
  )
  const header = [
    'scenario',
    'month',
    'earliest',
    'central',
    'latest',
    'earliest',
    'central',
    'latest',
  ]
  const rows = forecast.scenarios.map((s) => [
    s.name,
    `${formatMillions(scaled(burn.central.perMonth, s.factor))}${s.monthlyGrowthPercent === '0' ? '' : ` +${s.monthlyGrowthPercent} %/mo`}`,
    ...dates(s.estimate, framework.endsOn),
    ...dates(s.maximum, framework.endsOn),
  ])
  const widths = header.map((_, i) => Math.max(...[header, ...rows].map((row) => row[i]!.length)))
  // The group headers span three date columns each.
  const span = (i: number): number => widths[i]! + widths[i + 1]! + widths[i + 2]! + 4
  const group = `${''.padEnd(widths[0]!)}  ${'burn per'.padStart(widths[1]!)}  ${`estimate ${estimate} reached`.padEnd(span(2))}  maximum ${maximum} reached`
  lines.push(
    group.trimEnd(),
    formatRow(header, widths),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...rows.map((row) => formatRow(row, widths)),
    '',
    `* after the framework's end (${framework.endsOn}): at that pace it expires before the amount is committed.`,
    'earliest: at the fastest month’s burn; central: at the window’s average; latest: at the slowest month’s.',
  )
  return `${lines.join('\n')}\n`
}

function dates(target: TargetForecastView, endsOn: string): string[] {
  if (target.reachedOn !== null) return [`reached ${target.reachedOn}`, '', '']
  return [target.earliest, target.central, target.latest].map((date) =>
    date === null ? 'never' : date > endsOn ? `${date}*` : date,
  )
}

function formatRow(cells: readonly string[], widths: readonly number[]): string {
  return cells
    .map((cell, i) => (i === 1 ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
    .join('  ')
    .trimEnd()
}

/** `part / whole` in percent, two decimals, rounded half-up. */
function percent(part: string, whole: string): string {
  const hundredths = divideHalfUp(parseCents(part) * 10_000n, parseCents(whole))
  return `${hundredths / 100n}.${String(hundredths % 100n).padStart(2, '0')} %`
}

/** A wire amount times a decimal factor (`"1.291667"`), rounded half-up to the cent. */
function scaled(amount: string, factor: string): string {
  const [units = '0', decimals = ''] = factor.split('.')
  const micros = BigInt(units) * 1_000_000n + BigInt(decimals.padEnd(6, '0').slice(0, 6))
  return formatCents(divideHalfUp(parseCents(amount) * micros, 1_000_000n))
}
