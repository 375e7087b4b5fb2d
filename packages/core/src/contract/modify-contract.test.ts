import {
  awardedContractEvents,
  contractFixture,
  FRAMEWORK,
  frameworkFixture,
  given,
  openedFrameworkEvents,
  SIRETS,
} from '@plafond/testing'
import { describe, it } from 'vitest'
import type { DomainEvent } from '../events/event-catalogue.js'

const F = FRAMEWORK.frameworkId
const B = SIRETS.beneficiaryB
const C = SIRETS.beneficiaryC
const REASON = 'Scope extended after the first release'

type Basis = 'R2194-1' | 'R2194-2' | 'R2194-5' | 'R2194-6' | 'R2194-7' | 'R2194-8'

interface Details {
  readonly contractId?: string
  readonly modificationId?: string
  readonly notifiedOn?: string
  readonly newHolderId?: string
}

// MS-1: a subsequent contract of 100 000 € awarded to holder 1 for B on 2025-03-01; B has
// 600 000 € allocated.
const awarded = [...openedFrameworkEvents(), ...awardedContractEvents(contractFixture())]

const modify = (delta: string, legalBasis: Basis, overrides: Record<string, unknown> = {}) => ({
  type: 'ModifyContract' as const,
  commandId: 'modify',
  contractId: 'MS-1',
  modificationId: 'M-1',
  delta,
  legalBasis,
  notifiedOn: '2025-04-01',
  reason: REASON,
  ...overrides,
})

const commitmentModified = (delta: string, d: Details = {}): DomainEvent => ({
  type: 'CommitmentModified',
  data: {
    frameworkId: F,
    contractId: d.contractId ?? 'MS-1',
    beneficiaryId: B,
    modificationId: d.modificationId ?? 'M-1',
    delta,
    notifiedOn: d.notifiedOn ?? '2025-04-01',
  },
})

const contractModified = (
  delta: string,
  legalBasis: Basis,
  newAmount: string,
  d: Details = {},
): DomainEvent => ({
  type: 'ContractModified',
  data: {
    contractId: d.contractId ?? 'MS-1',
    modificationId: d.modificationId ?? 'M-1',
    delta,
    legalBasis,
    notifiedOn: d.notifiedOn ?? '2025-04-01',
    reason: REASON,
    newAmount,
    ...(d.newHolderId === undefined ? {} : { newHolderId: d.newHolderId }),
  },
})

/** Both events of a modification of the amount, framework side then contract side. */
const modified = (delta: string, legalBasis: Basis, newAmount: string, d: Details = {}) => [
  commitmentModified(delta, d),
  contractModified(delta, legalBasis, newAmount, d),
]

describe('ModifyContract', () => {
  describe('the legal bases with no money rule beyond the ceiling: R2194-1 and R2194-7', () => {
    it('increases the amount on both streams, with the new total (R2194-1: a clause foreseen)', () => {
      given(awarded)
        .when(modify('20000', 'R2194-1'))
        .then(modified('20000.00', 'R2194-1', '120000.00'))
    })

    it('decreases the amount on both streams (R2194-7: non-substantial)', () => {
      given(awarded)
        .when(modify('-20000', 'R2194-7'))
        .then(modified('-20000.00', 'R2194-7', '80000.00'))
    })

    it('accepts an increase far past 50 % when the allocation allows it', () => {
      given(awarded)
        .when(modify('60000', 'R2194-1'))
        .then(modified('60000.00', 'R2194-1', '160000.00'))
    })
  })

  describe.each(['R2194-2', 'R2194-5'] as const)(
    '%s: each modification at most 50 %% of the initial amount (R2194-3)',
    (basis) => {
      it('accepts exactly 50 %, up and down', () => {
        given(awarded)
          .when(modify('50000', basis))
          .then(modified('50000.00', basis, '150000.00'))
        given(awarded)
          .when(modify('-50000', basis))
          .then(modified('-50000.00', basis, '50000.00'))
      })

      it('refuses one cent over, naming the limit and the attempted figure: modification_limit_exceeded', () => {
        given(awarded).when(modify('50000.01', basis)).thenRejects('modification_limit_exceeded', {
          contractId: 'MS-1',
          legalBasis: basis,
          limit: '50000.00',
          attempted: '50000.01',
        })
        given(awarded)
          .when(modify('-50000.01', basis))
          .thenRejects('modification_limit_exceeded', { limit: '50000.00', attempted: '50000.01' })
      })

      it('does not cumulate: each is measured against the initial amount, not the current one', () => {
        const history = [
          ...awarded,
          ...modified('50000', basis, '150000', { modificationId: 'M-0' }),
        ]
        given(history)
          .when(modify('50000', basis))
          .then(modified('50000.00', basis, '200000.00'))
        given(history)
          .when(modify('50000.01', basis))
          .thenRejects('modification_limit_exceeded', { limit: '50000.00' })
      })

      it('keeps 50 % exact on an odd number of cents: half a cent is not rounded away', () => {
        const odd = [
          ...openedFrameworkEvents(),
          ...awardedContractEvents(contractFixture({ amount: '100000.01' })),
        ]
        given(odd)
          .when(modify('50000.00', basis))
          .then(modified('50000.00', basis, '150000.01'))
        given(odd)
          .when(modify('50000.01', basis))
          .thenRejects('modification_limit_exceeded', { attempted: '50000.01' })
      })
    },
  )

  describe('R2194-8: small modifications, cumulated in absolute value (R2194-9)', () => {
    it('accepts a cumul just under 10 % of the initial amount, and refuses 10 % itself', () => {
      given(awarded)
        .when(modify('9999.99', 'R2194-8'))
        .then(modified('9999.99', 'R2194-8', '109999.99'))
      given(awarded).when(modify('10000', 'R2194-8')).thenRejects('modification_limit_exceeded', {
        contractId: 'MS-1',
        legalBasis: 'R2194-8',
        limit: '9999.99',
        attempted: '10000.00',
      })
      given(awarded)
        .when(modify('-10000', 'R2194-8'))
        .thenRejects('modification_limit_exceeded', { limit: '9999.99', attempted: '10000.00' })
    })

    it('adds decreases to increases rather than netting them', () => {
      // +6 000 then −3 000: the cumul is 9 000 €, not 3 000 €.
      const history = [
        ...awarded,
        ...modified('6000', 'R2194-8', '106000', { modificationId: 'M-a' }),
        ...modified('-3000', 'R2194-8', '103000', { modificationId: 'M-b' }),
      ]
      given(history)
        .when(modify('999.99', 'R2194-8'))
        .then(modified('999.99', 'R2194-8', '103999.99'))
      given(history)
        .when(modify('-999.99', 'R2194-8'))
        .then(modified('-999.99', 'R2194-8', '102000.01'))
      given(history)
        .when(modify('1000', 'R2194-8'))
        .thenRejects('modification_limit_exceeded', { limit: '9999.99', attempted: '10000.00' })
      given(history)
        .when(modify('-1000', 'R2194-8'))
        .thenRejects('modification_limit_exceeded', { limit: '9999.99', attempted: '10000.00' })
    })

    it('counts only R2194-8 modifications in the cumul, and measures 10 % of the initial amount', () => {
      // The amount is now 180 000 €, but 10 % of the initial 100 000 € is still the limit.
      const history = [
        ...awarded,
        ...modified('50000', 'R2194-2', '150000', { modificationId: 'M-a' }),
        ...modified('20000', 'R2194-1', '170000', { modificationId: 'M-b' }),
        ...modified('-5000', 'R2194-7', '165000', { modificationId: 'M-c' }),
        ...modified('15000', 'R2194-5', '180000', { modificationId: 'M-d' }),
      ]
      given(history)
        .when(modify('9999.99', 'R2194-8'))
        .then(modified('9999.99', 'R2194-8', '189999.99'))
      given(history)
        .when(modify('10000', 'R2194-8'))
        .thenRejects('modification_limit_exceeded', { limit: '9999.99', attempted: '10000.00' })
    })

    describe('under the EU threshold in force on the notification date, strictly', () => {
      // MS-1 here is 1 500 000 €: 10 % (150 000 €) is above the threshold, which binds instead.
      const LARGE = frameworkFixture({
        estimate: '10000000',
        maximum: '20000000',
        beneficiaries: [
          { beneficiaryId: B, name: 'Beneficiary B (synthetic)', allocation: '10000000' },
        ],
      })
      const large = [
        ...openedFrameworkEvents(LARGE),
        ...awardedContractEvents(contractFixture({ amount: '1500000' })),
      ]
      const on = (notifiedOn: string) => ({ notifiedOn })

      it('uses 143 000 € for a notification in 2024-2025', () => {
        given(large)
          .when(modify('142999.99', 'R2194-8', on('2025-12-31')))
          .then(modified('142999.99', 'R2194-8', '1642999.99', on('2025-12-31')))
        given(large)
          .when(modify('143000', 'R2194-8', on('2025-12-31')))
          .thenRejects('modification_limit_exceeded', {
            legalBasis: 'R2194-8',
            limit: '142999.99',
            attempted: '143000.00',
          })
      })

      it('uses 140 000 € for a notification in 2026-2027', () => {
        given(large)
          .when(modify('139999.99', 'R2194-8', on('2026-01-01')))
          .then(modified('139999.99', 'R2194-8', '1639999.99', on('2026-01-01')))
        given(large)
          .when(modify('140000', 'R2194-8', on('2026-01-01')))
          .thenRejects('modification_limit_exceeded', {
            limit: '139999.99',
            attempted: '140000.00',
          })
        // 142 000 € passed in 2025, not in 2026.
        given(large)
          .when(modify('-142000', 'R2194-8', on('2025-12-31')))
          .then(modified('-142000.00', 'R2194-8', '1358000.00', on('2025-12-31')))
        given(large)
          .when(modify('-142000', 'R2194-8', on('2027-12-31')))
          .thenRejects('modification_limit_exceeded', {
            limit: '139999.99',
            attempted: '142000.00',
          })
      })

      it('judges the whole cumul, earlier notifications included, on the threshold of the new one', () => {
        const history = [
          ...large,
          ...modified('100000', 'R2194-8', '1600000', {
            modificationId: 'M-2025',
            notifiedOn: '2025-06-01',
          }),
        ]
        given(history)
          .when(modify('39999.99', 'R2194-8', on('2026-02-01')))
          .then(modified('39999.99', 'R2194-8', '1639999.99', on('2026-02-01')))
        given(history)
          .when(modify('40000', 'R2194-8', on('2026-02-01')))
          .thenRejects('modification_limit_exceeded', {
            limit: '139999.99',
            attempted: '140000.00',
          })
        given(history)
          .when(modify('42999.99', 'R2194-8', on('2025-07-01')))
          .then(modified('42999.99', 'R2194-8', '1642999.99', on('2025-07-01')))
      })

      it('reads the threshold from the table the caller gives, so that it can be extended', () => {
        const extended = [
          { from: '2024-01-01', amount: '143000.00', source: 'Regulation (EU) 2023/2495' },
          { from: '2026-01-01', amount: '140000.00', source: 'CCP annexe 2' },
          { from: '2028-01-01', amount: '145000.00', source: 'a future revision (test data)' },
        ]
        given(large)
          .when(modify('144999.99', 'R2194-8', on('2028-01-01')), { euThresholds: extended })
          .then(modified('144999.99', 'R2194-8', '1644999.99', on('2028-01-01')))
        given(large)
          .when(modify('145000', 'R2194-8', on('2028-01-01')), { euThresholds: extended })
          .thenRejects('modification_limit_exceeded', { limit: '144999.99' })
        given(large)
          .when(modify('144999.99', 'R2194-8', on('2027-12-31')), { euThresholds: extended })
          .thenRejects('modification_limit_exceeded', { limit: '139999.99' })
      })
    })
  })

  describe('R2194-6: a new holder after a merger or a succession', () => {
    const succeeded: DomainEvent = {
      type: 'HolderSucceeded',
      data: {
        frameworkId: F,
        holderId: SIRETS.holder1,
        successorId: SIRETS.holder3,
        successorName: 'Holder Three (synthetic)',
        succeededOn: '2025-03-20',
        reason: 'Holder One was absorbed by Holder Three',
      },
    }

    it('moves the contract to the current successor, on the contract stream only, amount unchanged', () => {
      given([...awarded, succeeded])
        .when(modify('0', 'R2194-6', { newHolderId: SIRETS.holder3 }))
        .then([contractModified('0.00', 'R2194-6', '100000.00', { newHolderId: SIRETS.holder3 })])
    })

    it('refuses a new holder that is not a current holder of the framework: unknown_holder', () => {
      given(awarded)
        .when(modify('0', 'R2194-6', { newHolderId: SIRETS.holder3 }))
        .thenRejects('unknown_holder', { frameworkId: F, holderId: SIRETS.holder3 })
      // The holder that was succeeded is no longer current either.
      given([...awarded, succeeded])
        .when(modify('0', 'R2194-6', { newHolderId: SIRETS.holder1 }))
        .thenRejects('unknown_holder', { holderId: SIRETS.holder1 })
    })

    it('refuses a current holder that did not succeed the contract holder: unknown_holder', () => {
      given([...awarded, succeeded])
        .when(modify('0', 'R2194-6', { newHolderId: SIRETS.holder2 }))
        .thenRejects('unknown_holder', { holderId: SIRETS.holder2, successors: [SIRETS.holder3] })
    })

    it('follows successive successions to the holder that is current now', () => {
      const again: DomainEvent = {
        type: 'HolderSucceeded',
        data: {
          ...succeeded.data,
          holderId: SIRETS.holder3,
          successorId: SIRETS.holder2,
          succeededOn: '2025-04-01',
        },
      }
      given([...awarded, succeeded, again])
        .when(modify('0', 'R2194-6', { newHolderId: SIRETS.holder2 }))
        .then([contractModified('0.00', 'R2194-6', '100000.00', { newHolderId: SIRETS.holder2 })])
      // holder3 succeeded holder1 but was itself succeeded: no longer current.
      given([...awarded, succeeded, again])
        .when(modify('0', 'R2194-6', { newHolderId: SIRETS.holder3 }))
        .thenRejects('unknown_holder', { holderId: SIRETS.holder3 })
    })

    it('refuses a change of amount with the succession, naming the limit of zero: modification_limit_exceeded', () => {
      given([...awarded, succeeded])
        .when(modify('1', 'R2194-6', { newHolderId: SIRETS.holder3 }))
        .thenRejects('modification_limit_exceeded', {
          legalBasis: 'R2194-6',
          limit: '0.00',
          attempted: '1.00',
        })
      given([...awarded, succeeded])
        .when(modify('-0.01', 'R2194-6', { newHolderId: SIRETS.holder3 }))
        .thenRejects('modification_limit_exceeded', { limit: '0.00', attempted: '0.01' })
    })
  })

  describe('an increase also passes the allocation and the ceiling', () => {
    it('takes B up to its allocation exactly, and raises the alerts it crosses', () => {
      // 100 000 + 500 000 = 600 000 €: 60 % of the estimate (1 000 000), 100 % of B's allocation.
      given(awarded)
        .when(modify('500000', 'R2194-1'))
        .then([
          commitmentModified('500000.00'),
          ...[50].map((percent): DomainEvent => ({
            type: 'ThresholdCrossed',
            data: {
              frameworkId: F,
              scope: 'estimate',
              percent,
              reference: '1000000.00',
              committed: '600000.00',
              crossedOn: '2025-04-01',
              contractId: 'MS-1',
            },
          })),
          ...[90, 100].map((percent): DomainEvent => ({
            type: 'ThresholdCrossed',
            data: {
              frameworkId: F,
              scope: 'allocation',
              beneficiaryId: B,
              percent,
              reference: '600000.00',
              committed: '600000.00',
              crossedOn: '2025-04-01',
              contractId: 'MS-1',
            },
          })),
          contractModified('500000.00', 'R2194-1', '600000.00'),
        ])
    })

    it('raises no alert on a decrease', () => {
      const high = [
        ...openedFrameworkEvents(),
        ...awardedContractEvents(contractFixture({ amount: '400000' })),
      ]
      given(high)
        .when(modify('-100000', 'R2194-7'))
        .then(modified('-100000.00', 'R2194-7', '300000.00'))
    })

    it('refuses more than B has left of its allocation (invariant 2): allocation_exceeded', () => {
      given(awarded).when(modify('500000.01', 'R2194-1')).thenRejects('allocation_exceeded', {
        beneficiaryId: B,
        allocated: '600000.00',
        committed: '100000.00',
        limit: '500000.00',
        attempted: '500000.01',
      })
    })

    describe('once the framework reached its maximum (CJEU C-23/20 §68)', () => {
      // Maximum 1 000 000 €, all of it allocated (B 600 000, C 400 000), no alert thresholds.
      const TIGHT = frameworkFixture({
        estimate: '500000',
        maximum: '1000000',
        alertThresholds: { estimate: [], maximum: [], allocation: [] },
      })
      const start = [
        ...openedFrameworkEvents(TIGHT),
        ...awardedContractEvents(contractFixture()),
        ...awardedContractEvents(contractFixture({ contractId: 'MS-2', amount: '50000' })),
        ...awardedContractEvents(
          contractFixture({ contractId: 'MS-C', beneficiaryId: C, amount: '400000' }),
        ),
      ]

      it('emits CeilingReached when an increase reaches it', () => {
        given(start)
          .when(modify('450000', 'R2194-1'))
          .then([
            commitmentModified('450000.00'),
            {
              type: 'CeilingReached',
              data: {
                frameworkId: F,
                maximum: '1000000.00',
                committed: '1000000.00',
                reachedOn: '2025-04-01',
                contractId: 'MS-1',
              },
            },
            contractModified('450000.00', 'R2194-1', '550000.00'),
          ])
      })

      it('refuses every later increase, even when closing gave allocation back: framework_ceiling_exceeded', () => {
        const exhausted = [
          ...start,
          ...modified('450000', 'R2194-1', '550000', { modificationId: 'M-0' }),
          {
            type: 'CeilingReached',
            data: {
              frameworkId: F,
              maximum: '1000000.00',
              committed: '1000000.00',
              reachedOn: '2025-04-01',
              contractId: 'MS-1',
            },
          },
          {
            type: 'CommitmentReleased',
            data: {
              frameworkId: F,
              contractId: 'MS-1',
              beneficiaryId: B,
              amount: '550000',
              closedOn: '2025-05-01',
            },
          },
          {
            type: 'ContractClosed',
            data: { contractId: 'MS-1', closedOn: '2025-05-01', released: '550000' },
          },
        ] as DomainEvent[]
        const onMs2 = { contractId: 'MS-2', notifiedOn: '2025-06-01' }
        given(exhausted)
          .when(modify('0.01', 'R2194-1', onMs2))
          .thenRejects('framework_ceiling_exceeded', {
            frameworkId: F,
            limit: '0.00',
            attempted: '0.01',
          })
        // The exhausted framework is named before the allocation.
        given(exhausted)
          .when(modify('600000', 'R2194-1', onMs2))
          .thenRejects('framework_ceiling_exceeded', { attempted: '600000.00' })
        // Decreases stay possible.
        given(exhausted)
          .when(modify('-10000', 'R2194-7', onMs2))
          .then(modified('-10000.00', 'R2194-7', '40000.00', onMs2))
      })
    })

    it('checks the maximum itself even if allocations were above it (a state invariant 1 forbids)', () => {
      const inconsistent = [
        ...awarded,
        {
          type: 'AllocationGranted',
          data: { frameworkId: F, beneficiaryId: B, amount: '2000000', allocatedOn: '2025-01-01' },
        },
      ] as DomainEvent[]
      // Maximum 2 000 000 €, 100 000 € committed: 1 900 000 € of headroom.
      given(inconsistent)
        .when(modify('1900000.01', 'R2194-1'))
        .thenRejects('framework_ceiling_exceeded', {
          maximum: '2000000.00',
          committed: '100000.00',
          limit: '1900000.00',
          attempted: '1900000.01',
        })
    })
  })

  describe('a decrease never goes below what was certified, ordered or invoiced (invariant 4)', () => {
    const line = (type: 'ServiceCertified' | 'OrderIssued' | 'InvoiceRecorded', amount: string) =>
      ({
        ServiceCertified: {
          type,
          data: { contractId: 'MS-1', serviceId: 'S-1', amount, certifiedOn: '2025-03-10' },
        },
        OrderIssued: {
          type,
          data: { contractId: 'MS-1', orderId: 'O-1', amount, issuedOn: '2025-03-10' },
        },
        InvoiceRecorded: {
          type,
          data: {
            contractId: 'MS-1',
            invoiceId: 'I-1',
            amount,
            vat: '0',
            receivedOn: '2025-03-10',
          },
        },
      })[type] as DomainEvent

    it.each([
      ['ServiceCertified', 'service_exceeds_commitment'],
      ['OrderIssued', 'order_exceeds_contract'],
      ['InvoiceRecorded', 'invoice_exceeds_commitment'],
    ] as const)('stops at what %s recorded: %s', (type, code) => {
      const history = [...awarded, line(type, '60000')]
      given(history)
        .when(modify('-40000', 'R2194-7'))
        .then(modified('-40000.00', 'R2194-7', '60000.00'))
      given(history).when(modify('-40000.01', 'R2194-7')).thenRejects(code, {
        contractId: 'MS-1',
        limit: '60000.00',
        attempted: '59999.99',
      })
    })

    it('checks certified, then ordered, then invoiced', () => {
      const history = [
        ...awarded,
        line('ServiceCertified', '60000'),
        line('OrderIssued', '70000'),
        line('InvoiceRecorded', '80000'),
      ]
      given(history)
        .when(modify('-20000.01', 'R2194-7'))
        .thenRejects('invoice_exceeds_commitment', { limit: '80000.00' })
      given(history)
        .when(modify('-30000.01', 'R2194-7'))
        .thenRejects('order_exceeds_contract', { limit: '70000.00' })
      given(history)
        .when(modify('-40000.01', 'R2194-7'))
        .thenRejects('service_exceeds_commitment', { limit: '60000.00' })
    })

    it('never takes the amount below zero', () => {
      given(awarded)
        .when(modify('-100000.01', 'R2194-7'))
        .thenRejects('service_exceeds_commitment', { limit: '0.00', attempted: '-0.01' })
      given(awarded)
        .when(modify('-100000', 'R2194-7'))
        .then(modified('-100000.00', 'R2194-7', '0.00'))
    })

    it('applies the legal basis rule before the floors', () => {
      given([...awarded, line('ServiceCertified', '100000')])
        .when(modify('-60000', 'R2194-2'))
        .thenRejects('modification_limit_exceeded', { limit: '50000.00' })
    })
  })

  it('stays possible after the framework closed: a modification is not a call-off', () => {
    const closed = {
      type: 'FrameworkClosed' as const,
      data: { frameworkId: F, closedOn: '2025-03-31', reason: 'terminated' as const },
    }
    given([...awarded, closed])
      .when(modify('1000', 'R2194-1'))
      .then(modified('1000.00', 'R2194-1', '101000.00'))
  })

  it('refuses a modification id already recorded on the contract: modification_exists', () => {
    given([...awarded, ...modified('1000', 'R2194-1', '101000')])
      .when(modify('1000', 'R2194-1', { commandId: 'again' }))
      .thenRejects('modification_exists', { contractId: 'MS-1', modificationId: 'M-1' })
  })

  it('refuses a closed contract: contract_closed', () => {
    const closed = [
      ...awarded,
      {
        type: 'ContractClosed' as const,
        data: { contractId: 'MS-1', closedOn: '2025-05-01', released: '100000' },
      },
    ]
    given(closed)
      .when(modify('-1', 'R2194-7'))
      .thenRejects('contract_closed', { contractId: 'MS-1', closedOn: '2025-05-01' })
  })

  it('may be notified on the award date, never before it: invalid_dates', () => {
    given(awarded)
      .when(modify('1', 'R2194-1', { notifiedOn: '2025-03-01' }))
      .then(modified('1.00', 'R2194-1', '100001.00', { notifiedOn: '2025-03-01' }))
    given(awarded)
      .when(modify('1', 'R2194-1', { notifiedOn: '2025-02-28' }))
      .thenRejects('invalid_dates', {
        contractId: 'MS-1',
        field: 'notifiedOn',
        limit: '2025-03-01',
        attempted: '2025-02-28',
      })
  })

  it('refuses an unknown contract: unknown_contract', () => {
    given(awarded)
      .when(modify('1', 'R2194-1', { contractId: 'MS-404' }))
      .thenRejects('unknown_contract', { contractId: 'MS-404' })
  })

  describe('refuses bad input: invalid_command', () => {
    it.each(['0', '0.00', '-0'])('a zero delta (%s) except with R2194-6', (delta) => {
      given(awarded)
        .when(modify(delta, 'R2194-1'))
        .thenRejects('invalid_command', { path: 'delta' })
    })

    it('a new holder without R2194-6, and R2194-6 without one', () => {
      given(awarded)
        .when(modify('1', 'R2194-1', { newHolderId: SIRETS.holder2 }))
        .thenRejects('invalid_command', { path: 'newHolderId' })
      given(awarded)
        .when(modify('0', 'R2194-6'))
        .thenRejects('invalid_command', { path: 'newHolderId' })
    })

    it('a delta that is a number or has a plus sign, an unknown basis, no reason, a bad SIRET', () => {
      given(awarded)
        .when(modify('1', 'R2194-1', { delta: 1000 }))
        .thenRejects('invalid_command', { path: 'delta' })
      given(awarded)
        .when(modify('+1000', 'R2194-1'))
        .thenRejects('invalid_command', { path: 'delta' })
      given(awarded)
        .when(modify('1', 'R2194-1', { legalBasis: 'R2194-4' }))
        .thenRejects('invalid_command', { path: 'legalBasis' })
      given(awarded)
        .when(modify('1', 'R2194-1', { reason: '' }))
        .thenRejects('invalid_command', { path: 'reason' })
      given(awarded)
        .when(modify('0', 'R2194-6', { newHolderId: '91000000000019' }))
        .thenRejects('invalid_command', { path: 'newHolderId' })
    })
  })
})
