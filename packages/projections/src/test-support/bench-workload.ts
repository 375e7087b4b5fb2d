import {
  addDays,
  createLedger,
  ECB_MAIN_REFINANCING_RATES,
  formatCents,
  type CommandInput,
  type LedgerEvent,
  type RecordedEvent,
} from '@plafond/core'
import { SIRETS, withLuhnDigit } from '@plafond/testing'
import { addMonths } from '../forecast/calendar-months.js'
import { everyoneOf } from './everyone-of.js'
import { commandNumbering, type UnnumberedCommand } from './numbered-commands.js'

// A synthetic rate for half-years the real table does not cover yet, so that late payments after
// mid-2026 are recorded with interest rather than refused. Benchmark data only.
const SYNTHETIC_RATES = [
  '2026-H2',
  '2027-H1',
  '2027-H2',
  '2028-H1',
  '2028-H2',
  '2029-H1',
  '2029-H2',
].map((halfYear) => ({ halfYear, rate: '2.15', source: 'synthetic, for benchmarks' }))

/** A small deterministic generator (mulberry32): the workload is the same on every run. */
function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

/**
 * One year of a framework like the DINUM's, written through a real ledger: 7 holders, 31
 * beneficiaries, `contracts` call-offs, each certified, invoiced and paid monthly for a year, with
 * some modifications, late payments, closings and product phases. Synthetic, seeded.
 */
export async function buildYearOfBooks(contracts: number, seed = 1): Promise<LedgerEvent[]> {
  const next = random(seed)
  let now = Date.parse('2025-10-01T08:00:00.000Z')
  const ledger = createLedger({
    clock: () => new Date(now),
    ecbRates: [...ECB_MAIN_REFINANCING_RATES, ...SYNTHETIC_RATES],
  })
  const holders = Array.from({ length: 7 }, (_, i) =>
    withLuhnDigit(`9100000100${String(i).padStart(2, '0')}0`),
  )
  const beneficiaries = Array.from({ length: 31 }, (_, i) =>
    withLuhnDigit(`9200000100${String(i).padStart(2, '0')}0`),
  )
  const actor = everyoneOf(beneficiaries)
  const numbered = commandNumbering('bench')
  const commands: CommandInput[] = []
  const add = (command: UnnumberedCommand): void => {
    commands.push(numbered(command))
  }
  const frameworkId = 'AC-BENCH'
  add({
    type: 'OpenFramework',
    frameworkId,
    title: 'Agile product teams (synthetic benchmark)',
    buyerId: SIRETS.buyer,
    estimate: '195000000',
    maximum: '495000000',
    startsOn: '2025-10-01',
    endsOn: '2029-09-30',
    maxHolders: 7,
  })
  for (const holderId of holders) {
    add({
      type: 'AddHolder',
      frameworkId,
      holderId,
      name: `Holder ${holderId}`,
      addedOn: '2025-10-01',
    })
  }
  for (const beneficiaryId of beneficiaries) {
    add({
      type: 'AddBeneficiary',
      frameworkId,
      beneficiaryId,
      name: `Beneficiary ${beneficiaryId}`,
      on: '2025-10-01',
    })
    add({ type: 'Allocate', frameworkId, beneficiaryId, amount: '15000000', on: '2025-10-01' })
  }
  const results = await ledger.executeBatch(commands, { actor })
  checkAll(results)

  for (let c = 0; c < contracts; c++) {
    const contractId = `MS-${c + 1}`
    const beneficiaryId = beneficiaries[c % beneficiaries.length]!
    const awardedOn = addDays('2025-10-01', Math.floor(next() * 360))
    const monthly = 5_000_00n + BigInt(Math.floor(next() * 20_000)) * 100n
    const product = `product-${c % 40}`
    const batch: CommandInput[] = []
    const push = (command: UnnumberedCommand): void => {
      batch.push(numbered(command))
    }
    push({
      type: 'AwardContract',
      frameworkId,
      contractId,
      beneficiaryId,
      holderId: holders[Math.floor(next() * holders.length)]!,
      kind: 'subsequent-contract',
      amount: formatCents(monthly * 13n),
      awardedOn,
      competition: 'mini-competition',
      product,
    })
    if (c < 40) {
      push({
        type: 'ChangeProductPhase',
        beneficiaryId,
        product,
        phase: 'construction',
        on: awardedOn,
      })
    }
    for (let m = 1; m <= 12; m++) {
      const certifiedOn = addMonths(awardedOn, m)
      const receivedOn = addDays(certifiedOn, 5)
      push({
        type: 'CertifyService',
        contractId,
        serviceId: `S-${m}`,
        amount: formatCents(monthly),
        certifiedOn,
      })
      push({
        type: 'RecordInvoice',
        contractId,
        invoiceId: `F-${m}`,
        amount: formatCents(monthly),
        vat: formatCents(monthly / 5n),
        receivedOn,
      })
      push({
        type: 'RecordPayment',
        contractId,
        paymentId: `P-${m}`,
        amount: formatCents(monthly),
        paidOn: addDays(receivedOn, 10 + Math.floor(next() * 35)),
        invoiceId: `F-${m}`,
      })
      if (m === 6 && next() < 0.2) {
        push({
          type: 'ModifyContract',
          contractId,
          modificationId: 'AV-1',
          delta: formatCents(monthly),
          legalBasis: 'R2194-1',
          notifiedOn: certifiedOn,
          reason: 'Review clause',
        })
      }
    }
    if (next() < 0.5)
      push({ type: 'CloseContract', contractId, closedOn: addMonths(awardedOn, 13) })
    now += 3_600_000
    checkAll(await ledger.executeBatch(batch, { actor }))
  }
  const events: LedgerEvent[] = []
  for await (const event of ledger.readAll()) events.push(event)
  return events
}

function checkAll(results: readonly { readonly ok: boolean }[]): void {
  const refused = results.find((r) => !r.ok)
  if (refused) throw new Error(`A benchmark command was refused: ${JSON.stringify(refused)}`)
}

/**
 * `copies` copies of a log, each under its own framework and contract ids, positions renumbered:
 * a large log with the distribution of a real one. Data objects are shared where no id changes.
 */
export function replicate(events: readonly LedgerEvent[], copies: number): RecordedEvent[] {
  const out: RecordedEvent[] = []
  let position = 0
  for (let k = 0; k < copies; k++) {
    for (const event of events) {
      position += 1
      const data = event.data as Record<string, unknown>
      const renamed: Record<string, unknown> = { ...data }
      if (typeof data.frameworkId === 'string') renamed.frameworkId = `${data.frameworkId}-${k}`
      if (typeof data.contractId === 'string') renamed.contractId = `${data.contractId}-${k}`
      out.push({ ...event, data: renamed, position: String(position) })
    }
  }
  return out
}
