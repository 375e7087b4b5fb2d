import type { Actor, CommandInput, RejectionCode } from '@plafond/core'

/** A command as the generator plans it: its `commandId` is given when the history is written. */
export type PlannedCommand = CommandInput extends infer C
  ? C extends { readonly commandId: string }
    ? Omit<C, 'commandId'>
    : never
  : never

/** The planned command of one type. */
export type PlannedOf<T extends PlannedCommand['type']> = Extract<PlannedCommand, { type: T }>

/**
 * Where a command falls within its day, so that same-day commands keep their causal order: an
 * allocation before the award it funds, an award or a modification before an order under it and
 * a delivery on it, a delivery before its invoice and payment, all of them before a closing.
 * Product phases and impact touch no contract; they come after the day's money.
 */
export const STAGE = {
  setup: 0,
  allocation: 1,
  award: 2,
  order: 3,
  certification: 4,
  invoice: 5,
  payment: 6,
  closing: 7,
  product: 8,
  frameworkClosing: 9,
} as const

/** A command of the history before it is numbered, with its place in time. */
export interface HistoryEntry {
  readonly date: string
  readonly stage: (typeof STAGE)[keyof typeof STAGE]
  readonly actor: Actor
  readonly command: PlannedCommand
  /** Among equal date, stage and actor: 0 goes before the usual 1, 2 after. */
  readonly order?: 0 | 1 | 2
  /** A deliberate mistake: the code the ledger must refuse it with, and the story behind it. */
  readonly refusal?: { readonly code: RejectionCode; readonly why: string }
  /** The entry this one sends again unchanged, under the same commandId (a client retry). */
  readonly repeats?: HistoryEntry
}

/** Chronological order: date, then stage, then actor (runs of one actor batch well), then order. */
export function compareEntries(a: HistoryEntry, b: HistoryEntry): number {
  return (
    compareText(a.date, b.date) ||
    a.stage - b.stage ||
    compareText(a.actor.id, b.actor.id) ||
    (a.order ?? 1) - (b.order ?? 1)
  )
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** The business date a command takes effect on; the history is in the order of these dates. */
export function businessDateOf(command: PlannedCommand): string {
  switch (command.type) {
    case 'OpenFramework':
      return command.startsOn
    case 'AddHolder':
      return command.addedOn
    case 'SucceedHolder':
      return command.succeededOn
    case 'AddBeneficiary':
    case 'Allocate':
    case 'ReleaseAllocation':
    case 'TransferAllocation':
    case 'ChangeProductPhase':
      return required(command.type, command.on)
    case 'AwardContract':
      return command.awardedOn
    case 'IssueOrder':
      return command.issuedOn
    case 'ModifyContract':
      return command.notifiedOn
    case 'CertifyService':
      return command.certifiedOn
    case 'RecordInvoice':
      return command.receivedOn
    case 'RecordPayment':
      return command.paidOn
    case 'CloseContract':
    case 'CloseFramework':
      return command.closedOn
    case 'RecordImpact':
      return command.measuredOn
    default: {
      const unknown: never = command
      throw new Error(`No business date known for ${JSON.stringify(unknown)}.`)
    }
  }
}

function required(type: string, date: string | undefined): string {
  if (date === undefined) {
    throw new Error(`The generator writes every ${type} with its date ('on'); one had none.`)
  }
  return date
}
