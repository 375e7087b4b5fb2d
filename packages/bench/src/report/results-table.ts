import type { Target } from '../bench-plan.js'
import type { Skipped } from '../measure/sample.js'
import type { Figure } from './figure.js'

/** A number as the table prints it: grouped thousands, decimals only for small values. */
export function formatNumber(value: number): string {
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2
  return value
    .toLocaleString('en-US', {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    })
    .replaceAll(',', ' ')
}

function targetText(target: Target | undefined): string {
  if (target === undefined) return ''
  if (target.min !== undefined) return `≥ ${formatNumber(target.min)}`
  return `≤ ${formatNumber(target.max!)}`
}

/** The figures as a plain-text table: median, spread of the runs, CPU-time median, target. */
export function resultsTable(figures: readonly Figure[], skipped: readonly Skipped[] = []): string {
  const measured = figures.map((f) => [
    f.label,
    `${formatNumber(f.median)} ${f.unit}`,
    `±${(f.spread * 50).toFixed(1)}% (${f.runs.length})`,
    f.cpu === undefined ? '' : formatNumber(f.cpu.median),
    targetText(f.target),
    f.met === undefined ? '' : f.met ? 'met' : 'MISSED',
  ])
  const rows = [...measured, ...skipped.map((s) => [s.label, 'not measured', '', '', '', s.reason])]
  const header = ['figure', 'median', 'spread (runs)', 'by CPU time', 'target', '']
  // The last column (met, MISSED or why a figure was skipped) may be long: it does not set widths.
  const widths = header.map((h, i) =>
    i === header.length - 1 ? 0 : Math.max(h.length, ...rows.map((r) => r[i]!.length)),
  )
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, i) =>
        i === 0 || i === cells.length - 1 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!),
      )
      .join('  ')
      .trimEnd()
  return [line(header), line(widths.map((w) => '─'.repeat(w))), ...rows.map(line)].join('\n')
}
