import { formatCents, type Cents, type LedgerEvent } from '@plafond/core'
import type { Draft } from 'immer'
import type { EventOf, KeyedEvolve, ViewedProjection } from '../projection.js'
import { CALL_OFF } from '../state/call-off.js'
import { centsOf } from '../state/cents-of.js'
import { sharePercent } from '../state/share-percent.js'
import { emptyTable, type Table } from '../state/table.js'
import { concentrationIndex } from './concentration-index.js'

/** One holder (titulaire) of one framework, amounts in cents. */
export interface HolderRow {
  readonly frameworkId: string
  readonly holderId: string
  readonly name: string | null
  readonly addedOn: string | null
  /** The successor that replaced this holder (R2194-6), if one did. */
  readonly succeededBy: string | null
  readonly succeededOn: string | null
  /** Σ amounts at award of the call-offs awarded to this holder: history, never moves. */
  readonly awarded: Cents
  /**
   * Net commitment of the call-offs it holds now (award + modifications − releases). A call-off
   * that moves to a successor (`ContractModified` with `newHolderId`) takes its commitment along.
   */
  readonly committed: Cents
  /** Certified while it held the call-off. */
  readonly certified: Cents
  /** Paid while it held the call-off. */
  readonly paid: Cents
  readonly contractsAwarded: number
  readonly contractsHeld: number
}

/** A call-off as the holder projection tracks it: who holds it, and its net commitment. */
export interface HeldContract {
  /** Index of the current holder's row. */
  readonly row: number
  readonly committed: Cents
}

/** State of the per-holder projection. */
export interface HoldersState {
  readonly rows: readonly HolderRow[]
  /** `<frameworkId>/<holderId>` → index in `rows`. */
  readonly rowOf: Table<number>
  readonly contracts: Table<HeldContract>
}

/** One holder as a report prints it. */
export interface HolderView {
  readonly holderId: string
  readonly name: string | null
  readonly succeededBy: string | null
  readonly succeededOn: string | null
  readonly awarded: string
  readonly committed: string
  readonly certified: string
  readonly paid: string
  /** committed / the framework's committed, percent with two decimals. */
  readonly shareOfCommitted: string | null
  /** awarded / the framework's awarded, percent with two decimals. */
  readonly shareOfAwarded: string | null
  readonly contractsAwarded: number
  readonly contractsHeld: number
}

/** The holders of one framework, with their shares and the concentration of the spend. */
export interface HoldersView {
  readonly frameworkId: string
  readonly committed: string
  readonly awarded: string
  /** Herfindahl-Hirschman index (0 to 10 000) of the holders' committed amounts. */
  readonly concentration: number | null
  /** The same index over amounts awarded, former holders included. */
  readonly awardedConcentration: number | null
  readonly holders: readonly HolderView[]
}

function rowOf(state: Draft<HoldersState>, frameworkId: string, holderId: string): number {
  const key = `${frameworkId}/${holderId}`
  const index = state.rowOf[key]
  if (index !== undefined) return index
  state.rowOf[key] = state.rows.length
  state.rows.push({
    frameworkId,
    holderId,
    name: null,
    addedOn: null,
    succeededBy: null,
    succeededOn: null,
    awarded: 0n,
    committed: 0n,
    certified: 0n,
    paid: 0n,
    contractsAwarded: 0,
    contractsHeld: 0,
  })
  return state.rows.length - 1
}

function heldContract(
  state: Draft<HoldersState>,
  contractId: string,
): Draft<HeldContract> | undefined {
  return state.contracts[contractId]
}

function addCertified(
  state: Draft<HoldersState>,
  contract: Draft<HeldContract>,
  event: EventOf<'ServiceCertified'>,
): void {
  state.rows[contract.row]!.certified += centsOf(event.data.amount)
}

function addPaid(
  state: Draft<HoldersState>,
  contract: Draft<HeldContract>,
  event: EventOf<'PaymentRecorded'>,
): void {
  state.rows[contract.row]!.paid += centsOf(event.data.amount)
}

function adjust(state: Draft<HoldersState>, contract: Draft<HeldContract>, delta: Cents): void {
  contract.committed += delta
  state.rows[contract.row]!.committed += delta
}

function modifyCommitment(
  state: Draft<HoldersState>,
  contract: Draft<HeldContract>,
  event: EventOf<'CommitmentModified'>,
): void {
  adjust(state, contract, centsOf(event.data.delta))
}

function releaseCommitment(
  state: Draft<HoldersState>,
  contract: Draft<HeldContract>,
  event: EventOf<'CommitmentReleased'>,
): void {
  adjust(state, contract, -centsOf(event.data.amount))
}

/** R2194-6: a modification that names a new holder moves the call-off and its commitment to it. */
function succeed(
  state: Draft<HoldersState>,
  contract: Draft<HeldContract>,
  event: EventOf<'ContractModified'>,
): void {
  const successor = event.data.newHolderId
  if (successor === undefined) return
  const former = state.rows[contract.row]!
  if (former.holderId === successor) return
  const index = rowOf(state, former.frameworkId, successor)
  const next = state.rows[index]!
  former.committed -= contract.committed
  former.contractsHeld -= 1
  next.committed += contract.committed
  next.contractsHeld += 1
  contract.row = index
}

/** The events of a call-off the holder projection applies to the call-off it tracks. */
const holdersByCallOff: KeyedEvolve<HoldersState, Draft<HeldContract>> = {
  key: CALL_OFF,
  find: heldContract,
  apply: {
    ServiceCertified: addCertified,
    PaymentRecorded: addPaid,
    CommitmentModified: modifyCommitment,
    CommitmentReleased: releaseCommitment,
    ContractModified: succeed,
  },
}

function evolveHolders(state: Draft<HoldersState>, event: LedgerEvent): void {
  switch (event.type) {
    case 'ServiceCertified': {
      const contract = heldContract(state, event.data.contractId)
      if (contract) addCertified(state, contract, event)
      return
    }
    case 'PaymentRecorded': {
      const contract = heldContract(state, event.data.contractId)
      if (contract) addPaid(state, contract, event)
      return
    }
    case 'CommitmentModified': {
      const contract = heldContract(state, event.data.contractId)
      if (contract) modifyCommitment(state, contract, event)
      return
    }
    case 'CommitmentReleased': {
      const contract = heldContract(state, event.data.contractId)
      if (contract) releaseCommitment(state, contract, event)
      return
    }
    case 'ContractModified': {
      const contract = heldContract(state, event.data.contractId)
      if (contract) succeed(state, contract, event)
      return
    }
    case 'CommitmentAwarded': {
      const d = event.data
      const amount = centsOf(d.amount)
      const index = rowOf(state, d.frameworkId, d.holderId)
      const row = state.rows[index]!
      row.awarded += amount
      row.committed += amount
      row.contractsAwarded += 1
      row.contractsHeld += 1
      state.contracts[d.contractId] = { row: index, committed: amount }
      return
    }
    case 'HolderAdded': {
      const row = state.rows[rowOf(state, event.data.frameworkId, event.data.holderId)]!
      row.name = event.data.name
      row.addedOn = event.data.addedOn
      return
    }
    case 'HolderSucceeded': {
      const d = event.data
      const former = state.rows[rowOf(state, d.frameworkId, d.holderId)]!
      former.succeededBy = d.successorId
      former.succeededOn = d.succeededOn
      const successor = state.rows[rowOf(state, d.frameworkId, d.successorId)]!
      successor.name ??= d.successorName
      successor.addedOn ??= d.succeededOn
      return
    }
    default:
      // Other events do not move a holder's money.
      return
  }
}

function viewFramework(frameworkId: string, rows: readonly HolderRow[]): HoldersView {
  let committed = 0n
  let awarded = 0n
  for (const row of rows) {
    committed += row.committed
    awarded += row.awarded
  }
  const sorted = [...rows].sort((a, b) => (a.holderId < b.holderId ? -1 : 1))
  return {
    frameworkId,
    committed: formatCents(committed),
    awarded: formatCents(awarded),
    concentration: concentrationIndex(rows.map((row) => row.committed)),
    awardedConcentration: concentrationIndex(rows.map((row) => row.awarded)),
    holders: sorted.map((row) => ({
      holderId: row.holderId,
      name: row.name,
      succeededBy: row.succeededBy,
      succeededOn: row.succeededOn,
      awarded: formatCents(row.awarded),
      committed: formatCents(row.committed),
      certified: formatCents(row.certified),
      paid: formatCents(row.paid),
      shareOfCommitted: sharePercent(row.committed, committed),
      shareOfAwarded: sharePercent(row.awarded, awarded),
      contractsAwarded: row.contractsAwarded,
      contractsHeld: row.contractsHeld,
    })),
  }
}

function viewHolders(state: HoldersState): readonly HoldersView[] {
  const byFramework = new Map<string, HolderRow[]>()
  for (const row of state.rows) {
    const list = byFramework.get(row.frameworkId) ?? []
    list.push(row)
    byFramework.set(row.frameworkId, list)
  }
  return [...byFramework.keys()].sort().map((id) => viewFramework(id, byFramework.get(id)!))
}

/**
 * Per holder of each framework: awarded (history, kept by a holder after its succession),
 * committed (what it holds now), certified, paid, each holder's share, and the concentration of
 * the spend (Herfindahl-Hirschman index). Σ committed over holders equals the overview's.
 */
export const holdersProjection: ViewedProjection<'holders', HoldersState, readonly HoldersView[]> =
  {
    name: 'holders',
    version: 1,
    initialState: () => ({ rows: [], rowOf: emptyTable(), contracts: emptyTable() }),
    evolve: evolveHolders,
    keyed: holdersByCallOff,
    handles: [
      'ServiceCertified',
      'PaymentRecorded',
      'CommitmentAwarded',
      'CommitmentModified',
      'CommitmentReleased',
      'ContractModified',
      'HolderAdded',
      'HolderSucceeded',
    ],
    view: viewHolders,
  }
