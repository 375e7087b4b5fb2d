import type { Cents, LedgerEvent } from '@plafond/core'
import type { Draft } from 'immer'
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
export type ExecutionEvent = Extract<
  LedgerEvent,
  {
    readonly type:
      'ServiceCertified' | 'InvoiceRecorded' | 'PaymentRecorded' | 'LatePaymentInterestDue'
  }
>

/**
 * Adds a delivery certified, an invoice, a payment or late-payment interest to the row its
 * call-off counts in; a call-off the state does not know (outside the time window) adds nothing.
 */
export function addExecution<R extends ExecutionSums>(
  state: Draft<RowsByContract<R>>,
  event: ExecutionEvent,
): void {
  const index = state.contractRow[event.data.contractId]
  if (index === undefined) return
  const row = state.rows[index] as Draft<ExecutionSums>
  const amount = centsOf(event.data.amount)
  switch (event.type) {
    case 'ServiceCertified':
      row.certified += amount
      return
    case 'InvoiceRecorded':
      row.invoiced += amount
      return
    case 'PaymentRecorded':
      row.paid += amount
      return
    case 'LatePaymentInterestDue':
      row.lateInterest += amount
      return
  }
}
