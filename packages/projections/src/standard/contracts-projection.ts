import { formatCents, type Cents, type LedgerEvent } from '@plafond/core'
import type { Draft } from 'immer'
import type { EventOf, KeyedEvolve, ViewedProjection } from '../projection.js'
import { CALL_OFF } from '../state/call-off.js'
import { centsOf } from '../state/cents-of.js'
import { sharePercent } from '../state/share-percent.js'
import { emptyTable, sortedKeys, type Table } from '../state/table.js'

/**
 * Average budget drift of the State's large IT projects at the end of 2022, in percent, as the
 * DINUM reported it (`DOMAIN.md`): the yardstick for a call-off's drift.
 */
export const LARGE_STATE_IT_PROJECTS_BUDGET_DRIFT = '24.00'

const REFERENCE_DRIFT_HUNDREDTHS = 2_400n

/** One modification (avenant) of a call-off (L2194-1, R2194-1 to R2194-9). */
export interface ModificationRow {
  readonly modificationId: string
  readonly legalBasis: string
  readonly notifiedOn: string
  readonly delta: Cents
  /** The amount after the modification. */
  readonly newAmount: Cents
  /** R2194-6: the holder that took the call-off over. */
  readonly newHolderId: string | null
  readonly reason: string
}

/** One call-off, amounts in cents. */
export interface ContractRow {
  readonly contractId: string
  readonly frameworkId: string
  readonly beneficiaryId: string
  /** The current holder. */
  readonly holderId: string
  /** Holders it had before, oldest first (R2194-6 successions). */
  readonly formerHolderIds: readonly string[]
  readonly kind: 'subsequent-contract' | 'purchase-order'
  readonly competition: 'mini-competition' | 'direct'
  readonly product: string | null
  readonly object: string | null
  readonly awardedOn: string
  /** Amount at award. */
  readonly initial: Cents
  /** Current amount: initial + Σ modifications. */
  readonly amount: Cents
  readonly modifications: readonly ModificationRow[]
  /** Purchase orders issued under it, and their sum. */
  readonly orders: number
  readonly ordered: Cents
  readonly certified: Cents
  readonly invoiced: Cents
  readonly paid: Cents
  readonly lateInterest: Cents
  readonly status: 'active' | 'closed'
  readonly closedOn: string | null
  /** What closing released (amount − certified at closing). */
  readonly released: Cents
  readonly lastCertifiedOn: string | null
  readonly lastPaidOn: string | null
}

/** State of the per-contract projection: contractId → row. */
export interface ContractsState {
  readonly contracts: Table<ContractRow>
}

/** One modification as a report prints it. */
export interface ModificationView {
  readonly modificationId: string
  readonly legalBasis: string
  readonly notifiedOn: string
  readonly delta: string
  readonly newAmount: string
  readonly newHolderId: string | null
  readonly reason: string
}

/** One call-off as a report prints it. */
export interface ContractView {
  readonly contractId: string
  readonly frameworkId: string
  readonly beneficiaryId: string
  readonly holderId: string
  readonly formerHolderIds: readonly string[]
  readonly kind: 'subsequent-contract' | 'purchase-order'
  readonly competition: 'mini-competition' | 'direct'
  readonly product: string | null
  readonly object: string | null
  readonly awardedOn: string
  readonly initial: string
  readonly modifications: readonly ModificationView[]
  readonly amount: string
  /** (amount − initial) / initial, percent with two decimals. */
  readonly driftPercent: string | null
  /** Whether the drift is above the 24 % average of large State IT projects. */
  readonly driftAboveReference: boolean
  readonly orders: number
  readonly ordered: string
  readonly certified: string
  readonly invoiced: string
  readonly paid: string
  readonly lateInterest: string
  /** certified / amount, percent with two decimals. */
  readonly deliveredShare: string | null
  /** paid / certified, percent with two decimals. */
  readonly paidShare: string | null
  readonly status: 'active' | 'closed'
  readonly closedOn: string | null
  readonly released: string
  readonly lastCertifiedOn: string | null
  readonly lastPaidOn: string | null
}

/** All call-offs, and their drift taken together. */
export interface ContractsView {
  /** Sorted by framework, award date, then contract id. */
  readonly contracts: readonly ContractView[]
  readonly initial: string
  readonly amount: string
  /** (Σ amount − Σ initial) / Σ initial, percent with two decimals. */
  readonly driftPercent: string | null
  /** `LARGE_STATE_IT_PROJECTS_BUDGET_DRIFT`, for comparison. */
  readonly referenceDriftPercent: string
  /** Call-offs whose drift is above the reference. */
  readonly aboveReference: number
}

type Row = Draft<ContractRow>

function certify(_: unknown, row: Row, event: EventOf<'ServiceCertified'>): void {
  row.certified += centsOf(event.data.amount)
  if (row.lastCertifiedOn === null || event.data.certifiedOn > row.lastCertifiedOn) {
    row.lastCertifiedOn = event.data.certifiedOn
  }
}

function invoice(_: unknown, row: Row, event: EventOf<'InvoiceRecorded'>): void {
  row.invoiced += centsOf(event.data.amount)
}

function pay(_: unknown, row: Row, event: EventOf<'PaymentRecorded'>): void {
  row.paid += centsOf(event.data.amount)
  if (row.lastPaidOn === null || event.data.paidOn > row.lastPaidOn) {
    row.lastPaidOn = event.data.paidOn
  }
}

function owe(_: unknown, row: Row, event: EventOf<'LatePaymentInterestDue'>): void {
  row.lateInterest += centsOf(event.data.amount)
}

function order(_: unknown, row: Row, event: EventOf<'OrderIssued'>): void {
  row.orders += 1
  row.ordered += centsOf(event.data.amount)
}

function modify(_: unknown, row: Row, event: EventOf<'ContractModified'>): void {
  const d = event.data
  const delta = centsOf(d.delta)
  row.amount += delta
  row.modifications.push({
    modificationId: d.modificationId,
    legalBasis: d.legalBasis,
    notifiedOn: d.notifiedOn,
    delta,
    newAmount: centsOf(d.newAmount),
    newHolderId: d.newHolderId ?? null,
    reason: d.reason,
  })
  if (d.newHolderId !== undefined && d.newHolderId !== row.holderId) {
    row.formerHolderIds.push(row.holderId)
    row.holderId = d.newHolderId
  }
}

function close(_: unknown, row: Row, event: EventOf<'ContractClosed'>): void {
  row.status = 'closed'
  row.closedOn = event.data.closedOn
  row.released = centsOf(event.data.released)
}

function contractRow(state: Draft<ContractsState>, contractId: string): Row | undefined {
  return state.contracts[contractId]
}

/** Everything that happens to a call-off after its award, applied to its row. */
const contractsByCallOff: KeyedEvolve<ContractsState, Row> = {
  key: CALL_OFF,
  find: contractRow,
  apply: {
    ServiceCertified: certify,
    InvoiceRecorded: invoice,
    PaymentRecorded: pay,
    LatePaymentInterestDue: owe,
    OrderIssued: order,
    ContractModified: modify,
    ContractClosed: close,
  },
}

function award(state: Draft<ContractsState>, event: EventOf<'ContractAwarded'>): void {
  const d = event.data
  const amount = centsOf(d.amount)
  state.contracts[d.contractId] = {
    contractId: d.contractId,
    frameworkId: d.frameworkId,
    beneficiaryId: d.beneficiaryId,
    holderId: d.holderId,
    formerHolderIds: [],
    kind: d.kind,
    competition: d.competition,
    product: d.product ?? null,
    object: d.object ?? null,
    awardedOn: d.awardedOn,
    initial: amount,
    amount,
    modifications: [],
    orders: 0,
    ordered: 0n,
    certified: 0n,
    invoiced: 0n,
    paid: 0n,
    lateInterest: 0n,
    status: 'active',
    closedOn: null,
    released: 0n,
    lastCertifiedOn: null,
    lastPaidOn: null,
  }
}

function evolveContracts(state: Draft<ContractsState>, event: LedgerEvent): void {
  switch (event.type) {
    case 'ContractAwarded':
      award(state, event)
      return
    case 'ServiceCertified': {
      const row = contractRow(state, event.data.contractId)
      if (row) certify(state, row, event)
      return
    }
    case 'InvoiceRecorded': {
      const row = contractRow(state, event.data.contractId)
      if (row) invoice(state, row, event)
      return
    }
    case 'PaymentRecorded': {
      const row = contractRow(state, event.data.contractId)
      if (row) pay(state, row, event)
      return
    }
    case 'LatePaymentInterestDue': {
      const row = contractRow(state, event.data.contractId)
      if (row) owe(state, row, event)
      return
    }
    case 'OrderIssued': {
      const row = contractRow(state, event.data.contractId)
      if (row) order(state, row, event)
      return
    }
    case 'ContractModified': {
      const row = contractRow(state, event.data.contractId)
      if (row) modify(state, row, event)
      return
    }
    case 'ContractClosed': {
      const row = contractRow(state, event.data.contractId)
      if (row) close(state, row, event)
      return
    }
    default:
      // Framework and product events are other projections'.
      return
  }
}

/** Whether (amount − initial) / initial > 24 %, compared exactly, with no rounding. */
function driftAboveReference(row: ContractRow): boolean {
  return (
    row.initial > 0n &&
    (row.amount - row.initial) * 10_000n > REFERENCE_DRIFT_HUNDREDTHS * row.initial
  )
}

function viewContract(row: ContractRow): ContractView {
  return {
    contractId: row.contractId,
    frameworkId: row.frameworkId,
    beneficiaryId: row.beneficiaryId,
    holderId: row.holderId,
    formerHolderIds: [...row.formerHolderIds],
    kind: row.kind,
    competition: row.competition,
    product: row.product,
    object: row.object,
    awardedOn: row.awardedOn,
    initial: formatCents(row.initial),
    modifications: row.modifications.map((m) => ({
      modificationId: m.modificationId,
      legalBasis: m.legalBasis,
      notifiedOn: m.notifiedOn,
      delta: formatCents(m.delta),
      newAmount: formatCents(m.newAmount),
      newHolderId: m.newHolderId,
      reason: m.reason,
    })),
    amount: formatCents(row.amount),
    driftPercent: sharePercent(row.amount - row.initial, row.initial),
    driftAboveReference: driftAboveReference(row),
    orders: row.orders,
    ordered: formatCents(row.ordered),
    certified: formatCents(row.certified),
    invoiced: formatCents(row.invoiced),
    paid: formatCents(row.paid),
    lateInterest: formatCents(row.lateInterest),
    deliveredShare: sharePercent(row.certified, row.amount),
    paidShare: sharePercent(row.paid, row.certified),
    status: row.status,
    closedOn: row.closedOn,
    released: formatCents(row.released),
    lastCertifiedOn: row.lastCertifiedOn,
    lastPaidOn: row.lastPaidOn,
  }
}

function compareContracts(a: ContractRow, b: ContractRow): number {
  if (a.frameworkId !== b.frameworkId) return a.frameworkId < b.frameworkId ? -1 : 1
  if (a.awardedOn !== b.awardedOn) return a.awardedOn < b.awardedOn ? -1 : 1
  return a.contractId < b.contractId ? -1 : a.contractId > b.contractId ? 1 : 0
}

function viewContracts(state: ContractsState): ContractsView {
  const rows = sortedKeys(state.contracts)
    .map((id) => state.contracts[id]!)
    .sort(compareContracts)
  return summarizeContractViews(rows.map(viewContract))
}

/**
 * Call-off views and their drift taken together: Σ initial, Σ amount, the drift of the whole and
 * how many call-offs drift past the reference. The view of all call-offs is this; a report on one
 * framework gives it that framework's call-offs.
 */
export function summarizeContractViews(contracts: readonly ContractView[]): ContractsView {
  let initial = 0n
  let amount = 0n
  for (const contract of contracts) {
    initial += centsOf(contract.initial)
    amount += centsOf(contract.amount)
  }
  return {
    contracts,
    initial: formatCents(initial),
    amount: formatCents(amount),
    driftPercent: sharePercent(amount - initial, initial),
    referenceDriftPercent: LARGE_STATE_IT_PROJECTS_BUDGET_DRIFT,
    aboveReference: contracts.filter((c) => c.driftAboveReference).length,
  }
}

/**
 * Per call-off: initial amount, each modification, current amount, drift in percent (against the
 * 24 % average budget drift of large State IT projects), orders, delivery, payment, late interest.
 */
export const contractsProjection: ViewedProjection<'contracts', ContractsState, ContractsView> = {
  name: 'contracts',
  version: 1,
  initialState: () => ({ contracts: emptyTable() }),
  evolve: evolveContracts,
  keyed: contractsByCallOff,
  handles: [
    'ServiceCertified',
    'InvoiceRecorded',
    'PaymentRecorded',
    'LatePaymentInterestDue',
    'OrderIssued',
    'ContractAwarded',
    'ContractModified',
    'ContractClosed',
  ],
  view: viewContracts,
}
