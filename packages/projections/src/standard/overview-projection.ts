import { formatCents, type Cents, type LedgerEvent } from '@plafond/core'
import type { Draft } from 'immer'
import type { KeyedEvolve, ViewedProjection } from '../projection.js'
import { CALL_OFF } from '../state/call-off.js'
import { centsOf } from '../state/cents-of.js'
import {
  addExecution,
  callOffRow,
  EXECUTION_APPLY,
  type ExecutionSums,
} from '../state/execution-sums.js'
import { sharePercent } from '../state/share-percent.js'
import { emptyTable, type Table } from '../state/table.js'

/** One framework agreement's totals, in cents. */
export interface OverviewRow {
  readonly frameworkId: string
  /** Null until `FrameworkOpened` is inside the time window. */
  readonly title: string | null
  readonly status: 'unopened' | 'open' | 'closed'
  readonly startsOn: string | null
  readonly endsOn: string | null
  readonly closedOn: string | null
  readonly closeReason: string | null
  readonly estimate: Cents
  readonly maximum: Cents
  readonly minimum: Cents | null
  /** Σ allocations to beneficiaries. */
  readonly allocated: Cents
  /** Σ committed over call-offs: awards + modifications − what closing released (framework stream). */
  readonly committed: Cents
  /** Σ certified deliveries (service fait). */
  readonly certified: Cents
  /** Σ invoices received, HT. */
  readonly invoiced: Cents
  readonly paid: Cents
  /** Σ late-payment interest due, lump sums included (R2192-31, R2192-36). */
  readonly lateInterest: Cents
  /** Current holders (a succeeded holder no longer counts; its successor does). */
  readonly currentHolders: Table<true>
  readonly beneficiaries: number
  readonly contracts: number
  /** The business date committed money reached the maximum (CJEU C-23/20 §68), if it did. */
  readonly ceilingReachedOn: string | null
}

/**
 * State of the framework overview: one row per framework, in order of first appearance. Contract
 * events reach their framework's row through `contractRow`, one lookup per event.
 */
export interface OverviewState {
  readonly rows: readonly OverviewRow[]
  /** frameworkId → index in `rows`. */
  readonly rowOf: Table<number>
  /** contractId → index in `rows`. */
  readonly contractRow: Table<number>
}

/** One framework's figures as a report prints them: amounts as decimal strings. */
export interface OverviewView {
  readonly frameworkId: string
  readonly title: string | null
  readonly status: 'unopened' | 'open' | 'closed'
  readonly startsOn: string | null
  readonly endsOn: string | null
  readonly closedOn: string | null
  readonly closeReason: string | null
  readonly maximum: string
  readonly estimate: string
  readonly minimum: string | null
  readonly allocated: string
  /** maximum − allocated. */
  readonly unallocated: string
  readonly committed: string
  readonly certified: string
  readonly invoiced: string
  readonly paid: string
  readonly lateInterest: string
  /** maximum − committed: what call-offs may still commit. */
  readonly headroom: string
  /** committed / estimate, percent with two decimals; null when the estimate is unknown. */
  readonly shareOfEstimate: string | null
  /** committed / maximum, percent with two decimals; null when the maximum is unknown. */
  readonly shareOfMaximum: string | null
  readonly holders: number
  readonly beneficiaries: number
  readonly contracts: number
  readonly ceilingReachedOn: string | null
}

function initialOverview(): OverviewState {
  return { rows: [], rowOf: emptyTable(), contractRow: emptyTable() }
}

function rowIndex(state: Draft<OverviewState>, frameworkId: string): number {
  const index = state.rowOf[frameworkId]
  if (index !== undefined) return index
  state.rowOf[frameworkId] = state.rows.length
  state.rows.push({
    frameworkId,
    title: null,
    status: 'unopened',
    startsOn: null,
    endsOn: null,
    closedOn: null,
    closeReason: null,
    estimate: 0n,
    maximum: 0n,
    minimum: null,
    allocated: 0n,
    committed: 0n,
    certified: 0n,
    invoiced: 0n,
    paid: 0n,
    lateInterest: 0n,
    currentHolders: emptyTable(),
    beneficiaries: 0,
    contracts: 0,
    ceilingReachedOn: null,
  })
  return state.rows.length - 1
}

function rowOf(state: Draft<OverviewState>, frameworkId: string): Draft<OverviewRow> {
  return state.rows[rowIndex(state, frameworkId)]!
}

function evolveOverview(state: Draft<OverviewState>, event: LedgerEvent): void {
  switch (event.type) {
    case 'ServiceCertified':
    case 'InvoiceRecorded':
    case 'PaymentRecorded':
    case 'LatePaymentInterestDue':
      addExecution(state, event)
      return
    case 'CommitmentAwarded': {
      const index = rowIndex(state, event.data.frameworkId)
      const row = state.rows[index]!
      row.committed += centsOf(event.data.amount)
      row.contracts += 1
      state.contractRow[event.data.contractId] = index
      return
    }
    case 'CommitmentModified':
      rowOf(state, event.data.frameworkId).committed += centsOf(event.data.delta)
      return
    case 'CommitmentReleased':
      rowOf(state, event.data.frameworkId).committed -= centsOf(event.data.amount)
      return
    case 'AllocationGranted':
      rowOf(state, event.data.frameworkId).allocated += centsOf(event.data.amount)
      return
    case 'AllocationReleased':
      rowOf(state, event.data.frameworkId).allocated -= centsOf(event.data.amount)
      return
    case 'FrameworkOpened': {
      const d = event.data
      const row = rowOf(state, d.frameworkId)
      row.title = d.title
      if (row.status === 'unopened') row.status = 'open'
      row.startsOn = d.startsOn
      row.endsOn = d.endsOn
      row.estimate = centsOf(d.estimate)
      row.maximum = centsOf(d.maximum)
      row.minimum = d.minimum === undefined ? null : centsOf(d.minimum)
      return
    }
    case 'HolderAdded':
      rowOf(state, event.data.frameworkId).currentHolders[event.data.holderId] = true
      return
    case 'HolderSucceeded': {
      const holders = rowOf(state, event.data.frameworkId).currentHolders
      delete holders[event.data.holderId]
      holders[event.data.successorId] = true
      return
    }
    case 'BeneficiaryAdded':
      rowOf(state, event.data.frameworkId).beneficiaries += 1
      return
    case 'CeilingReached': {
      const row = rowOf(state, event.data.frameworkId)
      row.ceilingReachedOn ??= event.data.reachedOn
      return
    }
    case 'FrameworkClosed': {
      const row = rowOf(state, event.data.frameworkId)
      row.status = 'closed'
      row.closedOn = event.data.closedOn
      row.closeReason = event.data.reason
      return
    }
    default:
      // Transfers move allocation between beneficiaries without changing the total; alerts,
      // orders, modifications' contract side, closings and products are other projections'.
      return
  }
}

/** A call-off's execution events, applied to its framework's row. */
const overviewByCallOff: KeyedEvolve<OverviewState, Draft<ExecutionSums>> = {
  key: CALL_OFF,
  find: callOffRow,
  apply: EXECUTION_APPLY,
}

function viewRow(row: OverviewRow): OverviewView {
  return {
    frameworkId: row.frameworkId,
    title: row.title,
    status: row.status,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    closedOn: row.closedOn,
    closeReason: row.closeReason,
    maximum: formatCents(row.maximum),
    estimate: formatCents(row.estimate),
    minimum: row.minimum === null ? null : formatCents(row.minimum),
    allocated: formatCents(row.allocated),
    unallocated: formatCents(row.maximum - row.allocated),
    committed: formatCents(row.committed),
    certified: formatCents(row.certified),
    invoiced: formatCents(row.invoiced),
    paid: formatCents(row.paid),
    lateInterest: formatCents(row.lateInterest),
    headroom: formatCents(row.maximum - row.committed),
    shareOfEstimate: sharePercent(row.committed, row.estimate),
    shareOfMaximum: sharePercent(row.committed, row.maximum),
    holders: Object.keys(row.currentHolders).length,
    beneficiaries: row.beneficiaries,
    contracts: row.contracts,
    ceilingReachedOn: row.ceilingReachedOn,
  }
}

/**
 * The framework overview (`DOMAIN.md` figures): maximum, estimate, minimum, allocated,
 * unallocated, committed, certified, invoiced, paid, headroom, and committed as a share of the
 * estimate and of the maximum, per framework. Committed money comes from the framework stream
 * only (`CommitmentAwarded`/`Modified`/`Released`), never also from `ContractAwarded`.
 */
export const overviewProjection: ViewedProjection<
  'overview',
  OverviewState,
  readonly OverviewView[]
> = {
  name: 'overview',
  version: 1,
  initialState: initialOverview,
  evolve: evolveOverview,
  keyed: overviewByCallOff,
  handles: [
    'ServiceCertified',
    'InvoiceRecorded',
    'PaymentRecorded',
    'LatePaymentInterestDue',
    'CommitmentAwarded',
    'CommitmentModified',
    'CommitmentReleased',
    'AllocationGranted',
    'AllocationReleased',
    'FrameworkOpened',
    'HolderAdded',
    'HolderSucceeded',
    'BeneficiaryAdded',
    'CeilingReached',
    'FrameworkClosed',
  ],
  view: (state) => state.rows.map(viewRow),
}
