import type { OcdsOrganizationReference, OcdsParty, OcdsPartyRole } from './ocds-document.js'

const ROLE_ORDER: readonly OcdsPartyRole[] = [
  'buyer',
  'procuringEntity',
  'supplier',
  'payer',
  'payee',
]

/** The party id of an organization: its identifier scheme and its SIRET (`FR-RCS-<SIRET>`). */
export function partyId(siret: string): string {
  return `FR-RCS-${siret}`
}

/**
 * The organizations of one contracting process and every role each plays in it. Roles are
 * gathered over the whole process first, so that every release lists a party with the same
 * roles: OCDS replaces a party's `roles` array whole when it merges releases.
 */
export class ProcessParties {
  readonly #roles = new Map<string, Set<OcdsPartyRole>>()
  readonly #names: ReadonlyMap<string, string>

  /** `names` gives organizations' names by SIRET. */
  constructor(names: ReadonlyMap<string, string>) {
    this.#names = names
  }

  /** Records that `siret` plays `roles` in the process. */
  add(siret: string, ...roles: readonly OcdsPartyRole[]): void {
    const known = this.#roles.get(siret) ?? new Set<OcdsPartyRole>()
    for (const role of roles) known.add(role)
    this.#roles.set(siret, known)
  }

  /** A reference to the organization, by party id and name. */
  reference(siret: string): OcdsOrganizationReference {
    const name = this.#names.get(siret)
    return name === undefined ? { id: partyId(siret) } : { id: partyId(siret), name }
  }

  /** The `parties` entries of the organizations a release refers to, each with all its roles. */
  parties(...sirets: readonly string[]): OcdsParty[] {
    return [...new Set(sirets)].map((siret) => {
      const name = this.#names.get(siret)
      const roles = this.#roles.get(siret) ?? new Set<OcdsPartyRole>()
      return {
        id: partyId(siret),
        ...(name === undefined ? {} : { name }),
        identifier: {
          scheme: 'FR-RCS',
          id: siret,
          ...(name === undefined ? {} : { legalName: name }),
        },
        roles: ROLE_ORDER.filter((role) => roles.has(role)),
      }
    })
  }
}
