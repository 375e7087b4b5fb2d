import {
  createInMemoryStore,
  ECB_MAIN_REFINANCING_RATES,
  parseCents,
  type Cents,
  type LedgerEvent,
} from '@plafond/core'
import { beneficiariesProjection, foldProjections } from '@plafond/projections'
import { beforeAll, describe, expect, it } from 'vitest'
import { BENEFICIARIES } from './beneficiaries.js'
import { firstYearFigures, type FirstYearFigures } from './first-year-figures.js'
import type { SimulatedCommand } from './simulated-command.js'
import { simulateFirstYear } from './simulate-first-year.js'
import { writeFirstYear, type WrittenYear } from './write-first-year.js'

const year = simulateFirstYear()
let written: WrittenYear
let events: LedgerEvent[]
let figures: FirstYearFigures

beforeAll(async () => {
  written = await writeFirstYear(year.commands, createInMemoryStore())
  events = []
  for await (const event of written.ledger.readAll()) events.push(event)
  figures = firstYearFigures(events)
})

/** The year's figures summed straight from the commands, per beneficiary SIRET and in total. */
function directSums(commands: readonly SimulatedCommand[]) {
  const beneficiaryOf = new Map<string, string>()
  const current = new Map<string, Cents>()
  const certifiedOn = new Map<string, Cents>()
  const totals = new Map<
    string,
    { committed: Cents; certified: Cents; paid: Cents; allocated: Cents }
  >()
  const row = (siret: string) => {
    const found = totals.get(siret) ?? { committed: 0n, certified: 0n, paid: 0n, allocated: 0n }
    totals.set(siret, found)
    return found
  }
  for (const { command: c } of commands) {
    switch (c.type) {
      case 'Allocate':
        row(c.beneficiaryId).allocated += parseCents(c.amount)
        break
      case 'AwardContract':
        beneficiaryOf.set(c.contractId, c.beneficiaryId)
        current.set(c.contractId, parseCents(c.amount))
        row(c.beneficiaryId).committed += parseCents(c.amount)
        break
      case 'ModifyContract':
        current.set(c.contractId, current.get(c.contractId)! + parseCents(c.delta))
        row(beneficiaryOf.get(c.contractId)!).committed += parseCents(c.delta)
        break
      case 'CertifyService':
        certifiedOn.set(c.contractId, (certifiedOn.get(c.contractId) ?? 0n) + parseCents(c.amount))
        row(beneficiaryOf.get(c.contractId)!).certified += parseCents(c.amount)
        break
      case 'RecordPayment':
        row(beneficiaryOf.get(c.contractId)!).paid += parseCents(c.amount)
        break
      case 'CloseContract':
        // Closing releases what was not certified (invariant 6).
        row(beneficiaryOf.get(c.contractId)!).committed -=
          current.get(c.contractId)! - (certifiedOn.get(c.contractId) ?? 0n)
        break
      default:
        break
    }
  }
  return totals
}

describe('the simulated first year in a ledger', () => {
  it('is accepted whole, and its hash chain verifies', async () => {
    expect(
      written.refusals.map((r) => `${r.command.command.commandId} ${r.rejection.code}`),
    ).toEqual([])
    expect(written.commands).toBe(year.commands.length)
    expect(await written.ledger.verify()).toMatchObject({ ok: true, events: events.length })
  })

  it('has the committed, certified and paid figures the projections say, in total', () => {
    const sums = [...directSums(year.commands).values()]
    const total = (key: 'committed' | 'certified' | 'paid' | 'allocated'): Cents =>
      sums.reduce((sum, row) => sum + row[key], 0n)
    const { overview } = figures
    expect(parseCents(overview.committed)).toBe(total('committed'))
    expect(parseCents(overview.certified)).toBe(total('certified'))
    expect(parseCents(overview.paid)).toBe(total('paid'))
    expect(parseCents(overview.allocated)).toBe(total('allocated'))
    // The quarters add up to the year.
    const quarters = (key: 'committed' | 'certified' | 'paid'): Cents =>
      figures.quarters.reduce((sum, q) => sum + parseCents(q[key]), 0n)
    expect(quarters('committed')).toBe(total('committed'))
    expect(quarters('paid')).toBe(total('paid'))
  })

  it('has each beneficiary’s figures the projections say', () => {
    const views = beneficiariesProjection.view(
      foldProjections(events, [beneficiariesProjection]).beneficiaries,
    )
    const sums = directSums(year.commands)
    for (const b of BENEFICIARIES) {
      const view = views.find((v) => v.beneficiaryId === b.siret)!
      const direct = sums.get(b.siret) ?? { committed: 0n, certified: 0n, paid: 0n, allocated: 0n }
      expect(
        [view.allocated, view.committed, view.certified, view.paid].map(parseCents),
        b.code,
      ).toEqual([direct.allocated, direct.committed, direct.certified, direct.paid])
    }
  })

  it('counts 24 beneficiaries buying by the end, fewer in the first quarters', () => {
    expect(figures.activeBeneficiaries).toBe(24)
    const active = figures.quarters.map((q) => q.activeBeneficiaries)
    expect([...active].sort((a, b) => a - b)).toEqual(active)
    expect(active[0]).toBeLessThan(24)
  })

  it('records late-payment interest at the assumed 2026-H2 rate for interest that starts in July 2026', () => {
    const late = events.flatMap((e) => (e.type === 'LatePaymentInterestDue' ? [e.data] : []))
    expect(late.length).toBeGreaterThan(0)
    const secondHalf = late.filter((d) => d.dueOn >= '2026-06-30')
    expect(secondHalf.length).toBeGreaterThan(0)
    for (const d of secondHalf) expect(d.annualRate).toBe('10.15') // 2.15 assumed + 8 points
  })

  it.skipIf(ECB_MAIN_REFINANCING_RATES.some((r) => r.halfYear === '2026-H2'))(
    'would refuse those payments with missing_rate on core’s table alone (skipped once core has 2026-H2)',
    async () => {
      const plain = await writeFirstYear(year.commands, createInMemoryStore(), {
        ecbRates: ECB_MAIN_REFINANCING_RATES,
      })
      const codes = new Set(plain.refusals.map((r) => r.rejection.code))
      expect([...codes]).toEqual(['missing_rate'])
      // Exactly the payments whose interest runs from July 2026 on are refused.
      const refused = plain.refusals.map(({ command: { command } }) =>
        command.type === 'RecordPayment'
          ? `${command.contractId}/${command.paymentId}`
          : command.type,
      )
      const secondHalf = events.flatMap((e) =>
        e.type === 'LatePaymentInterestDue' && e.data.dueOn >= '2026-06-30'
          ? [`${e.data.contractId}/${e.data.paymentId}`]
          : [],
      )
      expect(refused.sort()).toEqual(secondHalf.sort())
    },
  )
})
