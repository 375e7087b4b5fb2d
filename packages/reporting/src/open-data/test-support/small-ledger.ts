import {
  createLedger,
  type Actor,
  type CommandInput,
  type Ledger,
  type LedgerEvent,
} from '@plafond/core'
import { accountantOf, buyerOf, coordinator, SIRETS } from '@plafond/testing'

/** One command of a fixture, with who issues it. */
export interface FixtureLine {
  readonly actor: Actor
  readonly command: CommandInput
}

const FRAMEWORK_ID = 'AC-DINUM-AGILE-2025-PRODUITS'
const SPORTS = SIRETS.beneficiaryB
const COUR = SIRETS.beneficiaryC
const DINUM = SIRETS.buyer
const SPORTS_CALL_OFF = 'MS-25-SPORTS-01'
const AUDIT_CALL_OFF = 'BC-25-COUR-DES-COMPTES-AUDIT-01'

const dinum = coordinator('dinum.coordination')
const sportsBuyer = buyerOf(SPORTS, 'buyer.sports')
const sportsAccountant = accountantOf(SPORTS, 'accountant.sports')
const courBuyer = buyerOf(COUR, 'buyer.cour')
const courAccountant = accountantOf(COUR, 'accountant.cour')

type WithoutCommandId<C> = C extends unknown ? Omit<C, 'commandId'> : never

let sequence = 0
function line(actor: Actor, command: WithoutCommandId<CommandInput>): FixtureLine {
  sequence += 1
  return {
    actor,
    command: { ...command, commandId: `c${String(sequence).padStart(3, '0')}` },
  }
}

/**
 * A small framework's whole life, for golden files and round trips: every command type, ids
 * longer than DECP's 16 characters, a holder joining late, a holder succeeded (R2194-6) and its
 * call-off moved to the successor, an increase (R2194-2) and a decrease (R2194-8), a late payment,
 * purchase orders, product phases and impact, allocation moves, custom alert thresholds, and the
 * framework's closing. Every command is accepted.
 */
export const SMALL_LEDGER: readonly FixtureLine[] = [
  line(dinum, {
    type: 'OpenFramework',
    frameworkId: FRAMEWORK_ID,
    title: 'Réalisation de services numériques en mode produit agile piloté par l’impact',
    buyerId: DINUM,
    cpv: '72000000-5',
    estimate: '195000000',
    maximum: '495000000.00',
    minimum: '1000000',
    startsOn: '2025-10-01',
    endsOn: '2029-09-30',
    maxHolders: 3,
    alertThresholds: { estimate: [50, 100], maximum: [80, 100], allocation: [10, 90, 100] },
  }),
  line(dinum, {
    type: 'AddHolder',
    frameworkId: FRAMEWORK_ID,
    holderId: SIRETS.holder1,
    name: 'Atelier Un (fictif)',
    addedOn: '2025-10-01',
  }),
  line(dinum, {
    type: 'AddHolder',
    frameworkId: FRAMEWORK_ID,
    holderId: SIRETS.holder2,
    name: 'Deux Numérique, "SAS" (fictif)',
    addedOn: '2025-10-01',
  }),
  line(dinum, {
    type: 'AddBeneficiary',
    frameworkId: FRAMEWORK_ID,
    beneficiaryId: DINUM,
    name: 'Direction interministérielle du numérique',
    programme: '129',
    on: '2025-10-01',
  }),
  line(dinum, {
    type: 'AddBeneficiary',
    frameworkId: FRAMEWORK_ID,
    beneficiaryId: SPORTS,
    name: 'Ministère des Sports (fictif)',
    on: '2025-10-02',
  }),
  line(dinum, {
    type: 'AddBeneficiary',
    frameworkId: FRAMEWORK_ID,
    beneficiaryId: COUR,
    name: 'Cour des comptes (fictif)',
    on: '2025-10-02',
  }),
  line(dinum, {
    type: 'Allocate',
    frameworkId: FRAMEWORK_ID,
    beneficiaryId: DINUM,
    amount: '500000',
    on: '2025-10-02',
  }),
  line(dinum, {
    type: 'Allocate',
    frameworkId: FRAMEWORK_ID,
    beneficiaryId: SPORTS,
    amount: '2000000.00',
    on: '2025-10-02',
  }),
  line(dinum, {
    type: 'Allocate',
    frameworkId: FRAMEWORK_ID,
    beneficiaryId: COUR,
    amount: '300000.00',
    on: '2025-10-02',
  }),
  line(sportsBuyer, {
    type: 'ChangeProductPhase',
    beneficiaryId: SPORTS,
    product: 'sports-pass',
    phase: 'construction',
    on: '2025-11-03',
  }),
  line(sportsBuyer, {
    type: 'AwardContract',
    frameworkId: FRAMEWORK_ID,
    contractId: SPORTS_CALL_OFF,
    beneficiaryId: SPORTS,
    holderId: SIRETS.holder1,
    kind: 'subsequent-contract',
    amount: '480000.00',
    awardedOn: '2025-11-03',
    competition: 'mini-competition',
    product: 'sports-pass',
    object: 'Construction du service Pass Sport',
    durationMonths: 6,
  }),
  line(sportsBuyer, {
    type: 'IssueOrder',
    contractId: SPORTS_CALL_OFF,
    orderId: 'BC-01',
    amount: '120000',
    issuedOn: '2025-11-05',
  }),
  line(dinum, {
    type: 'AddHolder',
    frameworkId: FRAMEWORK_ID,
    holderId: SIRETS.holder3,
    name: 'Trois Conseil (fictif)',
    addedOn: '2025-11-15',
  }),
  line(sportsBuyer, {
    type: 'CertifyService',
    contractId: SPORTS_CALL_OFF,
    serviceId: 'S-01',
    amount: '80000.50',
    certifiedOn: '2025-12-01',
    periodStart: '2025-11-03',
    periodEnd: '2025-11-30',
  }),
  line(sportsAccountant, {
    type: 'RecordInvoice',
    contractId: SPORTS_CALL_OFF,
    invoiceId: 'F-01',
    amount: '80000.50',
    vat: '16000.10',
    receivedOn: '2025-12-03',
  }),
  line(sportsAccountant, {
    type: 'RecordPayment',
    contractId: SPORTS_CALL_OFF,
    paymentId: 'P-01',
    amount: '80000.50',
    paidOn: '2025-12-20',
    invoiceId: 'F-01',
  }),
  line(courBuyer, {
    type: 'AwardContract',
    frameworkId: FRAMEWORK_ID,
    contractId: AUDIT_CALL_OFF,
    beneficiaryId: COUR,
    holderId: SIRETS.holder2,
    kind: 'purchase-order',
    amount: '45000.00',
    awardedOn: '2025-12-10',
    competition: 'direct',
    justification:
      'Audit d’accessibilité prévu au bordereau de prix :\nseul ce titulaire détient la qualification requise.',
  }),
  line(sportsBuyer, {
    type: 'ModifyContract',
    contractId: SPORTS_CALL_OFF,
    modificationId: 'AV-01',
    delta: '96000.00',
    legalBasis: 'R2194-2',
    notifiedOn: '2026-01-10',
    reason: 'Prestations supplémentaires devenues nécessaires : ouverture à un nouveau public.',
  }),
  line(sportsBuyer, {
    type: 'ModifyContract',
    contractId: SPORTS_CALL_OFF,
    modificationId: 'AV-02',
    delta: '-1500.25',
    legalBasis: 'R2194-8',
    notifiedOn: '2026-02-01',
    reason: 'Ajustement limité du volume; un atelier en moins.',
  }),
  line(dinum, {
    type: 'SucceedHolder',
    frameworkId: FRAMEWORK_ID,
    holderId: SIRETS.holder2,
    successorId: SIRETS.holder4,
    successorName: 'Quatre Fusion (fictif)',
    succeededOn: '2026-03-01',
    reason:
      'Fusion-absorption : la société absorbante reprend les droits et obligations (R2194-6).',
  }),
  line(courBuyer, {
    type: 'ModifyContract',
    contractId: AUDIT_CALL_OFF,
    modificationId: 'AV-R2194-6',
    delta: '0',
    legalBasis: 'R2194-6',
    notifiedOn: '2026-03-05',
    reason: 'Succession du titulaire après fusion-absorption.',
    newHolderId: SIRETS.holder4,
  }),
  line(courBuyer, {
    type: 'CertifyService',
    contractId: AUDIT_CALL_OFF,
    serviceId: 'S-01',
    amount: '45000',
    certifiedOn: '2026-03-20',
  }),
  line(courAccountant, {
    type: 'RecordInvoice',
    contractId: AUDIT_CALL_OFF,
    invoiceId: 'F-01',
    amount: '45000.00',
    vat: '9000.00',
    receivedOn: '2026-03-22',
  }),
  line(dinum, {
    type: 'TransferAllocation',
    frameworkId: FRAMEWORK_ID,
    fromBeneficiaryId: COUR,
    toBeneficiaryId: SPORTS,
    amount: '100000',
    on: '2026-04-01',
  }),
  line(dinum, {
    type: 'ReleaseAllocation',
    frameworkId: FRAMEWORK_ID,
    beneficiaryId: DINUM,
    amount: '100000.00',
    on: '2026-04-02',
  }),
  line(sportsBuyer, {
    type: 'RecordImpact',
    beneficiaryId: SPORTS,
    product: 'sports-pass',
    measuredOn: '2026-05-01',
    indicators: [
      { name: 'usagers actifs par mois', value: '1250', unit: 'usagers' },
      { name: 'taux de satisfaction | moyenne = 5 ans', value: '0.82' },
    ],
  }),
  line(courAccountant, {
    type: 'RecordPayment',
    contractId: AUDIT_CALL_OFF,
    paymentId: 'P-01',
    amount: '45000.00',
    paidOn: '2026-05-10',
    invoiceId: 'F-01',
  }),
  line(courBuyer, { type: 'CloseContract', contractId: AUDIT_CALL_OFF, closedOn: '2026-05-15' }),
  line(dinum, {
    type: 'CloseFramework',
    frameworkId: FRAMEWORK_ID,
    closedOn: '2026-06-30',
    reason: 'terminated',
  }),
]

/** A clock that moves one second forward at each reading, from `start`. */
export function steppingClock(start = '2026-06-30T16:00:00.000Z'): () => Date {
  let time = new Date(start).getTime()
  return () => {
    const now = new Date(time)
    time += 1000
    return now
  }
}

/** Executes fixture lines one by one; throws, naming the command, when one is refused. */
export async function executeLines(ledger: Ledger, lines: readonly FixtureLine[]): Promise<void> {
  for (const { actor, command } of lines) {
    const result = await ledger.execute(command, { actor })
    if (!result.ok) {
      throw new Error(
        `Fixture command ${command.commandId} (${command.type}) was refused: ${result.rejection.code}: ${result.rejection.message}`,
      )
    }
  }
}

/** Every event of a ledger, in log order. */
export async function readEvents(ledger: Ledger): Promise<LedgerEvent[]> {
  const events: LedgerEvent[] = []
  for await (const event of ledger.readAll()) events.push(event)
  return events
}

/** The events of `SMALL_LEDGER`, written by a fresh in-memory ledger on `steppingClock()`. */
export async function smallLedgerEvents(): Promise<LedgerEvent[]> {
  const ledger = createLedger({ clock: steppingClock() })
  await executeLines(ledger, SMALL_LEDGER)
  const events = await readEvents(ledger)
  await ledger.close()
  return events
}
