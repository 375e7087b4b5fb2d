import type { LedgerEvent } from '@plafond/core'
import { projectAt } from '@plafond/projections'
import { beforeAll, describe, expect, it } from 'vitest'
import { buildReport } from './build-report.js'
import {
  GOLDEN_FRAMEWORK,
  GOLDEN_INSTANT,
  GOLDEN_TODAY,
  goldenEvents,
} from './test-support/golden-ledger.js'

let events: LedgerEvent[]

beforeAll(async () => {
  events = await goldenEvents()
})

describe('buildReport', () => {
  it('reads the same data from events and from the standard states folded from them', () => {
    const fromEvents = buildReport(events, { today: GOLDEN_TODAY })
    const fromStates = buildReport(projectAt(events, {}), { today: GOLDEN_TODAY })
    expect(fromStates).toEqual(fromEvents)
    expect(fromEvents.overview.committed).toBe('680000.00')
  })

  it('counts only what took effect by asOf, and makes the forecast on that day', () => {
    const data = buildReport(events, { today: GOLDEN_TODAY, asOf: '2025-03-31' })
    expect(data.meta.asOf).toBe('2025-03-31')
    expect(data.overview.committed).toBe('500000.00')
    expect(data.overview.paid).toBe('0.00')
    expect(data.alerts.map((a) => a.on)).toEqual(['2025-03-10'])
    expect(data.forecast?.today).toBe('2025-03-31')
    expect(data.months.map((m) => m.month)).toEqual(['2025-02', '2025-03'])
  })

  it('counts only what was recorded by asKnownAt', () => {
    // Every golden event was recorded at GOLDEN_INSTANT.
    const known = buildReport(events, { today: GOLDEN_TODAY, asKnownAt: GOLDEN_INSTANT })
    expect(known.meta.asKnownAt).toBe(GOLDEN_INSTANT)
    expect(known.overview.committed).toBe('680000.00')
    expect(() =>
      buildReport(events, { today: GOLDEN_TODAY, asKnownAt: '2025-07-01T07:59:59.999Z' }),
    ).toThrow(/found none in the time window/)
  })

  it('narrows every view to the framework, and names the frameworks when it must choose', () => {
    const other = events.map((event) => ({
      ...event,
      data: JSON.parse(
        JSON.stringify(event.data).replaceAll(GOLDEN_FRAMEWORK, 'AC-AUTRE'),
      ) as LedgerEvent['data'],
    })) as LedgerEvent[]
    // The same books under a second framework id: contract ids collide, so only the
    // framework-keyed views are compared.
    const both = [...events, ...other.filter((e) => e.stream.startsWith('framework-'))]
    expect(() => buildReport(both, { today: GOLDEN_TODAY })).toThrow(
      /found 2 \(AC-AUTRE, AC-RAPPORT-2025\): pass frameworkId/,
    )
    const ours = buildReport(both, { today: GOLDEN_TODAY, frameworkId: GOLDEN_FRAMEWORK })
    expect(ours.overview.frameworkId).toBe(GOLDEN_FRAMEWORK)
    expect(ours.beneficiaries.every((b) => b.frameworkId === GOLDEN_FRAMEWORK)).toBe(true)
    expect(ours.alerts.every((a) => a.frameworkId === GOLDEN_FRAMEWORK)).toBe(true)
    expect(() => buildReport(both, { today: GOLDEN_TODAY, frameworkId: 'AC-NONE' })).toThrow(
      /Expected frameworkId to name a framework of the ledger \(AC-AUTRE, AC-RAPPORT-2025\), found "AC-NONE"/,
    )
  })

  it('refuses a ledger without a framework, and dates that do not exist, saying what to do', () => {
    expect(() => buildReport([], { today: GOLDEN_TODAY })).toThrow(/open one with OpenFramework/)
    expect(() => buildReport(events, { today: '2025-02-30' })).toThrow(
      /Expected today to be a real date written YYYY-MM-DD, found "2025-02-30"/,
    )
    expect(() => buildReport(events, { today: GOLDEN_TODAY, asOf: '31/12/2025' })).toThrow(
      /Expected asOf to be a real date/,
    )
  })

  it('uses the caller’s title and notice, and normalizes generatedAt to UTC', () => {
    const data = buildReport(events, {
      today: GOLDEN_TODAY,
      title: 'Bilan',
      notice: 'Données synthétiques.',
      generatedAt: new Date('2025-07-01T10:00:00+02:00'),
    })
    expect(data.meta).toMatchObject({
      title: 'Bilan',
      notice: 'Données synthétiques.',
      generatedAt: '2025-07-01T08:00:00.000Z',
    })
  })

  it('recomputes the drift over the framework’s own call-offs', () => {
    const { contracts } = buildReport(events, { today: GOLDEN_TODAY })
    expect(contracts).toMatchObject({
      initial: '710000.00',
      amount: '800000.00',
      driftPercent: '12.68',
      referenceDriftPercent: '24.00',
      aboveReference: 1,
      modified: 1,
    })
  })
})
