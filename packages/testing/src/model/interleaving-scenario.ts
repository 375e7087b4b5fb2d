import fc from 'fast-check'
import { buyerOf, COORDINATOR, LEDGER_UNIVERSE } from '../arbitraries/ledger-universe.js'
import type { IssuedCommand } from '../arbitraries/resolve-intent.js'
import { toWireAmount } from './wire-amount.js'

const FRAMEWORK = 'AC-SCHED'
const HOLDER = LEDGER_UNIVERSE.holders[0]
const [B0, B1] = [LEDGER_UNIVERSE.beneficiaries[0], LEDGER_UNIVERSE.beneficiaries[1]]
const RUNNING = 'SCHED-0'

/**
 * The state every interleaving starts from: a framework of 1000 € with one holder and two
 * beneficiaries (400 € and 300 € allocated, 300 € left), and a running contract of 100 € of which
 * 40 € is certified, which concurrent commands may certify further or close.
 */
export const INTERLEAVING_OPENING: readonly IssuedCommand[] = [
  {
    actor: COORDINATOR,
    command: {
      type: 'OpenFramework',
      commandId: 'open',
      frameworkId: FRAMEWORK,
      title: 'Interleavings',
      buyerId: LEDGER_UNIVERSE.buyerId,
      estimate: '500.00',
      maximum: '1000.00',
      startsOn: '2025-01-01',
      endsOn: '2028-12-31',
      maxHolders: 1,
    },
  },
  {
    actor: COORDINATOR,
    command: {
      type: 'AddHolder',
      commandId: 'holder',
      frameworkId: FRAMEWORK,
      holderId: HOLDER,
      name: 'Holder',
      addedOn: '2025-01-01',
    },
  },
  ...[B0, B1].map((beneficiaryId, i): IssuedCommand => ({
    actor: COORDINATOR,
    command: {
      type: 'AddBeneficiary',
      commandId: `beneficiary-${i}`,
      frameworkId: FRAMEWORK,
      beneficiaryId,
      name: `Beneficiary ${i}`,
    },
  })),
  ...[
    [B0, '400.00'],
    [B1, '300.00'],
  ].map(([beneficiaryId, amount], i): IssuedCommand => ({
    actor: COORDINATOR,
    command: {
      type: 'Allocate',
      commandId: `allocate-${i}`,
      frameworkId: FRAMEWORK,
      beneficiaryId: beneficiaryId!,
      amount: amount!,
    },
  })),
  {
    actor: buyerOf(B0),
    command: {
      type: 'AwardContract',
      commandId: 'running',
      frameworkId: FRAMEWORK,
      contractId: RUNNING,
      beneficiaryId: B0,
      holderId: HOLDER,
      kind: 'subsequent-contract',
      amount: '100.00',
      awardedOn: '2025-06-02',
      competition: 'mini-competition',
    },
  },
  {
    actor: buyerOf(B0),
    command: {
      type: 'CertifyService',
      commandId: 'running-certified',
      contractId: RUNNING,
      serviceId: 'S-0',
      amount: '40.00',
      certifiedOn: '2025-09-01',
    },
  },
]

/** One of the commands that race in an interleaving. */
export type InterleavingOperation =
  | {
      readonly op: 'award' | 'allocate' | 'release' | 'transfer'
      readonly who: 0 | 1
      readonly cents: bigint
    }
  | { readonly op: 'certify'; readonly cents: bigint }
  | { readonly op: 'close' }

/** Awards, allocations, releases and transfers mostly; now and then a certification or the closing. */
export const interleavingOperation: fc.Arbitrary<InterleavingOperation> = fc.oneof(
  {
    arbitrary: fc.record({
      op: fc.constantFrom(
        'award' as const,
        'allocate' as const,
        'release' as const,
        'transfer' as const,
      ),
      who: fc.constantFrom(0 as const, 1 as const),
      cents: fc.bigInt({ min: 1n, max: 25_000n }),
    }),
    weight: 8,
  },
  {
    arbitrary: fc.record({
      op: fc.constant('certify' as const),
      cents: fc.bigInt({ min: 1n, max: 8_000n }),
    }),
    weight: 1,
  },
  { arbitrary: fc.record({ op: fc.constant('close' as const) }), weight: 1 },
)

/** The command an operation issues, the `i`-th of its interleaving, with the actor who may issue it. */
export function issueOperation(operation: InterleavingOperation, i: number): IssuedCommand {
  const commandId = `concurrent-${i}`
  if (operation.op === 'close') {
    return {
      actor: buyerOf(B0),
      command: { type: 'CloseContract', commandId, contractId: RUNNING, closedOn: '2026-01-05' },
    }
  }
  if (operation.op === 'certify') {
    return {
      actor: buyerOf(B0),
      command: {
        type: 'CertifyService',
        commandId,
        contractId: RUNNING,
        serviceId: `S-${i + 1}`,
        amount: toWireAmount(operation.cents),
        certifiedOn: '2025-12-01',
      },
    }
  }
  const beneficiaryId = operation.who === 0 ? B0 : B1
  const amount = toWireAmount(operation.cents)
  switch (operation.op) {
    case 'award':
      return {
        actor: buyerOf(beneficiaryId),
        command: {
          type: 'AwardContract',
          commandId,
          frameworkId: FRAMEWORK,
          contractId: `SCHED-${i + 1}`,
          beneficiaryId,
          holderId: HOLDER,
          kind: 'purchase-order',
          amount,
          awardedOn: '2026-01-05',
          competition: 'mini-competition',
        },
      }
    case 'allocate':
    case 'release':
      return {
        actor: COORDINATOR,
        command: {
          type: operation.op === 'allocate' ? 'Allocate' : 'ReleaseAllocation',
          commandId,
          frameworkId: FRAMEWORK,
          beneficiaryId,
          amount,
        },
      }
    case 'transfer':
      return {
        actor: COORDINATOR,
        command: {
          type: 'TransferAllocation',
          commandId,
          frameworkId: FRAMEWORK,
          fromBeneficiaryId: beneficiaryId,
          toBeneficiaryId: beneficiaryId === B0 ? B1 : B0,
          amount,
        },
      }
  }
}
