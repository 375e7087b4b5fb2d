import { FRAMEWORK, frameworkFixture, given, openedFrameworkEvents, SIRETS } from '@plafond/testing'
import { describe, it } from 'vitest'

const F = FRAMEWORK.frameworkId

const addHolder = (holderId: string, overrides: Record<string, unknown> = {}) => ({
  type: 'AddHolder' as const,
  commandId: `add-${holderId}`,
  frameworkId: F,
  holderId,
  name: 'New holder (synthetic)',
  addedOn: '2025-02-01',
  ...overrides,
})

const holderAdded = (holderId: string) => ({
  type: 'HolderAdded' as const,
  data: { frameworkId: F, holderId, name: 'New holder (synthetic)', addedOn: '2025-02-01' },
})

describe('AddHolder', () => {
  it('adds a holder to the closed list', () => {
    given(openedFrameworkEvents())
      .when(addHolder(SIRETS.holder3))
      .then([holderAdded(SIRETS.holder3)])
  })

  it('refuses a holder already on the list: holder_exists', () => {
    given(openedFrameworkEvents())
      .when(addHolder(SIRETS.holder1))
      .thenRejects('holder_exists', { frameworkId: F, holderId: SIRETS.holder1 })
  })

  it('refuses more holders than announced (R2162-6): holder_limit_reached', () => {
    const history = [...openedFrameworkEvents(), holderAdded(SIRETS.holder3)]
    given(history)
      .when(addHolder(SIRETS.holder4))
      .thenRejects('holder_limit_reached', { frameworkId: F, limit: 3, attempted: 4 })
  })

  it('accepts the last announced holder', () => {
    const single = frameworkFixture({ maxHolders: 1, holders: [] })
    given(openedFrameworkEvents(single))
      .when(addHolder(SIRETS.holder1))
      .then([holderAdded(SIRETS.holder1)])
    given([...openedFrameworkEvents(single), holderAdded(SIRETS.holder1)])
      .when(addHolder(SIRETS.holder2))
      .thenRejects('holder_limit_reached', { limit: 1, attempted: 2 })
  })

  it('refuses an unknown framework: unknown_framework', () => {
    given([]).when(addHolder(SIRETS.holder3)).thenRejects('unknown_framework', { frameworkId: F })
  })

  it('refuses a closed framework: framework_not_open', () => {
    given([
      ...openedFrameworkEvents(),
      {
        type: 'FrameworkClosed',
        data: { frameworkId: F, closedOn: '2025-06-01', reason: 'terminated' },
      },
    ])
      .when(addHolder(SIRETS.holder3))
      .thenRejects('framework_not_open', { frameworkId: F, closedOn: '2025-06-01' })
  })

  it('refuses a holder that is not a SIRET', () => {
    given(openedFrameworkEvents())
      .when(addHolder('91000000000019'))
      .thenRejects('invalid_command', { path: 'holderId' })
  })
})
