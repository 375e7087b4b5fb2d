import { COMMAND_TYPES, formatCents, parseCents, PERMISSIONS } from '@plafond/core'
import { describe, expect, it } from 'vitest'
import { BENEFICIARIES } from './cast.js'
import { TOTAL_PAID } from './framework-terms.js'
import { buildHistory } from './history-builder.js'
import { businessDateOf } from './history-entry.js'
import { DEFAULT_SEED } from './history-file.js'

const history = buildHistory(DEFAULT_SEED)

describe('buildHistory', () => {
  it('writes commands in chronological order of their business dates', () => {
    const dates = history.lines.map((line) => businessDateOf(line.command))
    for (let i = 1; i < dates.length; i++) {
      expect(dates[i]! >= dates[i - 1]!, `line ${i + 1}: ${dates[i]} after ${dates[i - 1]}`).toBe(
        true,
      )
    }
    expect(dates[0]).toBe('2021-06-01')
  })

  it('gives every command a unique id, except the one retry that repeats a line', () => {
    const ids = history.lines.map((line) => line.command.commandId)
    expect(new Set(ids).size).toBe(ids.length - history.retried.length)
    expect(history.retried).toHaveLength(1)
  })

  it('has each command issued by the role that may issue it, for the right beneficiary', () => {
    const refused = new Set(history.refusals.map((r) => r.commandId))
    const contractOwner = new Map<string, string>()
    for (const { actor, command } of history.lines) {
      const role = actor.roles[0]!
      expect(actor.roles).toHaveLength(1)
      if (command.type === 'AwardContract' && !refused.has(command.commandId)) {
        contractOwner.set(command.contractId, command.beneficiaryId)
      }
      if (refused.has(command.commandId)) continue
      expect(role.role, `${command.commandId} ${command.type}`).toBe(PERMISSIONS[command.type])
      if (command.type === 'ChangeProductPhase' || command.type === 'RecordImpact') {
        expect(role, `${command.commandId} acts for the product's beneficiary`).toEqual({
          role: 'buyer',
          beneficiaryId: command.beneficiaryId,
        })
      }
      if ('contractId' in command && 'beneficiaryId' in role) {
        const owner =
          command.type === 'AwardContract'
            ? command.beneficiaryId
            : contractOwner.get(command.contractId)
        expect(role.beneficiaryId, `${command.commandId} acts for the contract's beneficiary`).toBe(
          owner,
        )
      }
    }
  })

  it('pays exactly 66 000 000.00 € across its successful payments', () => {
    const refused = new Set(history.refusals.map((r) => r.commandId))
    const seen = new Set<string>()
    let paid = 0n
    for (const { command } of history.lines) {
      if (command.type !== 'RecordPayment' || refused.has(command.commandId)) continue
      if (seen.has(command.commandId)) continue
      seen.add(command.commandId)
      paid += parseCents(command.amount)
    }
    expect(formatCents(paid)).toBe(TOTAL_PAID)
  })

  it('covers 24 beneficiaries and about four years', () => {
    const added = history.lines.filter((l) => l.command.type === 'AddBeneficiary')
    expect(added).toHaveLength(BENEFICIARIES.length)
    expect(BENEFICIARIES).toHaveLength(24)
    const last = history.lines[history.lines.length - 1]!
    expect(businessDateOf(last.command) >= '2025-06-01').toBe(true)
    expect(businessDateOf(last.command) <= '2026-01-31').toBe(true)
  })

  it('stages at least one deliberate mistake per kind of over-commitment it demonstrates', () => {
    const codes = new Set(history.refusals.map((r) => r.code))
    for (const code of [
      'allocation_exceeded',
      'over_allocation',
      'allocation_in_use',
      'framework_not_open',
      'payment_exceeds_service',
      'service_exceeds_commitment',
      'modification_limit_exceeded',
      'contract_closed',
      'order_exceeds_contract',
    ] as const) {
      expect(codes.has(code), code).toBe(true)
    }
    for (const refusal of history.refusals) expect(refusal.why.length).toBeGreaterThan(20)
  })

  it('names a product on every call-off, and keeps Σ orders within each contract', () => {
    const refused = new Set(history.refusals.map((r) => r.commandId))
    const amounts = new Map<string, bigint>()
    const ordered = new Map<string, bigint>()
    for (const { command } of history.lines) {
      if (refused.has(command.commandId)) continue
      if (command.type === 'AwardContract') {
        expect(command.product, command.contractId).toMatch(/^[a-z]+-[a-z-]+$/)
        amounts.set(command.contractId, parseCents(command.amount))
      }
      if (command.type === 'ModifyContract') {
        const amount = amounts.get(command.contractId)!
        amounts.set(command.contractId, amount + parseCents(command.delta))
      }
      if (command.type === 'IssueOrder') {
        const total = (ordered.get(command.contractId) ?? 0n) + parseCents(command.amount)
        expect(total <= amounts.get(command.contractId)!, command.orderId).toBe(true)
        ordered.set(command.contractId, total)
      }
    }
    expect(ordered.size).toBeGreaterThanOrEqual(10)
  })

  it('modifies contracts lawfully under R2194-2, R2194-8 and R2194-6', () => {
    const refused = new Set(history.refusals.map((r) => r.commandId))
    const bases = new Set(
      history.lines.flatMap(({ command }) =>
        command.type === 'ModifyContract' && !refused.has(command.commandId)
          ? [command.legalBasis]
          : [],
      ),
    )
    expect([...bases].sort()).toEqual(['R2194-2', 'R2194-6', 'R2194-8'])
  })

  it('moves each product through the beta.gouv.fr phases, measuring impact every six months', () => {
    const order = ['investigation', 'construction', 'acceleration', 'transfer', 'success']
    const phases = new Map<string, string[]>()
    const measured = new Map<string, string[]>()
    for (const { command } of history.lines) {
      if (command.type === 'ChangeProductPhase') {
        phases.set(command.product, [...(phases.get(command.product) ?? []), command.phase])
      }
      if (command.type === 'RecordImpact') {
        expect(command.indicators.length).toBeGreaterThanOrEqual(1)
        expect(command.indicators.length).toBeLessThanOrEqual(3)
        for (const indicator of command.indicators) expect(indicator.value).toMatch(/^\d+(\.\d+)?$/)
        measured.set(command.product, [
          ...(measured.get(command.product) ?? []),
          command.measuredOn,
        ])
      }
    }
    expect(phases.size).toBeGreaterThanOrEqual(12)
    const finals = new Set<string>()
    for (const [product, sequence] of phases) {
      expect(sequence[0], product).toBe('investigation')
      const last = sequence[sequence.length - 1]!
      finals.add(last)
      // Forward only; alumni (stopped) can follow any phase, but only at the end.
      const forward = last === 'alumni' ? sequence.slice(0, -1) : sequence
      const ranks = forward.map((phase) => order.indexOf(phase))
      expect(
        ranks.every((rank, i) => rank >= 0 && (i === 0 || rank > ranks[i - 1]!)),
        product,
      ).toBe(true)
      expect(measured.get(product)?.length ?? 0, `${product} measured`).toBeGreaterThan(0)
    }
    for (const phase of ['acceleration', 'transfer', 'success', 'alumni']) {
      expect(finals.has(phase), `some product ends in ${phase}`).toBe(true)
    }
    for (const [product, dates] of measured) {
      for (let i = 1; i < dates.length; i++) {
        const days = (Date.parse(dates[i]!) - Date.parse(dates[i - 1]!)) / 86_400_000
        expect(days, `${product} between ${dates[i - 1]} and ${dates[i]}`).toBeLessThanOrEqual(184)
      }
    }
  })

  it('uses only command types the core knows', () => {
    const known = new Set<string>(COMMAND_TYPES)
    for (const { command } of history.lines) expect(known.has(command.type)).toBe(true)
  })
})
