import {
  addDays,
  createLedger,
  formatCents,
  type Actor,
  type Ledger,
  type LedgerEvent,
} from '@plafond/core'
import { SIRETS } from '@plafond/testing'
import { everyoneOf } from './everyone-of.js'
import type { UnnumberedCommand } from './numbered-commands.js'
import {
  BENEFICIARIES,
  FRAMEWORK_ID,
  HOLDERS,
  PHASES,
  PRODUCTS,
  STARTS_ON,
  SUCCESSOR,
  type Scenario,
} from './scenario-arbitrary.js'
import { ScenarioBooks } from './scenario-books.js'

export { scenarioArbitrary, type Scenario, type ScenarioStep } from './scenario-arbitrary.js'

/** What `runScenario` leaves: the ledger, its events in log order, and how many commands were refused. */
export interface ScenarioRun {
  readonly ledger: Ledger
  readonly events: readonly LedgerEvent[]
  readonly refused: number
}

/** The actor of scenarios: coordinator, and buyer and accountant of every beneficiary. */
export const EVERYONE: Actor = everyoneOf(BENEFICIARIES)

function part(limit: bigint, perMille: number): bigint {
  if (limit <= 0n) return 0n
  const amount = (limit * BigInt(perMille)) / 1000n
  return amount > 0n ? amount : 1n
}

/**
 * Drives a real in-memory ledger (or `ledger`, e.g. one over a store a runner watches) with the
 * scenario's commands, resolved against what the ledger returned so far so that most are valid.
 * The clock moves forward between commands; business dates go back and forth, as in real books.
 */
export async function runScenario(scenario: Scenario, ledger?: Ledger): Promise<ScenarioRun> {
  let now = Date.parse('2025-01-01T08:00:00.000Z')
  const target = ledger ?? createLedger({ clock: () => new Date(now) })
  const books = new ScenarioBooks(HOLDERS.slice(0, scenario.holders))
  const beneficiaries = BENEFICIARIES.slice(0, scenario.allocations.length)
  let serial = 0
  let refused = 0

  async function execute(command: UnnumberedCommand): Promise<readonly LedgerEvent[]> {
    serial += 1
    const result = await target.execute(
      { ...command, commandId: `cmd-${serial}` },
      { actor: EVERYONE },
    )
    if (!result.ok) {
      refused += 1
      return []
    }
    for (const event of result.events) books.track(event)
    return result.events
  }

  const maximum = BigInt(scenario.maximumEuros) * 100n
  await execute({
    type: 'OpenFramework',
    frameworkId: FRAMEWORK_ID,
    title: 'Projection scenario',
    buyerId: SIRETS.buyer,
    estimate: formatCents((maximum * BigInt(scenario.estimateQuarters)) / 4n),
    maximum: formatCents(maximum),
    startsOn: STARTS_ON,
    endsOn: '2028-12-31',
    maxHolders: 4,
  })
  for (const holderId of books.holders) {
    await execute({
      type: 'AddHolder',
      frameworkId: FRAMEWORK_ID,
      holderId,
      name: `Holder ${holderId}`,
      addedOn: STARTS_ON,
    })
  }
  for (const [i, beneficiaryId] of beneficiaries.entries()) {
    await execute({
      type: 'AddBeneficiary',
      frameworkId: FRAMEWORK_ID,
      beneficiaryId,
      name: `Beneficiary ${beneficiaryId}`,
      on: STARTS_ON,
    })
    await execute({
      type: 'Allocate',
      frameworkId: FRAMEWORK_ID,
      beneficiaryId,
      amount: formatCents(part(maximum, scenario.allocations[i]!)),
      on: STARTS_ON,
    })
  }

  const dated = (from: string, days: number): string => addDays(from, days)
  for (const { step, minutes } of scenario.steps) {
    now += minutes * 60_000
    const b = beneficiaries[step.pick % beneficiaries.length]!
    const any =
      books.contracts.length === 0 ? undefined : books.contracts[step.pick % books.contracts.length]
    const active = books.open()
    const live = active.length === 0 ? undefined : active[step.pick % active.length]
    switch (step.kind) {
      case 'award': {
        const room = books.room(b)
        const amount = part(room, step.share)
        if (amount <= 0n) break
        await execute({
          type: 'AwardContract',
          frameworkId: FRAMEWORK_ID,
          contractId: `C-${books.contracts.length + 1}`,
          beneficiaryId: b,
          holderId: books.holders[step.pick % books.holders.length]!,
          kind: step.order ? 'purchase-order' : 'subsequent-contract',
          amount: formatCents(amount),
          awardedOn: dated(STARTS_ON, step.day),
          competition: 'mini-competition',
          ...(step.product === 0 ? {} : { product: PRODUCTS[step.product - 1]! }),
        })
        break
      }
      case 'order':
        if (live?.kind !== 'subsequent-contract') break
        await execute({
          type: 'IssueOrder',
          contractId: live.id,
          orderId: `O-${serial}`,
          amount: formatCents(part(live.amount - live.ordered, step.share)),
          issuedOn: dated(live.awardedOn, step.day % 120),
        })
        break
      case 'modify': {
        if (!live || step.perMille === 0) break
        const delta = (live.amount * BigInt(step.perMille)) / 1000n
        if (delta === 0n) break
        await execute({
          type: 'ModifyContract',
          contractId: live.id,
          modificationId: `M-${serial}`,
          delta: formatCents(delta),
          legalBasis: 'R2194-1',
          notifiedOn: dated(live.awardedOn, step.day % 200),
          reason: 'Review clause',
        })
        break
      }
      case 'certify':
        if (!live || live.amount <= live.certified) break
        await execute({
          type: 'CertifyService',
          contractId: live.id,
          serviceId: `S-${serial}`,
          amount: formatCents(part(live.amount - live.certified, step.share)),
          certifiedOn: dated(live.awardedOn, step.day % 300),
        })
        break
      case 'invoice':
        if (!any || any.amount <= any.invoiced) break
        await execute({
          type: 'RecordInvoice',
          contractId: any.id,
          invoiceId: `I-${serial}`,
          amount: formatCents(part(any.amount - any.invoiced, step.share)),
          vat: formatCents(part(any.amount - any.invoiced, step.share) / 5n),
          receivedOn: dated(any.awardedOn, step.day % 300),
        })
        break
      case 'pay': {
        if (!any) break
        const invoice = step.withInvoice ? any.invoices.find((i) => i.paid < i.amount) : undefined
        const payable = any.certified - any.paid
        const limit =
          invoice && invoice.amount - invoice.paid < payable
            ? invoice.amount - invoice.paid
            : payable
        if (limit <= 0n) break
        await execute({
          type: 'RecordPayment',
          contractId: any.id,
          paymentId: `P-${serial}`,
          amount: formatCents(part(limit, step.share)),
          paidOn: dated(invoice?.receivedOn ?? any.awardedOn, step.day),
          ...(invoice ? { invoiceId: invoice.id } : {}),
        })
        break
      }
      case 'close':
        if (!live) break
        await execute({
          type: 'CloseContract',
          contractId: live.id,
          closedOn: dated(live.awardedOn, step.day % 400),
        })
        break
      case 'allocate':
      case 'release': {
        const room =
          step.kind === 'allocate'
            ? maximum - [...books.allocated.values()].reduce((s, a) => s + a, 0n)
            : books.room(b)
        const amount = part(room, step.share)
        if (amount <= 0n) break
        await execute({
          type: step.kind === 'allocate' ? 'Allocate' : 'ReleaseAllocation',
          frameworkId: FRAMEWORK_ID,
          beneficiaryId: b,
          amount: formatCents(amount),
          on: dated(STARTS_ON, step.day),
        })
        break
      }
      case 'transfer': {
        const to = beneficiaries[(step.pick + 1) % beneficiaries.length]!
        const amount = part(books.room(b), step.share)
        if (to === b || amount <= 0n) break
        await execute({
          type: 'TransferAllocation',
          frameworkId: FRAMEWORK_ID,
          fromBeneficiaryId: b,
          toBeneficiaryId: to,
          amount: formatCents(amount),
          on: dated(STARTS_ON, step.day),
        })
        break
      }
      case 'succeed': {
        const holderId = books.holders[step.pick % books.holders.length]!
        if (holderId === SUCCESSOR) break
        const on = dated(STARTS_ON, step.day)
        const events = await execute({
          type: 'SucceedHolder',
          frameworkId: FRAMEWORK_ID,
          holderId,
          successorId: SUCCESSOR,
          successorName: 'Successor (synthetic)',
          succeededOn: on,
          reason: 'Merger',
        })
        if (events.length === 0) break
        for (const contract of books.open().filter((c) => c.holderId === holderId)) {
          await execute({
            type: 'ModifyContract',
            contractId: contract.id,
            modificationId: `M-${serial}`,
            delta: '0',
            legalBasis: 'R2194-6',
            notifiedOn: on > contract.awardedOn ? on : contract.awardedOn,
            reason: 'Holder merged into its successor',
            newHolderId: SUCCESSOR,
          })
        }
        break
      }
      case 'phase':
        await execute({
          type: 'ChangeProductPhase',
          beneficiaryId: b,
          product: PRODUCTS[step.pick % PRODUCTS.length]!,
          phase: PHASES[step.phase]!,
          on: dated(STARTS_ON, step.day),
        })
        break
      case 'impact':
        await execute({
          type: 'RecordImpact',
          beneficiaryId: b,
          product: PRODUCTS[step.pick % PRODUCTS.length]!,
          measuredOn: dated(STARTS_ON, step.day),
          indicators: [
            { name: 'users', value: String(step.value), unit: 'people' },
            { name: 'satisfaction', value: (step.value / 5000).toFixed(2) },
          ],
        })
        break
    }
  }
  const events: LedgerEvent[] = []
  for await (const event of target.readAll()) events.push(event)
  return { ledger: target, events, refused }
}
