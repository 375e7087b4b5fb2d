import type { LedgerEvent } from '@plafond/core'
import { describe, expect, it } from 'vitest'
import { summarizeLedger } from './ledger-summary.js'

const FRAMEWORK = 'AC-T'
const B = '19900101700011'
const H = '89900001200018'

// Only type, data and position matter to the fold; the envelope is filled with placeholders.
function events(list: readonly { type: string; data: object }[]): AsyncIterable<LedgerEvent> {
  return (async function* () {
    let position = 0
    for (const e of list) {
      position += 1
      yield { ...e, position: String(position) } as unknown as LedgerEvent
    }
  })()
}

const opening = [
  {
    type: 'FrameworkOpened',
    data: { frameworkId: FRAMEWORK, estimate: '100.00', maximum: '200.00' },
  },
  { type: 'HolderAdded', data: { holderId: H, name: 'Holder' } },
  { type: 'BeneficiaryAdded', data: { beneficiaryId: B, name: 'Beneficiary' } },
  { type: 'AllocationGranted', data: { beneficiaryId: B, amount: '150.00' } },
  {
    type: 'ContractAwarded',
    data: { contractId: 'C1', beneficiaryId: B, holderId: H, amount: '120.00' },
  },
  { type: 'CommitmentAwarded', data: { beneficiaryId: B, amount: '120.00' } },
  { type: 'ServiceCertified', data: { contractId: 'C1', amount: '80.00' } },
]

describe('summarizeLedger', () => {
  it('folds allocations, commitments, deliveries, payments and closings per beneficiary', async () => {
    const summary = await summarizeLedger(
      events([
        ...opening,
        { type: 'PaymentRecorded', data: { contractId: 'C1', amount: '50.00' } },
        { type: 'ContractClosed', data: { contractId: 'C1' } },
        { type: 'CommitmentReleased', data: { beneficiaryId: B, amount: '40.00' } },
      ]),
    )
    expect(summary.beneficiaries).toEqual([
      {
        id: B,
        name: 'Beneficiary',
        allocated: 15000n,
        committed: 8000n,
        certified: 8000n,
        paid: 5000n,
      },
    ])
    expect(summary.holders).toEqual([
      { id: H, name: 'Holder', contracts: 1, awarded: 12000n, paid: 5000n },
    ])
    expect(summary.released).toBe(4000n)
    expect(summary.breaches).toEqual([])
  })

  it('reports a broken invariant: a payment past what was certified', async () => {
    const summary = await summarizeLedger(
      events([
        ...opening,
        { type: 'PaymentRecorded', data: { contractId: 'C1', amount: '90.00' } },
      ]),
    )
    expect(summary.breaches).toEqual([
      'position 8 (PaymentRecorded): C1 paid past what was certified',
    ])
  })

  it('reports a broken invariant: a beneficiary committing past its allocation', async () => {
    const summary = await summarizeLedger(
      events([
        ...opening,
        { type: 'CommitmentAwarded', data: { beneficiaryId: B, amount: '40.00' } },
      ]),
    )
    expect(summary.breaches).toEqual([
      `position 8 (CommitmentAwarded): ${B} committed more than its allocation`,
    ])
  })

  it('folds purchase orders and products: phase, call-offs, certified spend, latest impact', async () => {
    const indicators = [{ name: 'usagers actifs par mois', value: '1250', unit: 'usagers' }]
    const summary = await summarizeLedger(
      events([
        opening[0]!,
        opening[1]!,
        opening[2]!,
        opening[3]!,
        {
          type: 'ContractAwarded',
          data: { contractId: 'C1', beneficiaryId: B, holderId: H, amount: '120.00', product: 'p' },
        },
        { type: 'CommitmentAwarded', data: { beneficiaryId: B, amount: '120.00' } },
        { type: 'OrderIssued', data: { contractId: 'C1', orderId: 'O1', amount: '70.00' } },
        { type: 'OrderIssued', data: { contractId: 'C1', orderId: 'O2', amount: '50.00' } },
        { type: 'ServiceCertified', data: { contractId: 'C1', amount: '80.00' } },
        {
          type: 'ProductPhaseChanged',
          data: { beneficiaryId: B, product: 'p', phase: 'investigation', changedOn: '2024-01-01' },
        },
        {
          type: 'ProductPhaseChanged',
          data: { beneficiaryId: B, product: 'p', phase: 'construction', changedOn: '2024-04-01' },
        },
        {
          type: 'ImpactRecorded',
          data: { beneficiaryId: B, product: 'p', measuredOn: '2024-06-30', indicators },
        },
      ]),
    )
    expect(summary.orders).toEqual({ count: 2, amount: 12000n, contracts: 1 })
    expect(summary.products).toEqual([
      {
        beneficiaryId: B,
        product: 'p',
        phase: 'construction',
        since: '2024-04-01',
        contracts: 1,
        certified: 8000n,
        measurements: 1,
        lastImpact: { measuredOn: '2024-06-30', indicators },
      },
    ])
    expect(summary.breaches).toEqual([])
  })

  it('reports a broken invariant: orders past the contract amount', async () => {
    const summary = await summarizeLedger(
      events([
        ...opening,
        { type: 'OrderIssued', data: { contractId: 'C1', orderId: 'O1', amount: '120.01' } },
      ]),
    )
    expect(summary.breaches).toEqual(['position 8 (OrderIssued): C1 ordered past its amount'])
  })
})
