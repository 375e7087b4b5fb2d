import type { Actor, CommandInput } from '@plafond/core'

/** The framework every workload runs on: its id and the SIRETs of its holders and beneficiaries. */
export interface SyntheticFramework {
  readonly frameworkId: string
  readonly holders: readonly string[]
  readonly beneficiaries: readonly string[]
  /** Opens, adds holders and beneficiaries, allocates: what a coordinator does first. */
  readonly setup: readonly CommandInput[]
  readonly coordinator: Actor
  /** One buyer per beneficiary, in the order of `beneficiaries`. */
  readonly buyers: readonly Actor[]
  /** One accountant per beneficiary, in the order of `beneficiaries`. */
  readonly accountants: readonly Actor[]
}

/** Completes a 13-digit prefix with the Luhn check digit that makes it a valid SIRET. */
export function syntheticSiret(prefix13: string): string {
  for (let digit = 0; digit <= 9; digit++) {
    const candidate = `${prefix13}${digit}`
    let sum = 0
    for (let i = 0; i < 14; i++) {
      let d = Number(candidate[13 - i])
      if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2
      sum += d
    }
    if (sum % 10 === 0) return candidate
  }
  throw new Error(`No Luhn digit completes ${prefix13}; expected 13 digits.`)
}

/** The number of beneficiaries and holders of the DINUM framework the issue describes. */
export const BENEFICIARIES = 31
export const HOLDERS = 7

/**
 * A framework like the DINUM's agile framework: 495 M€ maximum, 195 M€ estimate, 7 holders,
 * 31 beneficiaries with 15 M€ allocated each (465 M€ in all). Synthetic: the SIRETs are made up.
 */
export function syntheticFramework(frameworkId = 'AC-BENCH'): SyntheticFramework {
  const holders = Array.from({ length: HOLDERS }, (_, i) =>
    syntheticSiret(`910000010${String(i).padStart(4, '0')}`),
  )
  const beneficiaries = Array.from({ length: BENEFICIARIES }, (_, i) =>
    syntheticSiret(`920000010${String(i).padStart(4, '0')}`),
  )
  const setup: CommandInput[] = [
    {
      type: 'OpenFramework',
      commandId: `${frameworkId}:open`,
      frameworkId,
      title: 'Agile product teams (synthetic benchmark)',
      buyerId: '13002526500013',
      estimate: '195000000',
      maximum: '495000000',
      startsOn: '2025-10-01',
      endsOn: '2029-09-30',
      maxHolders: HOLDERS,
    },
    ...holders.map((holderId): CommandInput => ({
      type: 'AddHolder',
      commandId: `${frameworkId}:holder:${holderId}`,
      frameworkId,
      holderId,
      name: `Holder ${holderId}`,
      addedOn: '2025-10-01',
    })),
    ...beneficiaries.flatMap((beneficiaryId): CommandInput[] => [
      {
        type: 'AddBeneficiary',
        commandId: `${frameworkId}:beneficiary:${beneficiaryId}`,
        frameworkId,
        beneficiaryId,
        name: `Beneficiary ${beneficiaryId}`,
        on: '2025-10-01',
      },
      {
        type: 'Allocate',
        commandId: `${frameworkId}:allocate:${beneficiaryId}`,
        frameworkId,
        beneficiaryId,
        amount: '15000000',
        on: '2025-10-01',
      },
    ]),
  ]
  return {
    frameworkId,
    holders,
    beneficiaries,
    setup,
    coordinator: { id: 'coordinator', roles: [{ role: 'coordinator' }] },
    buyers: beneficiaries.map((beneficiaryId) => ({
      id: `buyer-${beneficiaryId}`,
      roles: [{ role: 'buyer', beneficiaryId }],
    })),
    accountants: beneficiaries.map((beneficiaryId) => ({
      id: `accountant-${beneficiaryId}`,
      roles: [{ role: 'accountant', beneficiaryId }],
    })),
  }
}
