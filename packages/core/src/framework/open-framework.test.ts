import { FRAMEWORK, given, openedFrameworkEvents, SIRETS } from '@plafond/testing'
import { describe, it } from 'vitest'
import { DEFAULT_ALERT_THRESHOLDS } from './open-framework.js'

const open = (overrides: Record<string, unknown> = {}) => ({
  type: 'OpenFramework' as const,
  commandId: 'open',
  frameworkId: 'AC-NEW',
  title: 'Agile product teams',
  buyerId: SIRETS.buyer,
  estimate: '195000000',
  maximum: '495000000',
  startsOn: '2025-10-01',
  endsOn: '2029-09-30',
  maxHolders: 7,
  ...overrides,
})

const opened = (overrides: Record<string, unknown> = {}) => ({
  type: 'FrameworkOpened' as const,
  data: {
    frameworkId: 'AC-NEW',
    title: 'Agile product teams',
    buyerId: SIRETS.buyer,
    estimate: '195000000.00',
    maximum: '495000000.00',
    startsOn: '2025-10-01',
    endsOn: '2029-09-30',
    maxHolders: 7,
    alertThresholds: {
      estimate: [...DEFAULT_ALERT_THRESHOLDS.estimate],
      maximum: [...DEFAULT_ALERT_THRESHOLDS.maximum],
      allocation: [...DEFAULT_ALERT_THRESHOLDS.allocation],
    },
    ...overrides,
  },
})

describe('OpenFramework', () => {
  it('opens a framework with its figures and the default alert thresholds', () => {
    given([]).when(open()).then([opened()])
  })

  it('records the optional CPV, minimum and justification when given', () => {
    given([])
      .when(
        open({
          cpv: '72000000-5',
          minimum: '1000000',
          endsOn: '2030-09-30',
          durationJustification: 'Amortisation of the platform over 5 years',
        }),
      )
      .then([
        opened({
          cpv: '72000000-5',
          minimum: '1000000.00',
          endsOn: '2030-09-30',
          durationJustification: 'Amortisation of the platform over 5 years',
        }),
      ])
  })

  it('keeps configured alert thresholds, sorted and without repeats', () => {
    given([])
      .when(open({ alertThresholds: { estimate: [75, 25, 25], allocation: [100, 50] } }))
      .then([
        opened({
          alertThresholds: {
            estimate: [25, 75],
            maximum: [...DEFAULT_ALERT_THRESHOLDS.maximum],
            allocation: [50, 100],
          },
        }),
      ])
  })

  it('accepts an estimate equal to the maximum and a minimum equal to the estimate', () => {
    given([])
      .when(open({ estimate: '100', maximum: '100', minimum: '100' }))
      .then([opened({ estimate: '100.00', maximum: '100.00', minimum: '100.00' })])
  })

  it('refuses an id already used: framework_exists', () => {
    given(openedFrameworkEvents())
      .when(open({ frameworkId: FRAMEWORK.frameworkId }))
      .thenRejects('framework_exists', { frameworkId: FRAMEWORK.frameworkId })
  })

  it('refuses an estimate of zero', () => {
    given([])
      .when(open({ estimate: '0' }))
      .thenRejects('invalid_command', { path: 'estimate' })
  })

  it('refuses an estimate above the maximum (R2162-4)', () => {
    given([])
      .when(open({ estimate: '495000000.01' }))
      .thenRejects('invalid_command', { path: 'maximum' })
  })

  it('refuses a minimum above the estimate', () => {
    given([])
      .when(open({ minimum: '195000000.01' }))
      .thenRejects('invalid_command', { path: 'minimum' })
  })

  it('refuses a validity that does not end after it starts', () => {
    given([])
      .when(open({ endsOn: '2025-10-01' }))
      .thenRejects('invalid_command', { path: 'endsOn' })
    given([])
      .when(open({ endsOn: '2025-09-30' }))
      .thenRejects('invalid_command', { path: 'endsOn' })
  })

  it('accepts exactly 4 years and refuses one day more unless justified (L2125-1)', () => {
    given([])
      .when(open({ endsOn: '2029-09-30' }))
      .then([opened({ endsOn: '2029-09-30' })])
    given([])
      .when(open({ endsOn: '2029-10-01' }))
      .thenRejects('invalid_command', { path: 'durationJustification' })
    given([])
      .when(open({ endsOn: '2029-10-01', durationJustification: 'Exceptional investment' }))
      .then([opened({ endsOn: '2029-10-01', durationJustification: 'Exceptional investment' })])
  })

  it('counts 4 years from 29 February to 28 February', () => {
    given([])
      .when(open({ startsOn: '2024-02-29', endsOn: '2028-02-28' }))
      .then([opened({ startsOn: '2024-02-29', endsOn: '2028-02-28' })])
    given([])
      .when(open({ startsOn: '2024-02-29', endsOn: '2028-02-29' }))
      .thenRejects('invalid_command', { path: 'durationJustification' })
  })

  // Found by the issue-4 tests: a malformed amount reached the cross-field checks and threw.
  it('refuses a malformed amount as invalid_command, without throwing', () => {
    given([])
      .when(open({ estimate: '1.234' }))
      .thenRejects('invalid_command', { path: 'estimate' })
    given([])
      .when(open({ maximum: 'lots' }))
      .thenRejects('invalid_command', { path: 'maximum' })
    given([])
      .when(open({ minimum: '-1' }))
      .thenRejects('invalid_command', { path: 'minimum' })
  })

  it('refuses a buyer that is not a SIRET, and thresholds out of 1..100', () => {
    given([])
      .when(open({ buyerId: '13002526500014' }))
      .thenRejects('invalid_command', { path: 'buyerId' })
    given([])
      .when(open({ alertThresholds: { maximum: [0] } }))
      .thenRejects('invalid_command', { path: 'alertThresholds.maximum.0' })
    given([])
      .when(open({ maxHolders: 0 }))
      .thenRejects('invalid_command', { path: 'maxHolders' })
  })
})
