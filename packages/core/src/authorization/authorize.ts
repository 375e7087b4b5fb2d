import type { CommandType } from '../commands/command.js'
import { reject, type Rejection } from '../rejections/rejection.js'
import type { Actor, RoleName } from './actor.js'

/**
 * Which role may issue each command (`DOMAIN.md`, "Who may do what"). A buyer or an accountant
 * acts only on its own beneficiary's money; the auditor reads only.
 */
export const PERMISSIONS: { readonly [T in CommandType]: Exclude<RoleName, 'auditor'> } = {
  OpenFramework: 'coordinator',
  AddHolder: 'coordinator',
  AddBeneficiary: 'coordinator',
  Allocate: 'coordinator',
  ReleaseAllocation: 'coordinator',
  TransferAllocation: 'coordinator',
  CloseFramework: 'coordinator',
  SucceedHolder: 'coordinator',
  AwardContract: 'buyer',
  IssueOrder: 'buyer',
  ModifyContract: 'buyer',
  CertifyService: 'buyer',
  CloseContract: 'buyer',
  ChangeProductPhase: 'buyer',
  RecordImpact: 'buyer',
  RecordInvoice: 'accountant',
  RecordPayment: 'accountant',
}

/** Whether the actor holds the role a command type needs, for any beneficiary. */
export function mayIssue(actor: Actor, type: CommandType): boolean {
  const needed = PERMISSIONS[type]
  return actor.roles.some((role) => role.role === needed)
}

/**
 * `forbidden` unless the actor holds the role the command needs, for the beneficiary whose money
 * it moves. `beneficiaryId` is undefined for coordinator commands, or when the target is unknown.
 */
export function authorize(
  actor: Actor,
  type: CommandType,
  beneficiaryId: string | undefined,
): Rejection | undefined {
  const needed = PERMISSIONS[type]
  // A loop, not `some` with a closure: this runs twice for every command.
  for (const role of actor.roles) {
    if (role.role !== needed) continue
    if (role.role !== 'buyer' && role.role !== 'accountant') return undefined
    if (beneficiaryId === undefined || role.beneficiaryId === beneficiaryId) return undefined
  }
  const scope =
    needed === 'coordinator'
      ? 'the coordinator'
      : beneficiaryId === undefined
        ? `a ${needed} (of some beneficiary)`
        : `a ${needed} of beneficiary ${beneficiaryId}`
  const held = actor.roles
    .map((r) => ('beneficiaryId' in r ? `${r.role} of ${r.beneficiaryId}` : r.role))
    .join(', ')
  return reject(
    'forbidden',
    `${type} must be issued by ${scope}; actor ${actor.id} holds ${held === '' ? 'no role' : held}. Nothing was written.`,
    { actorId: actor.id, needed, beneficiaryId },
  )
}
