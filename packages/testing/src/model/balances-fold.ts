import type { RecordedEvent } from '@plafond/core'
import type { ContractBalance, FrameworkBalance, LedgerBalances } from './ledger-balances.js'
import { signedWireCents, wireCents } from './wire-amount.js'

interface FrameworkFacts {
  readonly startsOn: string
  readonly endsOn: string
  /** Every holder ever listed, and whether it is still current (a successor replaces it). */
  readonly holders: Map<string, boolean>
}

type Data = Readonly<Record<string, unknown>>

// Events that move no balance the invariants speak of.
const SILENT = new Set([
  'ThresholdCrossed',
  'LatePaymentInterestDue',
  'ProductPhaseChanged',
  'ImpactRecorded',
])

function text(data: Data, field: string): string {
  const value = data[field]
  if (typeof value !== 'string')
    throw new Error(`Expected ${field} to be a string, found ${String(value)}.`)
  return value
}

function cents(data: Data, field: string): bigint {
  const value = wireCents(data[field])
  if (value === undefined)
    throw new Error(`Expected ${field} to be an amount, found ${String(data[field])}.`)
  return value
}

/**
 * Folds the event log into `LedgerBalances`, independently of core's `evolve`: it reads each
 * event's type and data by name, nothing else. It also notes every call-off that breaks
 * invariant 5 (outside the validity, after closing, for an unnamed beneficiary, to a non-holder)
 * and every holder past the announced number, in `violations`.
 *
 * An event type it does not know is an error: a new event that moves money must be taught here,
 * not silently skipped.
 */
export class BalancesFold {
  readonly #balances: LedgerBalances = { frameworks: {}, contracts: {} }
  readonly #facts = new Map<string, FrameworkFacts>()
  readonly #violations: string[] = []
  #events = 0
  #lastPosition = '0'

  /** The balances after every event applied so far. */
  get balances(): LedgerBalances {
    return this.#balances
  }

  /** Invariant 5 and consistency breaches met so far, one sentence each. */
  get violations(): readonly string[] {
    return this.#violations
  }

  /** How many events were applied. */
  get events(): number {
    return this.#events
  }

  /** The position of the last event applied, `'0'` before the first. */
  get lastPosition(): string {
    return this.#lastPosition
  }

  /** Applies every event of a log, in order. */
  async applyAll(events: AsyncIterable<RecordedEvent>): Promise<this> {
    for await (const event of events) this.apply(event)
    return this
  }

  /** Applies one event. */
  apply(event: RecordedEvent): void {
    this.#events += 1
    this.#lastPosition = event.position
    const data = event.data as Data
    if (SILENT.has(event.type)) return
    switch (event.type) {
      case 'FrameworkOpened':
        this.#balances.frameworks[text(data, 'frameworkId')] = {
          maximum: cents(data, 'maximum'),
          allocated: 0n,
          committed: 0n,
          holders: 0,
          maxHolders: data.maxHolders as number,
          closed: false,
          ceilingReached: false,
          beneficiaries: {},
        }
        this.#facts.set(text(data, 'frameworkId'), {
          startsOn: text(data, 'startsOn'),
          endsOn: text(data, 'endsOn'),
          holders: new Map(),
        })
        return
      case 'HolderAdded':
        this.#listHolder(event, data, text(data, 'holderId'), true)
        return
      case 'HolderSucceeded':
        // R2194-6: the successor takes the holder's place; the count of holders does not grow.
        this.#listHolder(event, data, text(data, 'holderId'), false)
        this.#listHolder(event, data, text(data, 'successorId'), true)
        return
      case 'BeneficiaryAdded':
        this.#framework(event, data).beneficiaries[text(data, 'beneficiaryId')] = {
          allocated: 0n,
          committed: 0n,
        }
        return
      case 'AllocationGranted':
        this.#allocate(event, data, text(data, 'beneficiaryId'), cents(data, 'amount'))
        return
      case 'AllocationReleased':
        this.#allocate(event, data, text(data, 'beneficiaryId'), -cents(data, 'amount'))
        return
      case 'AllocationTransferred': {
        const amount = cents(data, 'amount')
        this.#allocate(event, data, text(data, 'fromBeneficiaryId'), -amount)
        this.#allocate(event, data, text(data, 'toBeneficiaryId'), amount)
        return
      }
      case 'CommitmentAwarded':
        this.#checkCallOff(event, data)
        this.#commit(event, data, cents(data, 'amount'))
        return
      case 'CommitmentModified': {
        const delta = signedWireCents(data.delta)
        if (delta === undefined)
          throw new Error(`Expected delta to be a signed amount, found ${String(data.delta)}.`)
        this.#commit(event, data, delta)
        return
      }
      case 'CommitmentReleased':
        this.#commit(event, data, -cents(data, 'amount'))
        return
      case 'CeilingReached':
        this.#framework(event, data).ceilingReached = true
        return
      case 'FrameworkClosed':
        this.#framework(event, data).closed = true
        return
      case 'ContractAwarded': {
        const amount = cents(data, 'amount')
        this.#balances.contracts[text(data, 'contractId')] = {
          frameworkId: text(data, 'frameworkId'),
          beneficiaryId: text(data, 'beneficiaryId'),
          initial: amount,
          modifications: 0n,
          amount,
          ordered: 0n,
          certified: 0n,
          invoiced: 0n,
          paid: 0n,
          released: 0n,
          closed: false,
        }
        return
      }
      case 'OrderIssued':
        this.#contract(event, data).ordered += cents(data, 'amount')
        return
      case 'ContractModified': {
        const contract = this.#contract(event, data)
        const delta = signedWireCents(data.delta)
        if (delta === undefined)
          throw new Error(`Expected delta to be a signed amount, found ${String(data.delta)}.`)
        contract.modifications += delta
        contract.amount += delta
        return
      }
      case 'ServiceCertified':
        this.#contract(event, data).certified += cents(data, 'amount')
        return
      case 'InvoiceRecorded':
        this.#contract(event, data).invoiced += cents(data, 'amount')
        return
      case 'PaymentRecorded':
        this.#contract(event, data).paid += cents(data, 'amount')
        return
      case 'ContractClosed': {
        const contract = this.#contract(event, data)
        contract.released = cents(data, 'released')
        contract.closed = true
        return
      }
      default:
        throw new Error(
          `The balances fold does not know event type ${event.type} (position ${event.position}). Teach it in packages/testing/src/model/balances-fold.ts, or list it as moving no balance.`,
        )
    }
  }

  #note(event: RecordedEvent, what: string): void {
    this.#violations.push(`position ${event.position} (${event.type}): ${what}`)
  }

  #framework(event: RecordedEvent, data: Data): FrameworkBalance {
    const id = text(data, 'frameworkId')
    const framework = this.#balances.frameworks[id]
    if (!framework)
      throw new Error(
        `Position ${event.position} (${event.type}) names framework ${id}, which was never opened.`,
      )
    return framework
  }

  #contract(event: RecordedEvent, data: Data): ContractBalance {
    const id = text(data, 'contractId')
    const contract = this.#balances.contracts[id]
    if (!contract)
      throw new Error(
        `Position ${event.position} (${event.type}) names contract ${id}, which was never awarded.`,
      )
    return contract
  }

  #listHolder(event: RecordedEvent, data: Data, holderId: string, current: boolean): void {
    const framework = this.#framework(event, data)
    const facts = this.#facts.get(text(data, 'frameworkId'))!
    const was = facts.holders.get(holderId) ?? false
    facts.holders.set(holderId, current)
    framework.holders += (current ? 1 : 0) - (was ? 1 : 0)
    if (framework.holders > framework.maxHolders) {
      this.#note(
        event,
        `the framework has ${framework.holders} current holders, more than the ${framework.maxHolders} announced`,
      )
    }
  }

  #allocate(event: RecordedEvent, data: Data, beneficiaryId: string, amount: bigint): void {
    const framework = this.#framework(event, data)
    const beneficiary = framework.beneficiaries[beneficiaryId]
    if (!beneficiary) {
      this.#note(event, `allocation for beneficiary ${beneficiaryId}, who is not named`)
      return
    }
    beneficiary.allocated += amount
    framework.allocated += amount
  }

  #commit(event: RecordedEvent, data: Data, amount: bigint): void {
    const framework = this.#framework(event, data)
    const beneficiaryId = text(data, 'beneficiaryId')
    const beneficiary = framework.beneficiaries[beneficiaryId]
    if (!beneficiary) {
      this.#note(event, `commitment for beneficiary ${beneficiaryId}, who is not named`)
      return
    }
    beneficiary.committed += amount
    framework.committed += amount
  }

  /** Invariant 5: a call-off inside the validity, before closing, named beneficiary, current holder. */
  #checkCallOff(event: RecordedEvent, data: Data): void {
    const framework = this.#framework(event, data)
    const facts = this.#facts.get(text(data, 'frameworkId'))!
    const awardedOn = text(data, 'awardedOn')
    const contractId = text(data, 'contractId')
    if (awardedOn < facts.startsOn || awardedOn > facts.endsOn) {
      this.#note(
        event,
        `call-off ${contractId} awarded on ${awardedOn}, outside ${facts.startsOn}..${facts.endsOn} (R2162-5)`,
      )
    }
    if (framework.closed)
      this.#note(event, `call-off ${contractId} awarded after the framework closed (R2162-5)`)
    if (!framework.beneficiaries[text(data, 'beneficiaryId')]) {
      this.#note(event, `call-off ${contractId} for an unnamed beneficiary (R2162-6)`)
    }
    if (facts.holders.get(text(data, 'holderId')) !== true) {
      this.#note(
        event,
        `call-off ${contractId} to ${text(data, 'holderId')}, not a holder (R2162-6)`,
      )
    }
  }
}
