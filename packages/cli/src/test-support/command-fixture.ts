import { readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/** The committed synthetic history of `examples/replay-66m`: JSONL, one `{ actor, command }` a line. */
export const HISTORY_FILE = fileURLToPath(
  new URL('../../../../examples/replay-66m/data/history.jsonl', import.meta.url),
)

/** The committed history's lines, without the final newline. */
export function historyLines(): string[] {
  return readFileSync(HISTORY_FILE, 'utf8').trimEnd().split('\n')
}

// Luhn-valid SIRETs of the synthetic history: invented, like everything else here.
const BUYER = '19900001900018'
const BENEFICIARY = '19900101700011'
const HOLDERS = ['89900001200018', '89900002000011', '89900003800013'] as const

const coordinator = { id: 'dinum', roles: [{ role: 'coordinator' }] }
const buyer = { id: 'buyer.b', roles: [{ role: 'buyer', beneficiaryId: BENEFICIARY }] }
const accountant = {
  id: 'accountant.b',
  roles: [{ role: 'accountant', beneficiaryId: BENEFICIARY }],
}

/** Line numbers (1-based) of the fixture's two deliberate refusals. */
export const FIXTURE_REFUSALS = {
  /** A third holder on a framework that announced two. */
  holderLimit: 4,
  /** An accountant awarding a contract: refused before anything is read, and never recorded. */
  forbidden: 7,
} as const

/**
 * A small history written for the tests: a framework with two holders, one beneficiary and its
 * allocation, then `contracts` call-offs, each awarded, certified, invoiced and paid (four lines
 * each). Lines 4 and 7 are refused on purpose (`FIXTURE_REFUSALS`). `7 + 4 × contracts` lines.
 */
export function fixtureLines(contracts: number): string[] {
  let n = 0
  const line = (actor: object, command: Record<string, unknown>): string =>
    JSON.stringify({
      actor,
      command: { ...command, commandId: `t${String(++n).padStart(5, '0')}` },
    })
  const framework = 'AC-TEST-2024'
  const lines = [
    line(coordinator, {
      type: 'OpenFramework',
      frameworkId: framework,
      title: 'Services numériques (fixture de test)',
      buyerId: BUYER,
      estimate: '10000000.00',
      maximum: '20000000.00',
      startsOn: '2024-01-01',
      endsOn: '2027-12-31',
      maxHolders: 2,
    }),
    ...HOLDERS.map((holderId, index) =>
      line(coordinator, {
        type: 'AddHolder',
        frameworkId: framework,
        holderId,
        name: `Titulaire ${index + 1} (fictif)`,
        addedOn: '2024-01-01',
      }),
    ),
    line(coordinator, {
      type: 'AddBeneficiary',
      frameworkId: framework,
      beneficiaryId: BENEFICIARY,
      name: 'Bénéficiaire (fictif)',
    }),
    line(coordinator, {
      type: 'Allocate',
      frameworkId: framework,
      beneficiaryId: BENEFICIARY,
      amount: '10000000.00',
    }),
  ]
  const award = (contractId: string, holderId: string) => ({
    type: 'AwardContract',
    frameworkId: framework,
    contractId,
    beneficiaryId: BENEFICIARY,
    holderId,
    kind: 'subsequent-contract',
    amount: '10000.00',
    awardedOn: '2024-02-01',
    competition: 'mini-competition',
  })
  lines.push(line(accountant, award('MS-FORBIDDEN', HOLDERS[0])))
  for (let i = 1; i <= contracts; i++) {
    const contractId = `MS-${i}`
    lines.push(
      line(buyer, award(contractId, HOLDERS[i % 2]!)),
      line(buyer, {
        type: 'CertifyService',
        contractId,
        serviceId: 'S01',
        amount: '8000.00',
        certifiedOn: '2024-03-01',
      }),
      line(accountant, {
        type: 'RecordInvoice',
        contractId,
        invoiceId: 'F01',
        amount: '8000.00',
        vat: '1600.00',
        receivedOn: '2024-03-02',
      }),
      line(accountant, {
        type: 'RecordPayment',
        contractId,
        paymentId: 'P01',
        amount: '8000.00',
        paidOn: '2024-03-10',
        invoiceId: 'F01',
      }),
    )
  }
  return lines
}

/** Writes `fixtureLines(contracts)` to `path` as JSONL and returns the path. */
export function writeFixture(path: string, contracts: number): string {
  writeFileSync(path, `${fixtureLines(contracts).join('\n')}\n`)
  return path
}
