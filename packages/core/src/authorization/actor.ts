import { z } from 'zod'
import { Id } from '../identifiers/id.js'
import { Siret } from '../identifiers/siret.js'

/** The roles an actor can hold (`DOMAIN.md`, "Who may do what"). */
export const ROLE_NAMES = ['coordinator', 'buyer', 'accountant', 'auditor'] as const

/** A role name. */
export type RoleName = (typeof ROLE_NAMES)[number]

/** zod schema of one role; buyers and accountants act for one beneficiary. */
export const Role = z.discriminatedUnion('role', [
  z.strictObject({ role: z.literal('coordinator') }),
  z.strictObject({ role: z.literal('auditor') }),
  z.strictObject({ role: z.literal('buyer'), beneficiaryId: Siret }),
  z.strictObject({ role: z.literal('accountant'), beneficiaryId: Siret }),
])

/** One role held by an actor. */
export type Role = z.infer<typeof Role>

/** zod schema of an actor: who issues a command, with the roles they hold. */
export const Actor = z.strictObject({
  id: Id,
  roles: z.array(Role).readonly(),
})

/** Who issues a command: `{ id, roles }`. Every event records the actor's id. */
export type Actor = z.infer<typeof Actor>
