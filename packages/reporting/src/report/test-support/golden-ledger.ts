import { createLedger, type Actor, type CommandInput, type LedgerEvent } from '@plafond/core'
import { accountantOf, buyerOf, coordinator, SIRETS } from '@plafond/testing'

/** The instant the golden ledger's clock shows, and the report's generation time. */
export const GOLDEN_INSTANT = '2025-07-01T08:00:00.000Z'

/** The day the golden reports are made. */
export const GOLDEN_TODAY = '2025-07-01'

/** The framework of the golden ledger. */
export const GOLDEN_FRAMEWORK = 'AC-RAPPORT-2025'

const B = SIRETS.beneficiaryB
const C = SIRETS.beneficiaryC
const H1 = SIRETS.holder1
const H2 = SIRETS.holder2

/** A command without its id (distributes over the union, which `Omit` alone would collapse). */
type Unnumbered<C = CommandInput> = C extends unknown ? Omit<C, 'commandId'> : never

type Line = readonly [Actor, Unnumbered]

const framework = { frameworkId: GOLDEN_FRAMEWORK } as const

function award(
  contractId: string,
  beneficiaryId: string,
  holderId: string,
  amount: string,
  awardedOn: string,
  extra: Partial<Record<'product' | 'object' | 'justification', string>> = {},
): Line {
  return [
    buyerOf(beneficiaryId),
    {
      type: 'AwardContract',
      ...framework,
      contractId,
      beneficiaryId,
      holderId,
      kind: contractId.startsWith('BC') ? 'purchase-order' : 'subsequent-contract',
      amount,
      awardedOn,
      competition: extra.justification === undefined ? 'mini-competition' : 'direct',
      ...extra,
    },
  ]
}

/** Certify, invoice (`vat` is 20 % of `amount`, written out) and pay on `paidOn`. */
function cycle(
  beneficiaryId: string,
  contractId: string,
  n: number,
  [amount, vat]: readonly [string, string],
  certifiedOn: string,
  receivedOn: string,
  paidOn: string,
): Line[] {
  return [
    [
      buyerOf(beneficiaryId),
      { type: 'CertifyService', contractId, serviceId: `SF-${n}`, amount, certifiedOn },
    ],
    [
      accountantOf(beneficiaryId),
      { type: 'RecordInvoice', contractId, invoiceId: `F-${n}`, amount, vat, receivedOn },
    ],
    [
      accountantOf(beneficiaryId),
      {
        type: 'RecordPayment',
        contractId,
        paymentId: `P-${n}`,
        amount,
        paidOn,
        invoiceId: `F-${n}`,
      },
    ],
  ]
}

/**
 * The small fixed history behind the golden reports: a framework of 1 M€ estimated and 2 M€
 * maximum, two holders (one whose name holds a comma and quotes), two beneficiaries (one with a
 * semicolon and guillemets), four call-offs, an R2194-2 increase of 30 % (above the 24 %
 * reference) whose reason spans two lines, deliveries, invoices, payments (one late, with
 * interest), two closings, a product's phases and impact. Thresholds of 50 % and 75 % of the
 * estimate and 90 % of an allocation are crossed.
 */
export const GOLDEN_COMMANDS: readonly Line[] = [
  [
    coordinator(),
    {
      type: 'OpenFramework',
      ...framework,
      title: 'Services numériques en mode produit (registre d’essai)',
      buyerId: SIRETS.buyer,
      estimate: '1000000.00',
      maximum: '2000000.00',
      startsOn: '2025-01-01',
      endsOn: '2028-12-31',
      maxHolders: 3,
    },
  ],
  [
    coordinator(),
    {
      type: 'AddHolder',
      ...framework,
      holderId: H1,
      name: 'Atelier "Alpha", SAS (fictif)',
      addedOn: '2025-01-01',
    },
  ],
  [
    coordinator(),
    {
      type: 'AddHolder',
      ...framework,
      holderId: H2,
      name: 'Bureau Bêta (fictif)',
      addedOn: '2025-01-01',
    },
  ],
  [
    coordinator(),
    {
      type: 'AddBeneficiary',
      ...framework,
      beneficiaryId: B,
      name: 'Ministère des Essais; direction « Qualité » (fictif)',
      programme: '0129',
      on: '2025-01-06',
    },
  ],
  [
    coordinator(),
    {
      type: 'AddBeneficiary',
      ...framework,
      beneficiaryId: C,
      name: 'Agence de la donnée d’essai (fictive)',
      on: '2025-01-06',
    },
  ],
  [
    coordinator(),
    { type: 'Allocate', ...framework, beneficiaryId: B, amount: '600000', on: '2025-01-06' },
  ],
  [
    coordinator(),
    { type: 'Allocate', ...framework, beneficiaryId: C, amount: '400000', on: '2025-01-06' },
  ],
  award('MS-25-B-01', B, H1, '300000.00', '2025-02-03', {
    product: 'b-guichet',
    object: 'Guichet unique, phase de construction',
  }),
  [
    buyerOf(B),
    {
      type: 'ChangeProductPhase',
      beneficiaryId: B,
      product: 'b-guichet',
      phase: 'investigation',
      on: '2025-02-03',
    },
  ],
  award('MS-25-C-01', C, H2, '200000.00', '2025-03-10', { product: 'c-carto' }),
  ...cycle(B, 'MS-25-B-01', 1, ['100000.00', '20000.00'], '2025-03-31', '2025-04-02', '2025-04-20'),
  [
    buyerOf(B),
    {
      type: 'RecordImpact',
      beneficiaryId: B,
      product: 'b-guichet',
      measuredOn: '2025-03-31',
      indicators: [{ name: 'usagers actifs', value: '120', unit: 'usagers' }],
    },
  ],
  award('BC-25-B-02', B, H2, '40000.00', '2025-04-01', {
    product: 'b-guichet',
    justification: 'Audit d’accessibilité confié au titulaire déjà en place',
  }),
  [
    buyerOf(B),
    {
      type: 'ChangeProductPhase',
      beneficiaryId: B,
      product: 'b-guichet',
      phase: 'construction',
      on: '2025-04-01',
    },
  ],
  ...cycle(C, 'MS-25-C-01', 2, ['80000.00', '16000.00'], '2025-04-15', '2025-04-17', '2025-06-10'),
  ...cycle(B, 'BC-25-B-02', 3, ['40000.00', '8000.00'], '2025-04-20', '2025-04-22', '2025-05-15'),
  ...cycle(B, 'MS-25-B-01', 4, ['120000.00', '24000.00'], '2025-04-30', '2025-05-02', '2025-05-28'),
  [buyerOf(B), { type: 'CloseContract', contractId: 'BC-25-B-02', closedOn: '2025-05-02' }],
  [
    buyerOf(B),
    {
      type: 'ModifyContract',
      contractId: 'MS-25-B-01',
      modificationId: 'AV-1',
      delta: '90000.00',
      legalBasis: 'R2194-2',
      notifiedOn: '2025-05-15',
      reason: 'Deux sprints de plus;\nreprise de l’accessibilité',
    },
  ],
  award('MS-25-C-02', C, H1, '170000.00', '2025-05-20', { product: 'c-carto' }),
  ...cycle(B, 'MS-25-B-01', 5, ['150000.00', '30000.00'], '2025-05-31', '2025-06-02', '2025-06-20'),
  [buyerOf(C), { type: 'CloseContract', contractId: 'MS-25-C-01', closedOn: '2025-06-30' }],
  [
    buyerOf(B),
    {
      type: 'RecordImpact',
      beneficiaryId: B,
      product: 'b-guichet',
      measuredOn: '2025-06-30',
      indicators: [{ name: 'usagers actifs', value: '480', unit: 'usagers' }],
    },
  ],
]

/**
 * Runs `GOLDEN_COMMANDS` through an in-memory ledger with a fixed clock and numbered event ids,
 * so that the same commands always give the same events, byte for byte. Throws if any is refused.
 */
export async function goldenEvents(): Promise<LedgerEvent[]> {
  let next = 0
  const ledger = createLedger({
    clock: () => new Date(GOLDEN_INSTANT),
    newId: () => `01K0000000000000${String(++next).padStart(10, '0')}`,
  })
  for (const [index, [actor, command]] of GOLDEN_COMMANDS.entries()) {
    const commandId = `golden-${String(index + 1).padStart(3, '0')}`
    const result = await ledger.execute({ ...command, commandId }, { actor })
    if (!result.ok) {
      throw new Error(
        `Golden command ${commandId} (${command.type}) was refused: ${result.rejection.code}: ${result.rejection.message}`,
      )
    }
  }
  const events: LedgerEvent[] = []
  for await (const event of ledger.readAll()) events.push(event)
  await ledger.close()
  return events
}
