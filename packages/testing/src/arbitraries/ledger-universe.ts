import type { Actor } from '@plafond/core'

/** The validity of a framework of the universe. */
export interface UniverseValidity {
  readonly startsOn: string
  readonly endsOn: string
}

/**
 * The small world random commands are drawn from: two frameworks, four beneficiaries, three
 * holders, six contracts and a few order, service and payment ids, plus ids that are never created.
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
  paymentIds: ['P-1', 'P-2', 'P-3'],
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
