import { formatCents, type Cents, type LedgerEvent } from '@plafond/core'
import type { Draft } from 'immer'
import type { ViewedProjection } from '../projection.js'
import { centsOf } from '../state/cents-of.js'

/** A threshold crossed or the ceiling reached, in cents. */
export interface AlertRow {
  readonly frameworkId: string
  /** `threshold`: `ThresholdCrossed`; `ceiling`: `CeilingReached` (the maximum is exhausted). */
  readonly kind: 'threshold' | 'ceiling'
  /** What the percentage is of; `maximum` for the ceiling. */
  readonly scope: 'estimate' | 'maximum' | 'allocation'
  /** The beneficiary whose allocation was crossed, for `allocation` alerts. */
  readonly beneficiaryId: string | null
  readonly percent: number
  /** The estimate, maximum or allocation the percentage is of. */
  readonly reference: Cents
  /** Committed money when the alert was raised. */
  readonly committed: Cents
  /** The business date of the commitment that crossed it. */
  readonly on: string
  /** The call-off whose award or modification crossed it. */
  readonly contractId: string
  /** Position of the event in the log. */
  readonly position: string
}

/** State of the alerts projection: every alert, in log order. */
export interface AlertsState {
  readonly alerts: readonly AlertRow[]
}

/** One alert as a report prints it. */
export interface AlertView {
  readonly frameworkId: string
  readonly kind: 'threshold' | 'ceiling'
  readonly scope: 'estimate' | 'maximum' | 'allocation'
  readonly beneficiaryId: string | null
  readonly percent: number
  readonly reference: string
  readonly committed: string
  readonly on: string
  readonly contractId: string
  readonly position: string
}

function evolveAlerts(state: Draft<AlertsState>, event: LedgerEvent): void {
  switch (event.type) {
    case 'ThresholdCrossed': {
      const d = event.data
      state.alerts.push({
        frameworkId: d.frameworkId,
        kind: 'threshold',
        scope: d.scope,
        beneficiaryId: d.beneficiaryId ?? null,
        percent: d.percent,
        reference: centsOf(d.reference),
        committed: centsOf(d.committed),
        on: d.crossedOn,
        contractId: d.contractId,
        position: event.position,
      })
      return
    }
    case 'CeilingReached': {
      const d = event.data
      state.alerts.push({
        frameworkId: d.frameworkId,
        kind: 'ceiling',
        scope: 'maximum',
        beneficiaryId: null,
        percent: 100,
        reference: centsOf(d.maximum),
        committed: centsOf(d.committed),
        on: d.reachedOn,
        contractId: d.contractId,
        position: event.position,
      })
      return
    }
    default:
      // Alerts are raised by the ledger; this projection only lists them.
      return
  }
}

function comparePositions(a: string, b: string): number {
  return a.length !== b.length ? a.length - b.length : a < b ? -1 : a > b ? 1 : 0
}

function compareAlerts(a: AlertRow, b: AlertRow): number {
  if (a.frameworkId !== b.frameworkId) return a.frameworkId < b.frameworkId ? -1 : 1
  if (a.on !== b.on) return a.on < b.on ? -1 : 1
  return comparePositions(a.position, b.position)
}

/**
 * Every threshold crossed (50/75/90/100 % of the estimate, 80/90/95/100 % of the maximum, 90/100 %
 * of an allocation, or as configured) and the ceiling reached, with its date, by framework and date.
 */
export const alertsProjection: ViewedProjection<'alerts', AlertsState, readonly AlertView[]> = {
  name: 'alerts',
  version: 1,
  initialState: () => ({ alerts: [] }),
  evolve: evolveAlerts,
  handles: ['ThresholdCrossed', 'CeilingReached'],
  view: (state) =>
    [...state.alerts].sort(compareAlerts).map((alert) => ({
      ...alert,
      reference: formatCents(alert.reference),
      committed: formatCents(alert.committed),
    })),
}
