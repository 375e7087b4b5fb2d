import { parseCents, type LedgerEvent } from '@plafond/core'

/** One call-off as the scenario tracks it, from the events the ledger returned. */
export interface TrackedContract {
  readonly id: string
  readonly beneficiaryId: string
  readonly kind: 'subsequent-contract' | 'purchase-order'
  readonly awardedOn: string
  holderId: string
  amount: bigint
  ordered: bigint
  certified: bigint
  invoiced: bigint
  paid: bigint
  closed: boolean
  invoices: { id: string; amount: bigint; paid: bigint; receivedOn: string }[]
}

/**
 * What a scenario knows of the ledger, kept from the events the ledger returned, so that the next
 * commands can be made valid (amounts within the limits, dates after the award).
 */
export class ScenarioBooks {
  readonly contracts: TrackedContract[] = []
  readonly allocated = new Map<string, bigint>()
  readonly committed = new Map<string, bigint>()
  holders: string[]

  constructor(holders: readonly string[]) {
    this.holders = [...holders]
  }

  /** Allocation a beneficiary has not committed. */
  room(beneficiaryId: string): bigint {
    return (this.allocated.get(beneficiaryId) ?? 0n) - (this.committed.get(beneficiaryId) ?? 0n)
  }

  /** Call-offs not closed. */
  open(): TrackedContract[] {
    return this.contracts.filter((c) => !c.closed)
  }

  /** Takes in an event the ledger returned. */
  track(event: LedgerEvent): void {
    const contract =
      'contractId' in event.data
        ? this.contracts.find((c) => c.id === (event.data as { contractId: string }).contractId)
        : undefined
    switch (event.type) {
      case 'AllocationGranted':
        this.allocated.set(
          event.data.beneficiaryId,
          (this.allocated.get(event.data.beneficiaryId) ?? 0n) + parseCents(event.data.amount),
        )
        return
      case 'AllocationReleased':
        this.allocated.set(
          event.data.beneficiaryId,
          (this.allocated.get(event.data.beneficiaryId) ?? 0n) - parseCents(event.data.amount),
        )
        return
      case 'AllocationTransferred': {
        const amount = parseCents(event.data.amount)
        this.allocated.set(
          event.data.fromBeneficiaryId,
          (this.allocated.get(event.data.fromBeneficiaryId) ?? 0n) - amount,
        )
        this.allocated.set(
          event.data.toBeneficiaryId,
          (this.allocated.get(event.data.toBeneficiaryId) ?? 0n) + amount,
        )
        return
      }
      case 'CommitmentAwarded':
      case 'CommitmentModified':
      case 'CommitmentReleased': {
        const amount =
          event.type === 'CommitmentModified'
            ? parseCents(event.data.delta)
            : event.type === 'CommitmentReleased'
              ? -parseCents(event.data.amount)
              : parseCents(event.data.amount)
        this.committed.set(
          event.data.beneficiaryId,
          (this.committed.get(event.data.beneficiaryId) ?? 0n) + amount,
        )
        return
      }
      case 'ContractAwarded':
        this.contracts.push({
          id: event.data.contractId,
          beneficiaryId: event.data.beneficiaryId,
          kind: event.data.kind,
          awardedOn: event.data.awardedOn,
          holderId: event.data.holderId,
          amount: parseCents(event.data.amount),
          ordered: 0n,
          certified: 0n,
          invoiced: 0n,
          paid: 0n,
          closed: false,
          invoices: [],
        })
        return
      case 'ContractModified':
        contract!.amount += parseCents(event.data.delta)
        if (event.data.newHolderId !== undefined) contract!.holderId = event.data.newHolderId
        return
      case 'OrderIssued':
        contract!.ordered += parseCents(event.data.amount)
        return
      case 'ServiceCertified':
        contract!.certified += parseCents(event.data.amount)
        return
      case 'InvoiceRecorded':
        contract!.invoiced += parseCents(event.data.amount)
        contract!.invoices.push({
          id: event.data.invoiceId,
          amount: parseCents(event.data.amount),
          paid: 0n,
          receivedOn: event.data.receivedOn,
        })
        return
      case 'PaymentRecorded': {
        const amount = parseCents(event.data.amount)
        contract!.paid += amount
        const invoice = contract!.invoices.find((i) => i.id === event.data.invoiceId)
        if (invoice) invoice.paid += amount
        return
      }
      case 'ContractClosed':
        contract!.closed = true
        return
      case 'HolderSucceeded':
        this.holders = [
          ...this.holders.filter((h) => h !== event.data.holderId),
          event.data.successorId,
        ]
        return
      default:
        return
    }
  }
}
