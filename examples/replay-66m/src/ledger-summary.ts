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

/** One product (startup d'État) as its events tell it, with the deliveries certified for it. */
export interface ProductSummary {
  readonly beneficiaryId: string
  readonly product: string
  /** The latest phase recorded, and since when; undefined if none was. */
  readonly phase: string | undefined
  readonly since: string | undefined
  /** Call-offs naming the product, and what was certified on them. */
  readonly contracts: number
  readonly certified: bigint
  readonly measurements: number
  /** The latest impact measurement. */
  readonly lastImpact:
    | {
        readonly measuredOn: string
        readonly indicators: readonly {
          readonly name: string
          readonly value: string
          readonly unit?: string | undefined
        }[]
      }
    | undefined
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
  /** Purchase orders under subsequent contracts: how many, their total, how many contracts. */
  readonly orders: { readonly count: number; readonly amount: bigint; readonly contracts: number }
  /** Products in the order they first appear. */
  readonly products: readonly ProductSummary[]
  /** Contract modifications (avenants), by legal basis, and holder successions. */
  readonly modifications: number
  readonly modificationsByBasis: Readonly<Record<string, number>>
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
  /** The key of the product the contract names, if any. */
  readonly product: string | undefined
  holderId: string
  amount: bigint
  ordered: bigint
  certified: bigint
  paid: bigint
}

type ProductBook = { -readonly [K in keyof ProductSummary]: ProductSummary[K] }

/**
 * Folds the ledger's events into per-beneficiary and per-holder totals, and checks after every
 * event the invariants a reader can see from outside: Σ allocations ≤ maximum, committed ≤
 * allocation for each beneficiary, total committed ≤ maximum, and Σ orders ≤ amount and paid ≤
 * certified ≤ amount for each contract. It reads only events, never the commands that produced
 * them.
 */
export async function summarizeLedger(
  events: AsyncIterable<LedgerEvent> | Iterable<LedgerEvent>,
): Promise<LedgerSummary> {
  let frameworkId = ''
  let estimate = 0n
  let maximum = 0n
  let closedOn: string | undefined
  let released = 0n
  let invoiced = 0n
  let lateInterest = 0n
  let latePayments = 0
  let modifications = 0
  const modificationsByBasis: Record<string, number> = {}
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
  const orders = { count: 0, amount: 0n, contracts: new Set<string>() }
  const products = new Map<string, ProductBook>()
  const product = (beneficiaryId: string, name: string): ProductBook => {
    const key = `${beneficiaryId}/${name}`
    let entry = products.get(key)
    if (!entry) {
      entry = {
        beneficiaryId,
        product: name,
        phase: undefined,
        since: undefined,
        contracts: 0,
        certified: 0n,
        measurements: 0,
        lastImpact: undefined,
      }
      products.set(key, entry)
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
        const { beneficiaryId, product: named } = event.data
        if (named !== undefined) product(beneficiaryId, named).contracts += 1
        contracts.set(event.data.contractId, {
          beneficiaryId,
          product: named === undefined ? undefined : `${beneficiaryId}/${named}`,
          holderId: event.data.holderId,
          amount,
          ordered: 0n,
          certified: 0n,
          paid: 0n,
        })
        holder(event.data.holderId).contracts += 1
        holder(event.data.holderId).awarded += amount
        break
      }
      case 'OrderIssued': {
        const book = contract(event.data.contractId, event.position)
        const amount = parseCents(event.data.amount)
        book.ordered += amount
        orders.count += 1
        orders.amount += amount
        orders.contracts.add(event.data.contractId)
        touchedContract = event.data.contractId
        break
      }
      case 'ContractModified': {
        const book = contract(event.data.contractId, event.position)
        book.amount = parseCents(event.data.newAmount)
        if (event.data.newHolderId !== undefined) book.holderId = event.data.newHolderId
        modifications += 1
        modificationsByBasis[event.data.legalBasis] =
          (modificationsByBasis[event.data.legalBasis] ?? 0) + 1
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
        if (book.product !== undefined) products.get(book.product)!.certified += amount
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
      case 'ProductPhaseChanged': {
        const book = product(event.data.beneficiaryId, event.data.product)
        book.phase = event.data.phase
        book.since = event.data.changedOn
        break
      }
      case 'ImpactRecorded': {
        const book = product(event.data.beneficiaryId, event.data.product)
        book.measurements += 1
        book.lastImpact = { measuredOn: event.data.measuredOn, indicators: event.data.indicators }
        break
      }
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
      if (book.ordered > book.amount)
        breaches.push(`${at}: ${touchedContract} ordered past its amount`)
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
    orders: { count: orders.count, amount: orders.amount, contracts: orders.contracts.size },
    products: [...products.values()],
    modifications,
    modificationsByBasis,
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
