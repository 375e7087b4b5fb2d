import fc from 'fast-check'
import { addDays, type CommandInput } from '@plafond/core'
import { describe, expect, it } from 'vitest'
import { createLedgerModel, type LedgerModel } from '../model/ledger-model.js'
import { modelContent, predictOutcome } from '../model/predict-outcome.js'
import {
  commandIntent,
  openingIntents,
  type AmountIntent,
  type EntityPick,
} from './command-intent.js'
import { COORDINATOR, LEDGER_UNIVERSE } from './ledger-universe.js'
import {
  resolveIntent,
  type IntentContext,
  type IssuedCommand,
  type SingleIntent,
} from './resolve-intent.js'

const B0 = LEDGER_UNIVERSE.beneficiaries[0]
const known: EntityPick = { known: true, index: 0 }

function context(model: LedgerModel, history: IssuedCommand[] = []): IntentContext {
  let n = 0
  return { model, history, nextCommandId: () => `t-${++n}` }
}

function openedModel(): LedgerModel {
  const model = createLedgerModel()
  const commands: CommandInput[] = [
    {
      type: 'OpenFramework',
      commandId: 'o',
      frameworkId: 'AC-1',
      title: 'T',
      buyerId: LEDGER_UNIVERSE.buyerId,
      estimate: '500',
      maximum: '1000',
      startsOn: '2025-01-01',
      endsOn: '2028-12-31',
      maxHolders: 2,
    },
    {
      type: 'AddHolder',
      commandId: 'h',
      frameworkId: 'AC-1',
      holderId: LEDGER_UNIVERSE.holders[0],
      name: 'H',
      addedOn: '2025-01-01',
    },
    { type: 'AddBeneficiary', commandId: 'b', frameworkId: 'AC-1', beneficiaryId: B0, name: 'B' },
    { type: 'Allocate', commandId: 'a', frameworkId: 'AC-1', beneficiaryId: B0, amount: '600' },
  ]
  for (const command of commands) predictOutcome(model, command, COORDINATOR)
  return model
}

function allocate(amount: AmountIntent): CommandInput {
  const intent = {
    type: 'Allocate' as const,
    framework: known,
    beneficiary: known,
    amount,
    actor: 'proper' as const,
  }
  return resolveIntent(intent, context(openedModel())).command
}

describe('resolveIntent', () => {
  it('puts edge amounts on the limit of the rule, one cent either side', () => {
    // 1000 € maximum, 600 € allocated: 400 € can still be allocated.
    const amounts = ([-1n, 0n, 1n] as const).map(
      (offset) => (allocate({ kind: 'edge', offset, short: false }) as { amount: string }).amount,
    )
    expect(amounts).toEqual(['399.99', '400.00', '400.01'])
    expect((allocate({ kind: 'edge', offset: 0n, short: true }) as { amount: string }).amount).toBe(
      '400',
    )
  })

  it('dates an award on both sides of the validity of its framework', () => {
    const dates = (['before', 'start', 'end', 'after'] as const).map((date) => {
      const issued = resolveIntent(
        {
          type: 'AwardContract',
          framework: known,
          contract: { known: false, index: 0 },
          beneficiary: known,
          holder: known,
          amount: { kind: 'share', quarters: 1, short: false },
          date,
          competition: 'mini-competition',
          kind: 'purchase-order',
          actor: 'proper',
        },
        context(openedModel()),
      )
      return (issued.command as { awardedOn: string }).awardedOn
    })
    expect(dates).toEqual(['2024-12-31', '2025-01-01', '2028-12-31', '2029-01-01'])
  })

  it('repeats an earlier command with the same content, reformatted, or changed', () => {
    const model = openedModel()
    const first: IssuedCommand = {
      command: {
        type: 'Allocate',
        commandId: 'x',
        frameworkId: 'AC-1',
        beneficiaryId: B0,
        amount: '12.50',
      },
      actor: COORDINATOR,
    }
    const again = (variant: 'same' | 'reformatted' | 'changed'): IssuedCommand =>
      resolveIntent({ type: 'Repeat', pick: 0, variant, actor: 'proper' }, context(model, [first]))
    expect(again('same')).toEqual(first)
    expect(again('reformatted').command).toMatchObject({ commandId: 'x', amount: '12.5' })
    expect(modelContent(again('reformatted').command)).toBe(modelContent(first.command))
    expect(again('changed').command).toMatchObject({ commandId: 'x', amount: '12.51' })
  })

  it('draws modifications on the edge of their legal basis: the largest accepted, then one cent more', () => {
    const model = openedModel()
    const run = context(model)
    const issue = (intent: SingleIntent) => {
      const issued = resolveIntent(intent, run)
      const { outcome } = predictOutcome(model, issued.command, issued.actor)
      return [(issued.command as { delta: string }).delta, outcome.ok ? 'ok' : outcome.code]
    }
    const award = resolveIntent(
      {
        type: 'AwardContract',
        framework: known,
        contract: { known: false, index: 0 },
        beneficiary: known,
        holder: known,
        amount: { kind: 'fixed', cents: 20_001n, short: false },
        date: 'inside',
        competition: 'mini-competition',
        kind: 'subsequent-contract',
        actor: 'proper',
      },
      run,
    )
    expect(predictOutcome(model, award.command, award.actor).outcome.ok).toBe(true)
    let line = 0
    const modify = (
      legalBasis: 'R2194-2' | 'R2194-8',
      offset: 0n | 1n,
      direction: 'increase' | 'decrease',
    ): SingleIntent => ({
      type: 'ModifyContract',
      contract: known,
      line: line++,
      legalBasis,
      direction,
      amount: { kind: 'edge', offset, short: false },
      date: 'inside',
      newHolder: known,
      variant: 'valid',
      actor: 'proper',
    })
    // 200.01 €: 10 % is 20.001 €, so the R2194-8 cumul stops at 20.00 €; 50 % is 100.005 €.
    expect(issue(modify('R2194-8', 1n, 'increase'))).toEqual([
      '20.01',
      'modification_limit_exceeded',
    ])
    expect(issue(modify('R2194-8', 0n, 'decrease'))).toEqual(['-20.00', 'ok'])
    expect(issue(modify('R2194-2', 1n, 'decrease'))).toEqual([
      '-100.01',
      'modification_limit_exceeded',
    ])
    expect(issue(modify('R2194-2', 0n, 'increase'))).toEqual(['100.00', 'ok'])
  })

  it('opens with a running contract and an invoice, and pays it around day 30 after reception', () => {
    const opening = fc.sample(openingIntents, { numRuns: 1, seed: 7 })[0]!
    const fresh = createLedgerModel()
    const freshRun = context(fresh)
    for (const intent of opening) {
      if (intent.type === 'Batch') continue
      const issued = resolveIntent(intent, freshRun)
      expect(predictOutcome(fresh, issued.command, issued.actor).outcome).toMatchObject({
        ok: true,
      })
    }
    const invoice = [...fresh.contracts.values()][0]!.invoices.get('I-1')!
    const paidOn = ([29, 30, 31, 32] as const).map((day) => {
      const issued = resolveIntent(
        {
          type: 'PayInvoice',
          contract: known,
          invoice: known,
          line: day,
          amount: { kind: 'share', quarters: 1, short: false },
          day,
          actor: 'proper',
        },
        freshRun,
      )
      return (issued.command as { paidOn: string }).paidOn
    })
    expect(paidOn).toEqual([29, 30, 31, 32].map((day) => addDays(invoice.receivedOn, day)))
  })

  it('resolves every drawn intent to a command the model can judge', () => {
    fc.assert(
      fc.property(fc.array(commandIntent({ batches: false }), { maxLength: 30 }), (intents) => {
        const model = openedModel()
        const history: IssuedCommand[] = []
        const run = context(model, history)
        for (const intent of intents) {
          if (intent.type === 'Batch') continue
          const issued = resolveIntent(intent, run)
          history.push(issued)
          expect(() => predictOutcome(model, issued.command, issued.actor)).not.toThrow()
        }
      }),
    )
  })
})
