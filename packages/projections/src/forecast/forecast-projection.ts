import type { Cents, LedgerEvent } from '@plafond/core'
import type { Draft } from 'immer'
import type { ViewedProjection } from '../projection.js'
import { centsOf } from '../state/cents-of.js'
import { emptyTable, sortedKeys, type Table } from '../state/table.js'
import { forecast, type ForecastOptions, type ForecastView } from './forecast.js'

/** What the forecast needs of one framework: its targets and its commitments by day. */
export interface ForecastFramework {
  readonly frameworkId: string
  readonly estimate: Cents
  readonly maximum: Cents
  readonly startsOn: string | null
  readonly endsOn: string | null
  /** Net commitments (awards + modifications − releases) by business date, in cents. */
  readonly committedByDay: Table<Cents>
}

/** State of the forecast projection: frameworkId → its commitments by day. */
export interface ForecastState {
  readonly frameworks: Table<ForecastFramework>
}

function framework(state: Draft<ForecastState>, frameworkId: string): Draft<ForecastFramework> {
  const found = state.frameworks[frameworkId]
  if (found) return found
  const row: Draft<ForecastFramework> = {
    frameworkId,
    estimate: 0n,
    maximum: 0n,
    startsOn: null,
    endsOn: null,
    committedByDay: emptyTable(),
  }
  state.frameworks[frameworkId] = row
  return row
}

function add(state: Draft<ForecastState>, frameworkId: string, day: string, amount: Cents): void {
  const byDay = framework(state, frameworkId).committedByDay
  byDay[day] = (byDay[day] ?? 0n) + amount
}

function evolveForecast(state: Draft<ForecastState>, event: LedgerEvent): void {
  switch (event.type) {
    case 'CommitmentAwarded':
      add(state, event.data.frameworkId, event.data.awardedOn, centsOf(event.data.amount))
      return
    case 'CommitmentModified':
      add(state, event.data.frameworkId, event.data.notifiedOn, centsOf(event.data.delta))
      return
    case 'CommitmentReleased':
      add(state, event.data.frameworkId, event.data.closedOn, -centsOf(event.data.amount))
      return
    case 'FrameworkOpened': {
      const d = event.data
      const row = framework(state, d.frameworkId)
      row.estimate = centsOf(d.estimate)
      row.maximum = centsOf(d.maximum)
      row.startsOn = d.startsOn
      row.endsOn = d.endsOn
      return
    }
    default:
      // The forecast measures commitments only.
      return
  }
}

/**
 * Forecast, per framework: from the burn of commitments over the last N months, the dates the
 * estimate and the maximum would be reached (earliest / central / latest), and the same under
 * named scenarios. The view takes `{ today, months?, scenarios? }`; see `forecast`.
 */
export const forecastProjection: ViewedProjection<
  'forecast',
  ForecastState,
  readonly ForecastView[],
  ForecastOptions
> = {
  name: 'forecast',
  version: 1,
  initialState: () => ({ frameworks: emptyTable() }),
  evolve: evolveForecast,
  handles: ['CommitmentAwarded', 'CommitmentModified', 'CommitmentReleased', 'FrameworkOpened'],
  view: (state, options) =>
    sortedKeys(state.frameworks).map((id) => forecast(state.frameworks[id]!, options)),
}
