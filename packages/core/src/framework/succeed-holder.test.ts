import { produce } from 'immer'
import {
  awardContractCommand,
  awardedContractEvents,
  buyerOf,
  contractFixture,
  coordinator,
  executeAll,
  FRAMEWORK,
  frameworkFixture,
  given,
  openedFrameworkEvents,
  openedLedger,
  SIRETS,
} from '@plafond/testing'
import { describe, expect, it } from 'vitest'
import type { DomainEvent, FrameworkEvent } from '../events/event-catalogue.js'
import { evolveFramework } from './framework-evolve.js'
import { initialFrameworkState } from './framework-state.js'

const F = FRAMEWORK.frameworkId
const B = SIRETS.beneficiaryB
const REASON = 'Merger: Holder One absorbed into its successor'

// FRAMEWORK: at most 3 holders; holders 1 and 2 listed.
const opened = openedFrameworkEvents()

const succeed = (overrides: Record<string, unknown> = {}) => ({
  type: 'SucceedHolder' as const,
  commandId: 'succeed',
  frameworkId: F,
  holderId: SIRETS.holder1,
  successorId: SIRETS.holder3,
  successorName: 'Holder Three (synthetic)',
  succeededOn: '2025-04-01',
  reason: REASON,
  ...overrides,
})

const succeeded = (overrides: Record<string, unknown> = {}): DomainEvent => ({
  type: 'HolderSucceeded',
  data: {
    frameworkId: F,
    holderId: SIRETS.holder1,
    successorId: SIRETS.holder3,
    successorName: 'Holder Three (synthetic)',
    succeededOn: '2025-04-01',
    reason: REASON,
    ...overrides,
  },
})

function frameworkAfter(events: readonly DomainEvent[]) {
  return produce(initialFrameworkState(), (draft) => {
    for (const event of events) evolveFramework(draft, event as FrameworkEvent)
  })
}

const award = (holderId: string, overrides: Record<string, unknown> = {}) => ({
  ...awardContractCommand(contractFixture({ holderId, awardedOn: '2025-05-01' })),
  ...overrides,
})

describe('SucceedHolder (R2194-6)', () => {
  it('replaces a current holder by a new firm, on the framework stream', () => {
    given(opened).when(succeed()).then([succeeded()])
  })

  it('replaces a current holder by one already on the list', () => {
    given(opened)
      .when(succeed({ successorId: SIRETS.holder2, successorName: 'Holder Two (synthetic)' }))
      .then([succeeded({ successorId: SIRETS.holder2, successorName: 'Holder Two (synthetic)' })])
  })

  it('never grows the number of holders: a new successor takes a full list past no limit', () => {
    const full = frameworkFixture({ maxHolders: 2 })
    const history = [...openedFrameworkEvents(full), succeeded()]
    given(openedFrameworkEvents(full)).when(succeed()).then([succeeded()])
    expect(frameworkAfter(history).currentHolders).toBe(2)
    // The list is still full: a third firm cannot join.
    given(history)
      .when({
        type: 'AddHolder',
        commandId: 'add',
        frameworkId: F,
        holderId: SIRETS.holder4,
        name: 'Holder Four (synthetic)',
        addedOn: '2025-05-01',
      })
      .thenRejects('holder_limit_reached', { limit: 2, attempted: 3 })
  })

  it('counts one holder fewer when the successor was already on the list', () => {
    const history = [
      ...opened,
      succeeded({ successorId: SIRETS.holder2, successorName: 'Holder Two (synthetic)' }),
    ]
    const state = frameworkAfter(history)
    expect(state.currentHolders).toBe(1)
    expect(state.holders[SIRETS.holder1]).toMatchObject({ current: false })
    expect(state.holders[SIRETS.holder2]).toMatchObject({ current: true })
    // With a single holder left, a direct award needs no justification (R2162-10).
    const [commitment, contract] = awardedContractEvents(
      contractFixture({ holderId: SIRETS.holder2, awardedOn: '2025-05-01' }),
    )
    given(history)
      .when(award(SIRETS.holder2, { competition: 'direct' }))
      .then([
        commitment!,
        { ...contract!, data: { ...contract!.data, competition: 'direct' } } as DomainEvent,
      ])
  })

  it('keeps the former holder listed, not current, under its first name and date', () => {
    const state = frameworkAfter([...opened, succeeded()])
    expect(state.holders[SIRETS.holder1]).toEqual({
      name: 'Holder One (synthetic)',
      addedOn: FRAMEWORK.startsOn,
      current: false,
      succeededBy: SIRETS.holder3,
    })
    expect(state.holders[SIRETS.holder3]).toEqual({
      name: 'Holder Three (synthetic)',
      addedOn: '2025-04-01',
      current: true,
    })
  })

  it('refuses awards to the former holder, and accepts them to the successor', () => {
    const history = [...opened, succeeded()]
    given(history)
      .when(award(SIRETS.holder1))
      .thenRejects('unknown_holder', { frameworkId: F, holderId: SIRETS.holder1 })
    given(history)
      .when(award(SIRETS.holder3))
      .then(
        awardedContractEvents(
          contractFixture({ holderId: SIRETS.holder3, awardedOn: '2025-05-01' }),
        ),
      )
  })

  it('lets a former holder come back as the successor of another one', () => {
    const history = [...opened, succeeded()]
    given(history)
      .when(
        succeed({
          holderId: SIRETS.holder3,
          successorId: SIRETS.holder1,
          successorName: 'Holder One (synthetic)',
        }),
      )
      .then([
        succeeded({
          holderId: SIRETS.holder3,
          successorId: SIRETS.holder1,
          successorName: 'Holder One (synthetic)',
        }),
      ])
  })

  it('refuses to succeed a holder that is not current: unknown_holder', () => {
    given(opened)
      .when(succeed({ holderId: SIRETS.holder4 }))
      .thenRejects('unknown_holder', { frameworkId: F, holderId: SIRETS.holder4 })
    given([...opened, succeeded()])
      .when(succeed({ commandId: 'again', successorId: SIRETS.holder4 }))
      .thenRejects('unknown_holder', { holderId: SIRETS.holder1 })
  })

  it('refuses a former holder added again: holder_exists', () => {
    given([...opened, succeeded()])
      .when({
        type: 'AddHolder',
        commandId: 'add',
        frameworkId: F,
        holderId: SIRETS.holder1,
        name: 'Holder One (synthetic)',
        addedOn: '2025-05-01',
      })
      .thenRejects('holder_exists', { holderId: SIRETS.holder1 })
  })

  it('refuses an unknown framework, and a closed one', () => {
    given([]).when(succeed()).thenRejects('unknown_framework', { frameworkId: F })
    const closed: DomainEvent = {
      type: 'FrameworkClosed',
      data: { frameworkId: F, closedOn: '2025-03-31', reason: 'terminated' },
    }
    given([...opened, closed])
      .when(succeed())
      .thenRejects('framework_not_open', { frameworkId: F })
  })

  it('refuses bad input: the holder as its own successor, a bad SIRET, no name or reason', () => {
    given(opened)
      .when(succeed({ successorId: SIRETS.holder1 }))
      .thenRejects('invalid_command', { path: 'successorId' })
    given(opened)
      .when(succeed({ successorId: '91000000000035' }))
      .thenRejects('invalid_command', { path: 'successorId' })
    given(opened)
      .when(succeed({ successorName: '' }))
      .thenRejects('invalid_command', { path: 'successorName' })
    given(opened)
      .when(succeed({ reason: '' }))
      .thenRejects('invalid_command', { path: 'reason' })
    given(opened)
      .when(succeed({ succeededOn: '2025-02-29' }))
      .thenRejects('invalid_command', { path: 'succeededOn' })
  })

  it('keeps in the log what each former holder was awarded, and moves running contracts by R2194-6', async () => {
    const ledger = await openedLedger()
    const buyer = buyerOf(B)
    await executeAll(ledger, [awardContractCommand(contractFixture())], buyer)
    await executeAll(ledger, [succeed()], coordinator())
    await executeAll(
      ledger,
      [
        {
          type: 'ModifyContract',
          commandId: 'move',
          contractId: 'MS-1',
          modificationId: 'M-1',
          delta: '0',
          legalBasis: 'R2194-6',
          notifiedOn: '2025-04-02',
          reason: REASON,
          newHolderId: SIRETS.holder3,
        },
        awardContractCommand(contractFixture({ contractId: 'MS-2', holderId: SIRETS.holder3 })),
      ],
      buyer,
    )
    const refused = await ledger.execute(
      award(SIRETS.holder1, { contractId: 'MS-3', commandId: 'award:MS-3' }),
      {
        actor: buyer,
      },
    )
    expect(refused.ok ? 'ok' : refused.rejection.code).toBe('unknown_holder')

    const history: { type: string; holderId?: unknown; newHolderId?: unknown }[] = []
    for await (const event of ledger.readAll()) {
      const data = event.data as Record<string, unknown>
      if (event.type === 'CommitmentAwarded' || event.type === 'ContractModified') {
        history.push({ type: event.type, holderId: data.holderId, newHolderId: data.newHolderId })
      }
    }
    // The award to Holder One stays as it was written; the move is a later fact beside it.
    expect(history).toEqual([
      { type: 'CommitmentAwarded', holderId: SIRETS.holder1, newHolderId: undefined },
      { type: 'ContractModified', holderId: undefined, newHolderId: SIRETS.holder3 },
      { type: 'CommitmentAwarded', holderId: SIRETS.holder3, newHolderId: undefined },
    ])
  })
})
