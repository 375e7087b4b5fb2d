import { EVENT_CATALOGUE, type EventType, type RecordedEvent } from '@plafond/core'
import { describe, expect, test } from 'vitest'
import type { EventKey, Projection } from '../projection.js'
import { emptyTable, type Table } from '../state/table.js'
import { InPlaceFold, REMEMBERED_KEYS } from './in-place-fold.js'

interface Counter {
  readonly award: number
  orders: number
}

interface CountersState {
  readonly counters: Table<Counter>
}

const CONTRACT: EventKey = {
  name: 'contract',
  of: (event) => (event.data as { readonly contractId?: string }).contractId,
}

// Counts orders per call-off; each award starts a new counter, replacing the one before.
const counters: Projection<'counters', CountersState> = {
  name: 'counters',
  version: 1,
  initialState: () => ({ counters: emptyTable() }),
  evolve: (state, event) => {
    if (event.type === 'ContractAwarded') {
      state.counters[event.data.contractId] = { award: Number(event.position), orders: 0 }
    } else if (event.type === 'OrderIssued') {
      const counter = state.counters[event.data.contractId]
      if (counter) counter.orders += 1
    }
  },
  keyed: {
    key: CONTRACT,
    find: (state, contractId) => state.counters[contractId],
    apply: {
      OrderIssued: (_, counter: Counter) => {
        counter.orders += 1
      },
    },
  },
}

let position = 0
function recorded(type: EventType, contractId: string): RecordedEvent {
  position += 1
  return {
    id: `E${position}`,
    stream: `contract-${contractId}`,
    version: 1,
    position: String(position),
    type,
    schemaVersion: EVENT_CATALOGUE[type].schemaVersion,
    data: { contractId },
    meta: {
      commandId: `c${position}`,
      actorId: 'a',
      recordedAt: '2026-01-01T00:00:00.000Z',
      effectiveOn: '2026-01-01',
    },
    prevHash: '0'.repeat(64),
    hash: '0'.repeat(64),
  }
}

function fold(events: readonly RecordedEvent[]): Table<Counter> {
  const run = new InPlaceFold([counters], 'trust')
  for (const event of events) run.apply(event)
  return (run.states[0] as CountersState).counters
}

describe('InPlaceFold', () => {
  test('an entry that evolve replaces is found again', () => {
    const first = recorded('ContractAwarded', 'C1')
    const again = recorded('ContractAwarded', 'C1')
    const result = fold([
      first,
      recorded('OrderIssued', 'C1'),
      recorded('OrderIssued', 'C1'),
      again,
      recorded('OrderIssued', 'C1'),
    ])
    expect(result.C1).toEqual({ award: Number(again.position), orders: 1 })
  })

  test('a key found empty is looked up again once evolve creates its entry', () => {
    const result = fold([
      recorded('OrderIssued', 'C2'),
      recorded('ContractAwarded', 'C2'),
      recorded('OrderIssued', 'C2'),
      recorded('OrderIssued', 'C3'),
    ])
    expect(result.C2?.orders).toBe(1)
    expect(result.C3).toBeUndefined()
  })

  test('folds into the states given, skipping those marked for an event, by key or not', () => {
    // The first state comes from a checkpoint taken after the first two events below.
    const counters0 = emptyTable<Counter>() as Record<string, Counter>
    counters0.C4 = { award: 0, orders: 5 }
    const resumed: CountersState = { counters: counters0 }
    const run = new InPlaceFold([counters, counters], 'trust', [
      resumed,
      { counters: emptyTable() },
    ])
    expect(run.states[0]).toBe(resumed)
    const award = recorded('ContractAwarded', 'C4')
    run.apply(award, [true, false])
    run.apply(recorded('OrderIssued', 'C4'), [true, false])
    const again = recorded('ContractAwarded', 'C4')
    run.apply(again, [false, true])
    run.apply(recorded('OrderIssued', 'C4'))
    const [first, second] = run.states as CountersState[]
    expect(first!.counters.C4).toEqual({ award: Number(again.position), orders: 1 })
    expect(second!.counters.C4).toEqual({ award: Number(award.position), orders: 2 })
  })

  test('past the keys it remembers, it forgets them and finds each entry again', () => {
    const keys = Array.from({ length: REMEMBERED_KEYS + 10 }, (_, i) => `K${i}`)
    const events = [
      ...keys.map((key) => recorded('ContractAwarded', key)),
      ...keys.map((key) => recorded('OrderIssued', key)),
      // The first keys were forgotten; an award then replaces the entry of one that is remembered.
      recorded('OrderIssued', 'K0'),
      recorded('ContractAwarded', 'K0'),
      recorded('OrderIssued', 'K0'),
    ]
    const result = fold(events)
    expect(result.K0).toEqual({ award: Number(events.at(-2)!.position), orders: 1 })
    expect(keys.every((key) => key === 'K0' || result[key]!.orders === 1)).toBe(true)
  })
})
