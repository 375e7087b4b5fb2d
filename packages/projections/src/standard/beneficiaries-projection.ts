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

/** One beneficiary of one framework, amounts in cents. */
export interface BeneficiaryRow {
  readonly frameworkId: string
  readonly beneficiaryId: string
  /** Null until `BeneficiaryAdded` is inside the time window. */
  readonly name: string | null
  /** Its budget programme (BOP), when given: each beneficiary pays from its own. */
  readonly programme: string | null
  readonly addedOn: string | null
  readonly allocated: Cents
  readonly committed: Cents
  readonly certified: Cents
  readonly invoiced: Cents
  readonly paid: Cents
  readonly lateInterest: Cents
  /** Call-offs awarded. */
  readonly contracts: number
}

/** State of the per-beneficiary projection: one row per (framework, beneficiary). */
export interface BeneficiariesState {
  readonly rows: readonly BeneficiaryRow[]
  /** `<frameworkId>/<beneficiaryId>` → index in `rows`. */
  readonly rowOf: Table<number>
  /** contractId → index in `rows`. */
  readonly contractRow: Table<number>
}

/** One beneficiary's figures as a report prints them. */
export interface BeneficiaryView {
  readonly frameworkId: string
  readonly beneficiaryId: string
  readonly name: string | null
  readonly programme: string | null
  readonly allocated: string
  readonly committed: string
  readonly certified: string
  readonly invoiced: string
  readonly paid: string
  readonly lateInterest: string
  /** allocated − committed: what the beneficiary may still award. */
  readonly headroom: string
  /** committed / allocated, percent with two decimals; null without allocation. */
  readonly shareOfAllocation: string | null
  readonly contracts: number
}

function rowIndex(
  state: Draft<BeneficiariesState>,
  frameworkId: string,
  beneficiaryId: string,
): number {
  const key = `${frameworkId}/${beneficiaryId}`
  const index = state.rowOf[key]
  if (index !== undefined) return index
  state.rowOf[key] = state.rows.length
  state.rows.push({
    frameworkId,
    beneficiaryId,
    name: null,
    programme: null,
    addedOn: null,
    allocated: 0n,
    committed: 0n,
    certified: 0n,
    invoiced: 0n,
    paid: 0n,
    lateInterest: 0n,
    contracts: 0,
  })
  return state.rows.length - 1
}

function rowOf(
  state: Draft<BeneficiariesState>,
  frameworkId: string,
  beneficiaryId: string,
): Draft<BeneficiaryRow> {
  return state.rows[rowIndex(state, frameworkId, beneficiaryId)]!
}

function evolveBeneficiaries(state: Draft<BeneficiariesState>, event: LedgerEvent): void {
  switch (event.type) {
    case 'ServiceCertified':
    case 'InvoiceRecorded':
    case 'PaymentRecorded':
    case 'LatePaymentInterestDue':
      addExecution(state, event)
      return
    case 'CommitmentAwarded': {
      const d = event.data
      const index = rowIndex(state, d.frameworkId, d.beneficiaryId)
      const row = state.rows[index]!
      row.committed += centsOf(d.amount)
      row.contracts += 1
      state.contractRow[d.contractId] = index
      return
    }
    case 'CommitmentModified':
      rowOf(state, event.data.frameworkId, event.data.beneficiaryId).committed += centsOf(
        event.data.delta,
      )
      return
    case 'CommitmentReleased':
      rowOf(state, event.data.frameworkId, event.data.beneficiaryId).committed -= centsOf(
        event.data.amount,
      )
      return
    case 'AllocationGranted':
      rowOf(state, event.data.frameworkId, event.data.beneficiaryId).allocated += centsOf(
        event.data.amount,
      )
      return
    case 'AllocationReleased':
      rowOf(state, event.data.frameworkId, event.data.beneficiaryId).allocated -= centsOf(
        event.data.amount,
      )
      return
    case 'AllocationTransferred': {
      const d = event.data
      const amount = centsOf(d.amount)
      rowOf(state, d.frameworkId, d.fromBeneficiaryId).allocated -= amount
      rowOf(state, d.frameworkId, d.toBeneficiaryId).allocated += amount
      return
    }
    case 'BeneficiaryAdded': {
      const d = event.data
      const row = rowOf(state, d.frameworkId, d.beneficiaryId)
      row.name = d.name
      row.programme = d.programme ?? null
      row.addedOn = d.addedOn
      return
    }
    default:
      // Other events do not move a beneficiary's money.
      return
  }
}

/** A call-off's execution events, applied to its beneficiary's row. */
const beneficiariesByCallOff: KeyedEvolve<BeneficiariesState, Draft<ExecutionSums>> = {
  key: CALL_OFF,
  find: callOffRow,
  apply: EXECUTION_APPLY,
}

function viewRow(row: BeneficiaryRow): BeneficiaryView {
  return {
    frameworkId: row.frameworkId,
    beneficiaryId: row.beneficiaryId,
    name: row.name,
    programme: row.programme,
    allocated: formatCents(row.allocated),
    committed: formatCents(row.committed),
    certified: formatCents(row.certified),
    invoiced: formatCents(row.invoiced),
    paid: formatCents(row.paid),
    lateInterest: formatCents(row.lateInterest),
    headroom: formatCents(row.allocated - row.committed),
    shareOfAllocation: sharePercent(row.committed, row.allocated),
    contracts: row.contracts,
  }
}

function byFrameworkThenBeneficiary(a: BeneficiaryRow, b: BeneficiaryRow): number {
  if (a.frameworkId !== b.frameworkId) return a.frameworkId < b.frameworkId ? -1 : 1
  return a.beneficiaryId < b.beneficiaryId ? -1 : a.beneficiaryId > b.beneficiaryId ? 1 : 0
}

/**
 * Per beneficiary of each framework: allocated, committed, certified, invoiced, paid, late
 * interest and headroom. Σ committed over a framework's beneficiaries equals the overview's
 * committed to the cent: both fold the same framework-stream events.
 */
export const beneficiariesProjection: ViewedProjection<
  'beneficiaries',
  BeneficiariesState,
  readonly BeneficiaryView[]
> = {
  name: 'beneficiaries',
  version: 1,
  initialState: () => ({ rows: [], rowOf: emptyTable(), contractRow: emptyTable() }),
  evolve: evolveBeneficiaries,
  keyed: beneficiariesByCallOff,
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
    'AllocationTransferred',
    'BeneficiaryAdded',
  ],
  view: (state) => [...state.rows].sort(byFrameworkThenBeneficiary).map(viewRow),
}
