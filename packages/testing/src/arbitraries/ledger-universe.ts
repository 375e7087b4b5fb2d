import type { Actor } from '@plafond/core'

/** The validity of a framework of the universe. */
export interface UniverseValidity {
  readonly startsOn: string
  readonly endsOn: string
}

/**
 * The small world random commands are drawn from: two frameworks, four beneficiaries, three
 * holders, six contracts and a few order, service, payment, modification and invoice ids, plus ids
 * that are never created, and the rate tables its ledgers and model both read.
 * Small on purpose: commands collide, limits are reached, and rejections happen as often as
 * successes. SIRETs are synthetic (they pass the Luhn check and belong to no one).
 */
export const LEDGER_UNIVERSE = {
  /** The buying entity of every framework (the DINUM's SIRET, a public buyer). */
  buyerId: '13002526500013',
  frameworks: ['AC-1', 'AC-2'],
  /** A framework id no command opens. */
  unknownFramework: 'AC-9',
  /** Each framework's validity; an award date is drawn around it. */
  validity: {
    'AC-1': { startsOn: '2025-01-01', endsOn: '2028-12-31' },
    'AC-2': { startsOn: '2026-01-01', endsOn: '2027-06-30' },
    'AC-9': { startsOn: '2025-01-01', endsOn: '2028-12-31' },
  } as Readonly<Record<string, UniverseValidity>>,
  beneficiaries: ['11000000000015', '11000000000023', '11000000000031', '11000000000049'],
  holders: ['52000000000015', '52000000000023', '52000000000031'],
  contracts: ['C-1', 'C-2', 'C-3', 'C-4', 'C-5', 'C-6'],
  /** A contract id no command awards. */
  unknownContract: 'C-99',
  orderIds: ['O-1', 'O-2', 'O-3'],
  serviceIds: ['S-1', 'S-2', 'S-3'],
  paymentIds: ['P-1', 'P-2', 'P-3', 'P-4'],
  modificationIds: ['M-1', 'M-2', 'M-3', 'M-4', 'M-5'],
  invoiceIds: ['I-1', 'I-2', 'I-3'],
  /** Products of the beneficiaries, for phases and impact. */
  products: ['pass-sport', 'mon-suivi'],
  /**
   * R2194-8's EU thresholds, scaled down a thousandfold (143 € for 2024-2025, 140 € from 2026) so
   * that the universe's small contracts meet them as well as the 10 % rule. Both the ledger and
   * the model are given this table.
   */
  euThresholds: [
    { from: '2024-01-01', amount: '143.00', source: 'EU threshold 2024-2025 / 1000 (test data)' },
    { from: '2026-01-01', amount: '140.00', source: 'EU threshold 2026-2027 / 1000 (test data)' },
  ],
  /**
   * ECB rates for late-payment interest: the real ones to 2026-H1, then made-up ones to 2027-H2;
   * later half-years are missing on purpose, so that `missing_rate` happens too.
   */
  ecbRates: [
    { halfYear: '2025-H1', rate: '3.15', source: 'ECB, effective 18 December 2024' },
    { halfYear: '2025-H2', rate: '2.15', source: 'ECB, effective 11 June 2025' },
    { halfYear: '2026-H1', rate: '2.15', source: 'ECB, effective 11 June 2025' },
    { halfYear: '2026-H2', rate: '1.90', source: 'made up (test data)' },
    { halfYear: '2027-H1', rate: '2.40', source: 'made up (test data)' },
    { halfYear: '2027-H2', rate: '2.65', source: 'made up (test data)' },
  ],
} as const

/** The coordinator (DINUM): opens, closes, lists and allocates. */
export const COORDINATOR: Actor = { id: 'coordinator', roles: [{ role: 'coordinator' }] }

/** An auditor: may read, may issue nothing. */
export const AUDITOR: Actor = { id: 'auditor', roles: [{ role: 'auditor' }] }

/** An actor with no role at all. */
export const NOBODY: Actor = { id: 'nobody', roles: [] }

/** Someone who holds every role for every beneficiary of the universe. */
export const EVERYONE: Actor = {
  id: 'everyone',
  roles: [
    { role: 'coordinator' },
    ...LEDGER_UNIVERSE.beneficiaries.flatMap((beneficiaryId) => [
      { role: 'buyer' as const, beneficiaryId },
      { role: 'accountant' as const, beneficiaryId },
    ]),
  ],
}

/** The buyer of a beneficiary. */
export function buyerOf(beneficiaryId: string): Actor {
  return { id: `buyer-${beneficiaryId}`, roles: [{ role: 'buyer', beneficiaryId }] }
}

/** The accountant of a beneficiary. */
export function accountantOf(beneficiaryId: string): Actor {
  return { id: `accountant-${beneficiaryId}`, roles: [{ role: 'accountant', beneficiaryId }] }
}
