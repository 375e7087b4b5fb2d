import { formatEuros, type ExecuteResult, type VerifyResult } from '@plafond/core'
import type { LedgerSummary, ProductSummary } from './ledger-summary.js'

/** Everything the replay report shows. */
export interface ReplayReportInput {
  /** The file replayed, as the user named it. */
  readonly source: string
  readonly summary: LedgerSummary
  readonly results: readonly ExecuteResult[]
  /** Commands answered with their first outcome, already recorded. */
  readonly replayed: number
  /** Events this run wrote. */
  readonly eventsWritten: number
  /** The store written to, and its size on disk once closed (undefined in memory). */
  readonly store: { readonly label: string; readonly bytes: number | undefined }
  readonly batches: number
  /** Seconds inside `executeBatch`. */
  readonly seconds: number
  /** CPU seconds used inside `executeBatch`. */
  readonly cpuSeconds: number
  /** Seconds from reading the file to the end of the replay. */
  readonly wallSeconds: number
  readonly verify: VerifyResult
  /** What the history must pay in total, in cents; undefined when only part of it was replayed. */
  readonly expectedPaid: bigint | undefined
}

/** Refused commands counted by rejection code, most frequent first, then by code. */
export function refusalsByCode(results: readonly ExecuteResult[]): [string, number][] {
  const counts = new Map<string, number>()
  for (const result of results) {
    if (!result.ok) counts.set(result.rejection.code, (counts.get(result.rejection.code) ?? 0) + 1)
  }
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
}

/** The replay's summary as plain text: money by party and product, refusals, checks, speed. */
export function formatReplayReport(input: ReplayReportInput): string {
  const { summary, results } = input
  const out: string[] = []
  const money = (cents: bigint): string => formatEuros(cents).padStart(18)
  const count = (n: number): string => n.toLocaleString('fr-FR')
  out.push(
    `Replay of ${input.source} — SYNTHETIC data, calibrated on published totals, not real spend`,
    '',
    `Framework ${summary.frameworkId}: estimate ${formatEuros(summary.estimate)}, maximum ${formatEuros(summary.maximum)}${summary.closedOn === undefined ? '' : `, closed on ${summary.closedOn}`}`,
    '',
    `${'Beneficiary'.padEnd(44)}${'allocated'.padStart(18)}${'committed'.padStart(18)}${'certified'.padStart(18)}${'paid'.padStart(18)}`,
  )
  for (const b of summary.beneficiaries) {
    out.push(
      `${shorten(b.name, 42).padEnd(44)}${money(b.allocated)}${money(b.committed)}${money(b.certified)}${money(b.paid)}`,
    )
  }
  const t = summary.totals
  out.push(
    `${`Total (${summary.beneficiaries.length} beneficiaries)`.padEnd(44)}${money(t.allocated)}${money(t.committed)}${money(t.certified)}${money(t.paid)}`,
    '',
    `${'Holder'.padEnd(44)}${'call-offs'.padStart(18)}${'awarded'.padStart(18)}${'paid'.padStart(18)}`,
  )
  for (const h of summary.holders) {
    out.push(
      `${shorten(h.name, 42).padEnd(44)}${String(h.contracts).padStart(18)}${money(h.awarded)}${money(h.paid)}`,
    )
  }
  out.push(
    '',
    `Call-offs: ${summary.contracts}, closed ${summary.closedContracts}, releasing ${formatEuros(summary.released)} never certified`,
    `Purchase orders under subsequent contracts: ${count(summary.orders.count)} issued under ${summary.orders.contracts} contracts, ${formatEuros(summary.orders.amount)} ordered`,
    `Invoiced (HT): ${formatEuros(summary.invoiced)}; late-payment interest owed: ${formatEuros(summary.lateInterest)} on ${summary.latePayments} late payments`,
    `Modifications: ${summary.modifications} (${Object.entries(summary.modificationsByBasis)
      .sort((a, b) => (a[0] < b[0] ? -1 : 1))
      .map(([basis, n]) => `${basis} ${n}`)
      .join(', ')}); holder successions: ${summary.successions}`,
    `Alerts: ${describeAlerts(summary.alerts)}`,
    '',
    ...productLines(summary.products),
    '',
  )
  const refusals = refusalsByCode(results)
  const refused = refusals.reduce((sum, [, n]) => sum + n, 0)
  out.push(`Refused commands: ${refused}`)
  for (const [code, n] of refusals) out.push(`  ${code.padEnd(30)}${String(n).padStart(6)}`)
  out.push(
    `Commands: ${count(results.length)} — decided now ${count(results.length - input.replayed)}, answered with their first outcome ${count(input.replayed)} (already applied: a resumed run, or a client's retry)`,
    '',
  )

  out.push(
    `Events: ${count(summary.events)} — ${Object.entries(summary.eventsByType)
      .sort((a, b) => b[1] - a[1])
      .map(([type, n]) => `${type} ${n}`)
      .join(', ')}`,
    summary.breaches.length === 0
      ? 'Invariants: held after every event (Σ allocations ≤ maximum, committed ≤ allocation, paid ≤ certified ≤ amount)'
      : `Invariants: ${summary.breaches.length} BROKEN — first: ${summary.breaches[0]}`,
    input.verify.ok
      ? `verify(): ok, ${count(input.verify.events)} events, head ${input.verify.head?.position ?? '-'} ${input.verify.head?.hash.slice(0, 16) ?? ''}…`
      : `verify(): FAILED at position ${input.verify.position}: ${input.verify.reason}`,
    input.expectedPaid === undefined
      ? `Total paid: ${formatEuros(t.paid)} (part of the history only)`
      : `Total paid: ${formatEuros(t.paid)} (expected ${formatEuros(input.expectedPaid)}) ${t.paid === input.expectedPaid ? 'ok' : 'MISMATCH'}`,
    '',
    `Store: ${input.store.label}${input.store.bytes === undefined ? '' : `, ${(input.store.bytes / 1024 / 1024).toFixed(1)} MiB on disk`}`,
    `Speed: ${count(results.length)} commands in ${input.batches} batches, ${input.seconds.toFixed(3)} s inside executeBatch = ${count(Math.round(results.length / input.seconds))} commands/s; ${count(input.eventsWritten)} events written = ${count(Math.round(input.eventsWritten / input.seconds))} events/s`,
    `       (${input.cpuSeconds.toFixed(3)} s of CPU = ${count(Math.round(results.length / input.cpuSeconds))} commands per CPU-second; ${input.wallSeconds.toFixed(3)} s wall with reading and parsing)`,
  )
  return `${out.join('\n')}\n`
}

const PHASE_ORDER = [
  'investigation',
  'construction',
  'acceleration',
  'transfer',
  'success',
  'alumni',
]

/** How many products are in each phase, then one line per product with its latest impact. */
function productLines(products: readonly ProductSummary[]): string[] {
  const byPhase = new Map<string, number>()
  for (const p of products)
    byPhase.set(p.phase ?? 'none', (byPhase.get(p.phase ?? 'none') ?? 0) + 1)
  const phases = [...byPhase].sort((a, b) => PHASE_ORDER.indexOf(a[0]) - PHASE_ORDER.indexOf(b[0]))
  const lines = [
    `Products: ${products.length} — ${phases.map(([phase, n]) => `${phase} ${n}`).join(', ')}`,
    `${'Product'.padEnd(32)}${'phase'.padEnd(15)}${'since'.padEnd(12)}${'call-offs'.padStart(9)}${'certified'.padStart(18)}${'impact'.padStart(8)}  latest measurement`,
  ]
  for (const p of products) {
    const latest = p.lastImpact
    const indicator = latest?.indicators[0]
    const shown =
      latest === undefined || indicator === undefined
        ? '-'
        : `${latest.measuredOn}: ${indicator.name} ${indicator.value}${indicator.unit === undefined ? '' : ` ${indicator.unit}`}`
    lines.push(
      `${shorten(p.product, 31).padEnd(32)}${(p.phase ?? '-').padEnd(15)}${(p.since ?? '-').padEnd(12)}${String(p.contracts).padStart(9)}${formatEuros(p.certified).padStart(18)}${String(p.measurements).padStart(8)}  ${shown}`,
    )
  }
  return lines
}

/** `estimate:50`, `allocation:90:<siret>`, … as one line: framework thresholds, then counts. */
function describeAlerts(alerts: readonly string[]): string {
  if (alerts.length === 0) return 'none'
  const framework = alerts.filter((a) => a.split(':').length === 2 || a === 'ceiling')
  const perBeneficiary = new Map<string, number>()
  for (const alert of alerts) {
    const [scope, percent, beneficiary] = alert.split(':')
    if (beneficiary === undefined) continue
    const key = `${scope} ${percent} %`
    perBeneficiary.set(key, (perBeneficiary.get(key) ?? 0) + 1)
  }
  return [
    ...framework.map((a) => a.replace(':', ' ') + (a === 'ceiling' ? '' : ' %')),
    ...[...perBeneficiary].map(([key, n]) => `${key} (${n} beneficiaries)`),
  ].join(', ')
}

function shorten(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, width - 1)}…`
}
