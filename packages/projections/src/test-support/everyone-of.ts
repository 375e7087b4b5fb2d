import type { Actor } from '@plafond/core'

/** An actor that is coordinator, and buyer and accountant of each of `beneficiaries`. */
export function everyoneOf(beneficiaries: readonly string[]): Actor {
  return {
    id: 'scenario',
    roles: [
      { role: 'coordinator' },
      ...beneficiaries.flatMap((beneficiaryId) => [
        { role: 'buyer' as const, beneficiaryId },
        { role: 'accountant' as const, beneficiaryId },
      ]),
    ],
  }
}
