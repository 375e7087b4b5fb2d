import { formatEuros, parseCents, type VerifyResult } from '@plafond/core'
import type { AllocationPlan } from './allocation-policy.js'
import type { FirstYearFigures } from './first-year-figures.js'
import { FIRST_YEAR_ENDS_ON, FRAMEWORK_TERMS } from './framework-terms.js'
import { formatMillions as m } from './format-millions.js'
import type { WrittenYear } from './write-first-year.js'

/** What the first-year report prints. */
export interface FirstYearReportInput {
  readonly seed: string
  readonly allocations: AllocationPlan
  readonly written: Pick<WrittenYear, 'commands' | 'eventsWritten' | 'refusals'>
  readonly verify: VerifyResult
  readonly figures: FirstYearFigures
}

/**
 * The framework, its allocation policy and its simulated first year as plain text: what the
 * projections read from the ledger, quarter by quarter, and whether the hash chain verifies.
 */
export function formatFirstYear(input: FirstYearReportInput): string {
  const { figures, allocations, written } = input
  const { overview, payments } = figures
  const t = FRAMEWORK_TERMS
  const lines = [
    `SYNTHETIC DATA: a seeded simulation (seed "${input.seed}"), fictional holders, invented SIRETs; no real spend.`,
    '',
    `Framework ${t.frameworkId}: estimate ${m(t.estimate)}, maximum ${m(t.maximum)}, ${t.startsOn} to ${t.endsOn}, ${overview.holders} holders, ${overview.beneficiaries} beneficiaries.`,
    `Allocations: 90 % of the estimate shared by expected use (${m(allocations.shared)} for the ${allocations.shares.length} beneficiaries), each given its share a month before its first call-off; reserve ${m(allocations.reserve)} of the estimate, ${m(allocations.beyondEstimate)} beyond it left unallocated.`,
    `Allocated by ${FIRST_YEAR_ENDS_ON}: ${m(overview.allocated)} to ${figures.activeBeneficiaries} beneficiaries; unallocated ${m(overview.unallocated)}.`,
    '',
    `First year, ${t.startsOn} to ${FIRST_YEAR_ENDS_ON}: ${written.commands} commands, ${written.eventsWritten} events, ${written.refusals.length} refused; hash chain ${input.verify.ok ? `verified (${input.verify.events} events)` : `BROKEN at position ${input.verify.position}: ${input.verify.reason}`}.`,
    '',
  ]
  const header = ['quarter', 'buying', 'committed', 'certified', 'paid']
  const rows = [
    ...figures.quarters.map((q) => [
      q.quarter,
      String(q.activeBeneficiaries),
      m(q.committed),
      m(q.certified),
      m(q.paid),
    ]),
    [
      'year',
      String(figures.activeBeneficiaries),
      m(overview.committed),
      m(overview.certified),
      m(overview.paid),
    ],
  ]
  const widths = header.map((_, i) => Math.max(...[header, ...rows].map((row) => row[i]!.length)))
  const format = (row: readonly string[]): string =>
    row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ')
  lines.push(
    format(header),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...rows.slice(0, -1).map(format),
    widths.map((w) => '-'.repeat(w)).join('  '),
    format(rows[rows.length - 1]!),
    '',
    `"buying": beneficiaries with at least one call-off by the quarter's end. Committed is net of what closings released; ${overview.contracts} call-offs.`,
    `Invoiced ${m(overview.invoiced)} HT; ${payments.payments} payments, ${payments.onTimeShare ?? '–'} % within 30 days (R2192-10), ${payments.latePayments} late: interest and lump sums ${formatEuros(parseCents(overview.lateInterest))}.`,
    `Headroom under the maximum: ${m(overview.headroom)} (${overview.shareOfEstimate ?? '–'} % of the estimate and ${overview.shareOfMaximum ?? '–'} % of the maximum committed).`,
  )
  return `${lines.join('\n')}\n`
}
