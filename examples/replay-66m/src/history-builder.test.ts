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
    ] as const) {
      expect(codes.has(code), code).toBe(true)
    }
    for (const refusal of history.refusals) expect(refusal.why.length).toBeGreaterThan(20)
  })

  it('uses only command types the core knows', () => {
    const known = new Set<string>(COMMAND_TYPES)
    for (const { command } of history.lines) expect(known.has(command.type)).toBe(true)
  })
})
