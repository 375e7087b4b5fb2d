import { describe, expect, it } from 'vitest'
import {
  given,
  SpecificationFailure,
  SPECIFICATION_TODAY,
  undefinedMemberPath,
} from './decider-specification.js'
import {
  awardedContractEvents,
  awardContractCommand,
  contractFixture,
} from './fixtures/awarded-contract.js'
import { FRAMEWORK, openedFrameworkEvents } from './fixtures/opened-framework.js'
import { SIRETS } from './fixtures/sirets.js'

const allocate = (amount: string, on?: string) => ({
  type: 'Allocate' as const,
  commandId: 'allocate',
  frameworkId: FRAMEWORK.frameworkId,
  beneficiaryId: SIRETS.beneficiaryB,
  amount,
  ...(on === undefined ? {} : { on }),
})

const granted = (amount: string, allocatedOn: string) => ({
  type: 'AllocationGranted' as const,
  data: {
    frameworkId: FRAMEWORK.frameworkId,
    beneficiaryId: SIRETS.beneficiaryB,
    amount,
    allocatedOn,
  },
})

describe('given/when/then for deciders', () => {
  it('passes when the decided events are the expected ones, comparing amounts by value', () => {
    const events = given(openedFrameworkEvents())
      .when(allocate('10', '2025-02-01'))
      .then([granted('10', '2025-02-01')])
    expect(events).toEqual([granted('10.00', '2025-02-01')])
  })

  it('decides on today when the command names no date', () => {
    given(openedFrameworkEvents())
      .when(allocate('10'))
      .then([granted('10.00', SPECIFICATION_TODAY)])
    given(openedFrameworkEvents())
      .when(allocate('10'), { today: '2026-03-04' })
      .then([granted('10.00', '2026-03-04')])
  })

  it('throws a diff naming the first differing field when the events differ', () => {
    const spec = given(openedFrameworkEvents()).when(allocate('10', '2025-02-01'))
    expect(() => spec.then([granted('11', '2025-02-01')])).toThrow(SpecificationFailure)
    expect(() => spec.then([granted('11', '2025-02-01')])).toThrow(
      /first difference at \[0\]\.data\.amount: expected "11\.00", found "10\.00"/,
    )
    expect(() => spec.then([])).toThrow(/expected 0 event\(s\), found 1/)
  })

  it('throws when events were expected and the command was refused, and the reverse', () => {
    expect(() =>
      given(openedFrameworkEvents())
        .when(allocate('5000000', '2025-02-01'))
        .then([granted('5000000', '2025-02-01')]),
    ).toThrow(/it was refused: over_allocation/)
    expect(() =>
      given(openedFrameworkEvents())
        .when(allocate('1', '2025-02-01'))
        .thenRejects('over_allocation'),
    ).toThrow(/Expected the command to be refused with over_allocation, but it was accepted/)
  })

  it('checks the rejection code and every detail given', () => {
    const spec = given(openedFrameworkEvents()).when(allocate('5000000', '2025-02-01'))
    const rejection = spec.thenRejects('over_allocation', {
      limit: '1000000.00',
      attempted: '5000000.00',
    })
    expect(rejection.message).toMatch(/maximum/)
    expect(() => spec.thenRejects('allocation_in_use')).toThrow(
      /Expected rejection allocation_in_use, found over_allocation/,
    )
    expect(() => spec.thenRejects('over_allocation', { limit: '999.00' })).toThrow(
      /differs at limit: expected "999\.00", found "1000000\.00"/,
    )
  })

  it('turns a command its schema refuses into invalid_command with the path', () => {
    given(openedFrameworkEvents())
      .when({ ...allocate('10'), amount: '10.001' })
      .thenRejects('invalid_command', { path: 'amount' })
    given(openedFrameworkEvents())
      .when({ ...allocate('10'), note: 'x' } as never)
      .thenRejects('invalid_command', { path: 'note' })
  })

  it('refuses a given event that its schema refuses', () => {
    expect(() => given([granted('-5', '2025-02-01')])).toThrow(
      /given event #1 \(AllocationGranted\) is not a valid event/,
    )
  })

  it('loads only the streams the command targets, by id', () => {
    const mine = contractFixture({ contractId: 'MS-1', amount: '1000' })
    const other = contractFixture({ contractId: 'MS-2', amount: '9000' })
    const history = [
      ...openedFrameworkEvents(),
      ...awardedContractEvents(mine),
      ...awardedContractEvents(other),
    ]
    // Only MS-1's 1 000 € can be certified: MS-2's events belong to another stream.
    given(history)
      .when({
        type: 'CertifyService',
        commandId: 'certify',
        contractId: 'MS-1',
        serviceId: 's-1',
        amount: '1000.01',
        certifiedOn: '2025-04-01',
      })
      .thenRejects('service_exceeds_commitment', { limit: '1000.00' })
    // A framework with another id is a stream of its own, which has no event.
    given(history)
      .when(awardContractCommand(contractFixture({ contractId: 'MS-3', frameworkId: 'AC-OTHER' })))
      .thenRejects('unknown_framework', { frameworkId: 'AC-OTHER' })
  })

  it('finds a decided member set to undefined, at any depth, for the failure it reports', () => {
    expect(undefinedMemberPath({ a: '1', b: { c: 2 } }, 'data')).toBeUndefined()
    expect(undefinedMemberPath({ a: '1', b: undefined }, 'data')).toBe('data.b')
    expect(undefinedMemberPath({ period: { from: 'x', to: undefined } }, 'data')).toBe(
      'data.period.to',
    )
    expect(undefinedMemberPath({ items: [{ unit: undefined }] }, 'data')).toBe('data.items[0].unit')
  })
})
