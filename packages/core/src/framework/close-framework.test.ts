import { FRAMEWORK, given, openedFrameworkEvents } from '@plafond/testing'
import { describe, it } from 'vitest'

const F = FRAMEWORK.frameworkId

const close = (overrides: Record<string, unknown> = {}) => ({
  type: 'CloseFramework' as const,
  commandId: 'close',
  frameworkId: F,
  closedOn: '2026-06-30',
  reason: 'terminated' as const,
  ...overrides,
})

const closed = (closedOn = '2026-06-30', reason = 'terminated' as const) => ({
  type: 'FrameworkClosed' as const,
  data: { frameworkId: F, closedOn, reason },
})

describe('CloseFramework', () => {
  it('closes the framework with its reason', () => {
    given(openedFrameworkEvents()).when(close()).then([closed()])
    given(openedFrameworkEvents())
      .when(close({ closedOn: '2028-12-31', reason: 'expired' }))
      .then([
        {
          type: 'FrameworkClosed',
          data: { frameworkId: F, closedOn: '2028-12-31', reason: 'expired' },
        },
      ])
  })

  it('may close on the day it starts, not before: invalid_dates', () => {
    given(openedFrameworkEvents())
      .when(close({ closedOn: '2025-01-01' }))
      .then([closed('2025-01-01')])
    given(openedFrameworkEvents())
      .when(close({ closedOn: '2024-12-31' }))
      .thenRejects('invalid_dates', {
        field: 'closedOn',
        limit: '2025-01-01',
        attempted: '2024-12-31',
      })
  })

  it('closes once: framework_not_open', () => {
    given([...openedFrameworkEvents(), closed()])
      .when(close({ closedOn: '2026-07-01' }))
      .thenRejects('framework_not_open', { frameworkId: F, closedOn: '2026-06-30' })
  })

  it('refuses an unknown framework: unknown_framework', () => {
    given([]).when(close()).thenRejects('unknown_framework', { frameworkId: F })
  })

  it('refuses an unknown reason', () => {
    given(openedFrameworkEvents())
      .when(close({ reason: 'bored' }))
      .thenRejects('invalid_command', { path: 'reason' })
  })
})
