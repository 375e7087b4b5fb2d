import { divideHalfUp, formatCents, parseCents, type LedgerEvent } from '@plafond/core'
import { FRAMEWORK, SIRETS } from '@plafond/testing'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { foldProjections } from '../fold/fold-projections.js'
import { bookedLedger } from '../test-support/booked-ledger.js'
import { fieldsOf, sumOf } from '../test-support/direct-sums.js'
import { runScenario, scenarioArbitrary } from '../test-support/ledger-scenario.js'
import {
  contractsProjection,
  LARGE_STATE_IT_PROJECTS_BUDGET_DRIFT,
} from './contracts-projection.js'

describe('contractsProjection', () => {
  test('each call-off’s figures equal a direct fold of its stream', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArbitrary(10, 50), async (scenario) => {
        const { events } = await runScenario(scenario)
        const view = contractsProjection.view(
          foldProjections(events, [contractsProjection]).contracts,
        )
        const awards = events.filter((e) => e.type === 'ContractAwarded')
        expect(view.contracts).toHaveLength(awards.length)
        let initialTotal = 0n
        let amountTotal = 0n
        for (const contract of view.contracts) {
          const stream = events.filter((e) => fieldsOf(e).contractId === contract.contractId)
          const mine = (e: LedgerEvent): boolean => fieldsOf(e).contractId === contract.contractId
          const award = stream.find((e) => e.type === 'ContractAwarded')!
          const modifications = stream.filter((e) => e.type === 'ContractModified')
          const initial = parseCents(fieldsOf(award).amount!)
          const amount = initial + sumOf(stream, 'ContractModified', 'delta')
          const holders = [
            fieldsOf(award).holderId!,
            ...modifications.flatMap((m) => fieldsOf(m).newHolderId ?? []),
          ]
          const closing = stream.find((e) => e.type === 'ContractClosed')
          initialTotal += initial
          amountTotal += amount
          expect(contract).toMatchObject({
            initial: formatCents(initial),
            amount: formatCents(amount),
            driftPercent: formatCents(divideHalfUp((amount - initial) * 10_000n, initial)),
            driftAboveReference: (amount - initial) * 100n > initial * 24n,
            holderId: holders.at(-1),
            orders: stream.filter((e) => e.type === 'OrderIssued').length,
            ordered: formatCents(sumOf(stream, 'OrderIssued', 'amount')),
            certified: formatCents(sumOf(events, 'ServiceCertified', 'amount', mine)),
            invoiced: formatCents(sumOf(events, 'InvoiceRecorded', 'amount', mine)),
            paid: formatCents(sumOf(events, 'PaymentRecorded', 'amount', mine)),
            lateInterest: formatCents(sumOf(events, 'LatePaymentInterestDue', 'amount', mine)),
            status: closing ? 'closed' : 'active',
            released: closing ? fieldsOf(closing).released : '0.00',
          })
          expect(contract.modifications.map((m) => m.newAmount)).toEqual(
            modifications.map((m) => fieldsOf(m).newAmount),
          )
        }
        expect(view.initial).toBe(formatCents(initialTotal))
        expect(view.amount).toBe(formatCents(amountTotal))
      }),
      { numRuns: 15 },
    )
  })

  test('drift is compared with the 24 % average of large State IT projects, exactly', async () => {
    const award = (contractId: string) =>
      ({
        type: 'AwardContract',
        frameworkId: FRAMEWORK.frameworkId,
        contractId,
        beneficiaryId: SIRETS.beneficiaryB,
        holderId: SIRETS.holder1,
        kind: 'subsequent-contract',
        amount: '100000',
        awardedOn: '2025-02-01',
        competition: 'mini-competition',
        product: 'alpha',
      }) as const
    const modify = (contractId: string, delta: string) =>
      ({
        type: 'ModifyContract',
        contractId,
        modificationId: `AV-${contractId}`,
        delta,
        legalBasis: 'R2194-1',
        notifiedOn: '2025-06-01',
        reason: 'Review clause',
      }) as const
    const { events } = await bookedLedger([
      award('MS-1'),
      award('MS-2'),
      modify('MS-1', '24000'),
      modify('MS-2', '24000.01'),
      {
        type: 'IssueOrder',
        contractId: 'MS-1',
        orderId: 'BC-1',
        amount: '1000',
        issuedOn: '2025-03-01',
      },
    ])
    const view = contractsProjection.view(foldProjections(events, [contractsProjection]).contracts)
    expect(
      view.contracts.map((c) => [c.contractId, c.driftPercent, c.driftAboveReference]),
    ).toEqual([
      ['MS-1', '24.00', false],
      ['MS-2', '24.00', true],
    ])
    expect(view.contracts[0]).toMatchObject({
      product: 'alpha',
      orders: 1,
      ordered: '1000.00',
      modifications: [
        {
          modificationId: 'AV-MS-1',
          legalBasis: 'R2194-1',
          delta: '24000.00',
          newAmount: '124000.00',
          notifiedOn: '2025-06-01',
          newHolderId: null,
          reason: 'Review clause',
        },
      ],
    })
    expect(view).toMatchObject({
      initial: '200000.00',
      amount: '248000.01',
      driftPercent: '24.00',
      referenceDriftPercent: LARGE_STATE_IT_PROJECTS_BUDGET_DRIFT,
      aboveReference: 1,
    })
  })
})
