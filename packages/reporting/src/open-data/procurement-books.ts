import type { LedgerEvent } from '@plafond/core'

/** The recorded event of one type, with its typed data and its envelope. */
export type EventOf<T extends LedgerEvent['type']> = Extract<LedgerEvent, { readonly type: T }>

/** What happens to a framework after it opens, as open data tells it. */
export type FrameworkStep = EventOf<
  'HolderAdded' | 'HolderSucceeded' | 'BeneficiaryAdded' | 'FrameworkClosed'
>

/** What happens to a call-off after its award, as open data tells it. */
export type CallOffStep = EventOf<
  'OrderIssued' | 'ContractModified' | 'PaymentRecorded' | 'ContractClosed'
>

/** One call-off: its award and, in log order, its orders, modifications, payments and closing. */
export interface CallOffBook {
  readonly awarded: EventOf<'ContractAwarded'>
  readonly steps: readonly CallOffStep[]
}

/** One framework: its opening, then its holders, beneficiaries and closing, then its call-offs. */
export interface FrameworkBook {
  readonly opened: EventOf<'FrameworkOpened'>
  readonly steps: readonly FrameworkStep[]
  /** Call-offs in the order they were awarded. */
  readonly callOffs: readonly CallOffBook[]
  /** Names of holders, successors and beneficiaries, by SIRET (the latest name given). */
  readonly names: ReadonlyMap<string, string>
}

interface MutableCallOff {
  readonly awarded: EventOf<'ContractAwarded'>
  readonly steps: CallOffStep[]
}

interface MutableFramework {
  readonly opened: EventOf<'FrameworkOpened'>
  readonly steps: FrameworkStep[]
  readonly callOffs: MutableCallOff[]
  readonly names: Map<string, string>
}

function missing(event: LedgerEvent, what: string): Error {
  return new Error(
    `Event ${event.type} at position ${event.position} refers to ${what}, whose opening is not among the events given. Export the ledger's whole log (ledger.readAll()), not a part of it.`,
  )
}

/**
 * Sorts a ledger's events into the books open-data exports publish: each framework with its
 * holders, beneficiaries and call-offs, each call-off with its orders, modifications, payments and
 * closing, in log order. Commitments, alerts, allocations, deliveries, invoices, products and
 * late-payment interest are internal books, not published here. Throws when an event refers to a
 * framework or a call-off whose opening the events do not contain.
 */
export function readProcurementBooks(events: Iterable<LedgerEvent>): readonly FrameworkBook[] {
  const frameworks = new Map<string, MutableFramework>()
  const callOffs = new Map<string, MutableCallOff>()
  const frameworkOf = (event: LedgerEvent, frameworkId: string): MutableFramework => {
    const framework = frameworks.get(frameworkId)
    if (!framework) throw missing(event, `framework ${frameworkId}`)
    return framework
  }
  const callOffOf = (event: LedgerEvent, contractId: string): MutableCallOff => {
    const callOff = callOffs.get(contractId)
    if (!callOff) throw missing(event, `call-off ${contractId}`)
    return callOff
  }
  for (const event of events) {
    switch (event.type) {
      case 'FrameworkOpened':
        frameworks.set(event.data.frameworkId, {
          opened: event,
          steps: [],
          callOffs: [],
          names: new Map(),
        })
        break
      case 'HolderAdded': {
        const framework = frameworkOf(event, event.data.frameworkId)
        framework.steps.push(event)
        framework.names.set(event.data.holderId, event.data.name)
        break
      }
      case 'HolderSucceeded': {
        const framework = frameworkOf(event, event.data.frameworkId)
        framework.steps.push(event)
        framework.names.set(event.data.successorId, event.data.successorName)
        break
      }
      case 'BeneficiaryAdded': {
        const framework = frameworkOf(event, event.data.frameworkId)
        framework.steps.push(event)
        framework.names.set(event.data.beneficiaryId, event.data.name)
        break
      }
      case 'FrameworkClosed':
        frameworkOf(event, event.data.frameworkId).steps.push(event)
        break
      case 'ContractAwarded': {
        const callOff: MutableCallOff = { awarded: event, steps: [] }
        frameworkOf(event, event.data.frameworkId).callOffs.push(callOff)
        callOffs.set(event.data.contractId, callOff)
        break
      }
      case 'OrderIssued':
      case 'ContractModified':
      case 'PaymentRecorded':
      case 'ContractClosed':
        callOffOf(event, event.data.contractId).steps.push(event)
        break
      default:
        break
    }
  }
  return [...frameworks.values()]
}
