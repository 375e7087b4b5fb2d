import { Actor, addDays, Command, daysBetween, parseCents } from '@plafond/core'
import { describe, expect, it } from 'vitest'
import { BENEFICIARIES } from './beneficiaries.js'
import { FIRST_YEAR_ENDS_ON, FRAMEWORK_TERMS } from './framework-terms.js'
import { simulateFirstYear } from './simulate-first-year.js'

const year = simulateFirstYear()
const commands = year.commands.map((c) => c.command)
const ofType = <T extends (typeof commands)[number]['type']>(type: T) =>
  commands.filter((c): c is Extract<(typeof commands)[number], { type: T }> => c.type === type)

describe('simulateFirstYear', () => {
  it('gives the same commands, to the byte, for the same seed', () => {
    expect(JSON.stringify(simulateFirstYear().commands)).toBe(JSON.stringify(year.commands))
    expect(simulateFirstYear('another seed').commands).toEqual(
      simulateFirstYear('another seed').commands,
    )
  })

  it('gives another year for another seed', () => {
    expect(JSON.stringify(simulateFirstYear('another seed').commands)).not.toBe(
      JSON.stringify(year.commands),
    )
  })

  it('writes commands and actors the ledger can parse, with unique ids', () => {
    for (const { command, actor } of year.commands) {
      expect(Command.safeParse(command).success, command.commandId).toBe(true)
      expect(Actor.safeParse(actor).success, command.commandId).toBe(true)
    }
    expect(new Set(commands.map((c) => c.commandId)).size).toBe(commands.length)
  })

  it('stays within the first year, in order of business dates', () => {
    const dates = year.commands.map((c) => c.date)
    expect(dates[0]).toBe(FRAMEWORK_TERMS.startsOn)
    expect(dates.every((d) => d <= FIRST_YEAR_ENDS_ON)).toBe(true)
    expect([...dates].sort()).toEqual(dates)
  })

  it('opens the framework with its 7 holders and 31 beneficiaries on the first day', () => {
    expect(ofType('OpenFramework')).toHaveLength(1)
    expect(ofType('AddHolder')).toHaveLength(7)
    expect(ofType('AddBeneficiary')).toHaveLength(31)
  })

  it('has 24 beneficiaries buying in the first year, the 23 returning and one newcomer', () => {
    const buying = new Set(ofType('AwardContract').map((c) => c.beneficiaryId))
    expect(buying.size).toBe(24)
    const newcomers = BENEFICIARIES.filter((b) => !b.returning && buying.has(b.siret))
    expect(newcomers.map((b) => b.code)).toEqual(['SPORTS'])
    expect(BENEFICIARIES.filter((b) => b.returning).every((b) => buying.has(b.siret))).toBe(true)
  })

  it('awards by mini-competition mostly, and justifies every direct award', () => {
    const awards = ofType('AwardContract')
    const mini = awards.filter((a) => a.competition === 'mini-competition')
    const direct = awards.filter((a) => a.competition === 'direct')
    expect(mini.length).toBeGreaterThan(direct.length)
    expect(direct.some((a) => a.kind === 'purchase-order')).toBe(true)
    expect(direct.some((a) => a.kind === 'subsequent-contract')).toBe(true)
    for (const award of direct) expect(award.justification).toBeTruthy()
  })

  it('has purchase orders, one R2194-2 and one R2194-8 modification, and closings', () => {
    expect(ofType('IssueOrder').length).toBeGreaterThan(0)
    expect(
      ofType('ModifyContract')
        .map((m) => m.legalBasis)
        .sort(),
    ).toEqual(['R2194-2', 'R2194-8'])
    expect(ofType('CloseContract').length).toBeGreaterThan(0)
  })

  it('pays most invoices within 30 days of receipt, and some later', () => {
    const received = new Map(
      ofType('RecordInvoice').map((i) => [`${i.contractId}/${i.invoiceId}`, i.receivedOn]),
    )
    const delays = ofType('RecordPayment').map((p) =>
      daysBetween(received.get(`${p.contractId}/${p.invoiceId!}`)!, p.paidOn),
    )
    const late = delays.filter((d) => d > 30)
    expect(late.length).toBeGreaterThan(0)
    expect(late.length * 5).toBeLessThan(delays.length)
    // Some late payments were due on 30 June 2026 or later: their interest starts in 2026-H2
    // and needs the assumed ECB rate.
    const dueOn = (i: number): string =>
      addDays(ofType('RecordPayment')[i]!.paidOn, 30 - delays[i]!)
    expect(delays.some((d, i) => d > 30 && dueOn(i) >= '2026-06-30')).toBe(true)
  })

  it('ramps up: more is certified in the last quarter than in the first', () => {
    const certified = (from: string, to: string): bigint =>
      ofType('CertifyService')
        .filter((c) => c.certifiedOn >= from && c.certifiedOn <= to)
        .reduce((sum, c) => sum + parseCents(c.amount), 0n)
    expect(certified('2026-07-01', '2026-09-30')).toBeGreaterThan(
      certified('2025-10-01', '2025-12-31') * 5n,
    )
  })
})
