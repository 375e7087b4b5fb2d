import { parseCents, type LedgerEvent } from '@plafond/core'

/** What one beneficiary was given, committed, had certified and paid, in cents. */
export interface BeneficiaryTotals {
  readonly id: string
  readonly name: string
  readonly allocated: bigint
  readonly committed: bigint
  readonly certified: bigint
  readonly paid: bigint
}

/** What one holder was awarded and paid, in cents. */
export interface HolderTotals {
  readonly id: string
  readonly name: string
  readonly contracts: number
  readonly awarded: bigint
  readonly paid: bigint
}

/** The state of the books, folded from the ledger's events alone. */
export interface LedgerSummary {
  readonly frameworkId: string
  readonly estimate: bigint
  readonly maximum: bigint
  readonly closedOn: string | undefined
  /** Beneficiaries in the order they joined. */
  readonly beneficiaries: readonly BeneficiaryTotals[]
  /** Holders in the order they were added. */
  readonly holders: readonly HolderTotals[]
  readonly totals: Omit<BeneficiaryTotals, 'id' | 'name'>
  /** Σ invoices received, excluding VAT. */
  readonly invoiced: bigint
  /** Late-payment interest and lump sums owed (R2192-31, R2192-36). */
  readonly lateInterest: bigint
  readonly latePayments: number
  /** Contract modifications (avenants) and holder successions. */
  readonly modifications: number
  readonly successions: number
  readonly contracts: number
  readonly closedContracts: number
  /** Money released by closings: awarded but never certified. */
  readonly released: bigint
  readonly events: number
  readonly eventsByType: Readonly<Record<string, number>>
  /** `ThresholdCrossed` alerts, as `scope:percent` (with the beneficiary for allocations). */
  readonly alerts: readonly string[]
  /** Every invariant found broken after some event; empty when the books held throughout. */
  readonly breaches: readonly string[]
}

interface Money {
  allocated: bigint
  committed: bigint
  certified: bigint
  paid: bigint
}

interface ContractBook {
  readonly beneficiaryId: string
  holderId: string
  amount: bigint
  certified: bigint
  paid: bigint
}

/**
 * Folds the ledger's events into per-beneficiary and per-holder totals, and checks after every
 * event the invariants a reader can see from outside: Σ allocations ≤ maximum, committed ≤
 * allocation for each beneficiary, total committed ≤ maximum, and paid ≤ certified ≤ amount for
 * each contract. It reads only events, never the commands that produced them.
 */
export async function summarizeLedger(events: AsyncIterable<LedgerEvent>): Promise<LedgerSummary> {
  let frameworkId = ''
  let estimate = 0n
  let maximum = 0n
  let closedOn: string | undefined
  let released = 0n
  let invoiced = 0n
  let lateInterest = 0n
  let latePayments = 0
  let modifications = 0
  let successions = 0
  let count = 0
  const names = new Map<string, string>()
  const money = new Map<string, Money>()
  const holderNames = new Map<string, string>()
  const contracts = new Map<string, ContractBook>()
  const holderMoney = new Map<string, { contracts: number; awarded: bigint; paid: bigint }>()
  const holder = (holderId: string): { contracts: number; awarded: bigint; paid: bigint } => {
    let entry = holderMoney.get(holderId)
    if (!entry) {
      entry = { contracts: 0, awarded: 0n, paid: 0n }
      holderMoney.set(holderId, entry)
    }
    return entry
  }
  const closed = new Set<string>()
  const byType: Record<string, number> = {}
  const alerts: string[] = []
  const breaches: string[] = []
  const total: Money = { allocated: 0n, committed: 0n, certified: 0n, paid: 0n }

  const of = (beneficiaryId: string): Money => {
    let entry = money.get(beneficiaryId)
    if (!entry) {
      entry = { allocated: 0n, committed: 0n, certified: 0n, paid: 0n }
      money.set(beneficiaryId, entry)
    }
    return entry
  }
  const contract = (contractId: string, position: string): ContractBook => {
    const found = contracts.get(contractId)
    if (!found)
      throw new Error(`Event at position ${position} names contract ${contractId}, never awarded.`)
    return found
  }

  for await (const event of events) {
    count += 1
    byType[event.type] = (byType[event.type] ?? 0) + 1
    const touched: string[] = []
    let touchedContract: string | undefined
    switch (event.type) {
      case 'FrameworkOpened':
        frameworkId = event.data.frameworkId
        estimate = parseCents(event.data.estimate)
        maximum = parseCents(event.data.maximum)
        break
      case 'HolderAdded':
        holderNames.set(event.data.holderId, event.data.name)
        break
      case 'HolderSucceeded':
        holderNames.set(event.data.successorId, event.data.successorName)
        successions += 1
        break
      case 'BeneficiaryAdded':
        names.set(event.data.beneficiaryId, event.data.name)
        of(event.data.beneficiaryId)
        break
      case 'AllocationGranted': {
        const amount = parseCents(event.data.amount)
        of(event.data.beneficiaryId).allocated += amount
        total.allocated += amount
        break
      }
      case 'AllocationReleased': {
        const amount = parseCents(event.data.amount)
        of(event.data.beneficiaryId).allocated -= amount
        total.allocated -= amount
        touched.push(event.data.beneficiaryId)
        break
      }
      case 'AllocationTransferred': {
        const amount = parseCents(event.data.amount)
        of(event.data.fromBeneficiaryId).allocated -= amount
        of(event.data.toBeneficiaryId).allocated += amount
        touched.push(event.data.fromBeneficiaryId)
        break
      }
      case 'CommitmentAwarded': {
        const amount = parseCents(event.data.amount)
        of(event.data.beneficiaryId).committed += amount
        total.committed += amount
        touched.push(event.data.beneficiaryId)
        break
      }
      case 'CommitmentModified': {
        const delta = parseCents(event.data.delta)
        of(event.data.beneficiaryId).committed += delta
        total.committed += delta
        touched.push(event.data.beneficiaryId)
        break
      }
      case 'CommitmentReleased': {
        const amount = parseCents(event.data.amount)
        of(event.data.beneficiaryId).committed -= amount
        total.committed -= amount
        released += amount
        break
      }
      case 'ThresholdCrossed':
        alerts.push(
          `${event.data.scope}:${event.data.percent}${event.data.beneficiaryId === undefined ? '' : `:${event.data.beneficiaryId}`}`,
        )
        break
      case 'CeilingReached':
        alerts.push('ceiling')
        break
      case 'FrameworkClosed':
        closedOn = event.data.closedOn
        break
      case 'ContractAwarded': {
        const amount = parseCents(event.data.amount)
        contracts.set(event.data.contractId, {
          beneficiaryId: event.data.beneficiaryId,
          holderId: event.data.holderId,
          amount,
          certified: 0n,
          paid: 0n,
        })
        holder(event.data.holderId).contracts += 1
        holder(event.data.holderId).awarded += amount
        break
      }
      case 'OrderIssued':
        break
      case 'ContractModified': {
        const book = contract(event.data.contractId, event.position)
        book.amount = parseCents(event.data.newAmount)
        if (event.data.newHolderId !== undefined) book.holderId = event.data.newHolderId
        modifications += 1
        touchedContract = event.data.contractId
        break
      }
      case 'InvoiceRecorded':
        invoiced += parseCents(event.data.amount)
        break
      case 'LatePaymentInterestDue':
        lateInterest += parseCents(event.data.amount)
        latePayments += 1
        break
      case 'ServiceCertified': {
        const book = contract(event.data.contractId, event.position)
        const amount = parseCents(event.data.amount)
        book.certified += amount
        of(book.beneficiaryId).certified += amount
        total.certified += amount
        touchedContract = event.data.contractId
        break
      }
      case 'PaymentRecorded': {
        const book = contract(event.data.contractId, event.position)
        const amount = parseCents(event.data.amount)
        book.paid += amount
        holder(book.holderId).paid += amount
        of(book.beneficiaryId).paid += amount
        total.paid += amount
        touchedContract = event.data.contractId
        break
      }
      case 'ContractClosed':
        closed.add(event.data.contractId)
        break
      case 'ProductPhaseChanged':
      case 'ImpactRecorded':
        break
      default: {
        const unknown: never = event
        throw new Error(`Unhandled event type ${JSON.stringify((unknown as LedgerEvent).type)}.`)
      }
    }
    const at = `position ${event.position} (${event.type})`
    if (total.allocated > maximum) breaches.push(`${at}: Σ allocations passes the maximum`)
    if (total.committed > maximum) breaches.push(`${at}: total committed passes the maximum`)
    for (const id of touched) {
      const m = of(id)
      if (m.committed > m.allocated)
        breaches.push(`${at}: ${id} committed more than its allocation`)
    }
    if (touchedContract !== undefined) {
      const book = contracts.get(touchedContract)!
      if (book.certified > book.amount)
        breaches.push(`${at}: ${touchedContract} certified past its amount`)
      if (book.paid > book.certified)
        breaches.push(`${at}: ${touchedContract} paid past what was certified`)
    }
  }

  return {
    frameworkId,
    estimate,
    maximum,
    closedOn,
    beneficiaries: [...names].map(([id, name]) => ({ id, name, ...of(id) })),
    holders: [...holderNames].map(([id, name]) => ({
      id,
      name,
      ...holder(id),
    })),
    totals: { ...total },
    invoiced,
    lateInterest,
    latePayments,
    modifications,
    successions,
    contracts: contracts.size,
    closedContracts: closed.size,
    released,
    events: count,
    eventsByType: byType,
    alerts,
    breaches,
  }
}
