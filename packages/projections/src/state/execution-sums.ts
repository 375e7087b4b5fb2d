import type { Cents } from '@plafond/core'
import type { Draft } from 'immer'
import type { EventOf } from '../projection.js'
import { centsOf } from './cents-of.js'
import type { Table } from './table.js'

/** The money a call-off's execution adds up: what a row counting call-offs sums. */
export interface ExecutionSums {
  readonly certified: Cents
  readonly invoiced: Cents
  readonly paid: Cents
  readonly lateInterest: Cents
}

/** Rows of sums, and the row each call-off counts in (contractId → index in `rows`). */
export interface RowsByContract<R extends ExecutionSums> {
  readonly rows: readonly R[]
  readonly contractRow: Table<number>
}

/** The events `addExecution` reads. */
export type ExecutionEvent = EventOf<
  'ServiceCertified' | 'InvoiceRecorded' | 'PaymentRecorded' | 'LatePaymentInterestDue'
>

/** The row a call-off counts in, or undefined for a call-off the state does not know. */
export function callOffRow(
  state: Draft<RowsByContract<ExecutionSums>>,
  contractId: string,
): Draft<ExecutionSums> | undefined {
  const index = state.contractRow[contractId]
  return index === undefined ? undefined : state.rows[index]
}

// One function per event type: a bulk fold calls them by type, with the row already found. The
// state comes first because a keyed `apply` receives it, and is not needed here.

function addCertified(_: unknown, row: Draft<ExecutionSums>, event: EventOf<'ServiceCertified'>) {
  row.certified += centsOf(event.data.amount)
}

function addInvoiced(_: unknown, row: Draft<ExecutionSums>, event: EventOf<'InvoiceRecorded'>) {
  row.invoiced += centsOf(event.data.amount)
}

function addPaid(_: unknown, row: Draft<ExecutionSums>, event: EventOf<'PaymentRecorded'>) {
  row.paid += centsOf(event.data.amount)
}

function addLateInterest(
  _: unknown,
  row: Draft<ExecutionSums>,
  event: EventOf<'LatePaymentInterestDue'>,
) {
  row.lateInterest += centsOf(event.data.amount)
}

/** What a delivery certified, an invoice, a payment or late-payment interest adds to a found row. */
export const EXECUTION_APPLY = {
  ServiceCertified: addCertified,
  InvoiceRecorded: addInvoiced,
  PaymentRecorded: addPaid,
  LatePaymentInterestDue: addLateInterest,
} as const

/**
 * Adds a delivery certified, an invoice, a payment or late-payment interest to the row its
 * call-off counts in; a call-off the state does not know (outside the time window) adds nothing.
 */
export function addExecution(
  state: Draft<RowsByContract<ExecutionSums>>,
  event: ExecutionEvent,
): void {
  const row = callOffRow(state, event.data.contractId)
  if (row === undefined) return
  switch (event.type) {
    case 'ServiceCertified':
      return addCertified(state, row, event)
    case 'InvoiceRecorded':
      return addInvoiced(state, row, event)
    case 'PaymentRecorded':
      return addPaid(state, row, event)
    case 'LatePaymentInterestDue':
      return addLateInterest(state, row, event)
  }
}
