import { euros, formatCents } from '../money/money.js'
import { reject, type Rejection } from '../rejections/rejection.js'
import type { BeneficiaryState, FrameworkState } from './framework-state.js'

/** `unknown_framework` when the framework stream has no event. */
export function checkFrameworkExists(
  state: FrameworkState,
  frameworkId: string,
): Rejection | undefined {
  if (state.status !== 'none') return undefined
  return reject(
    'unknown_framework',
    `Framework ${frameworkId} does not exist. Open it first with OpenFramework, or check the frameworkId.`,
    { frameworkId },
  )
}

/** `framework_not_open` when the framework was closed; `verb` says what was attempted. */
export function checkFrameworkNotClosed(
  state: FrameworkState,
  verb: string,
): Rejection | undefined {
  if (state.status !== 'closed') return undefined
  return reject(
    'framework_not_open',
    `Framework ${state.frameworkId} was closed on ${state.closedOn ?? '?'}; it no longer accepts ${verb}.`,
    { frameworkId: state.frameworkId, closedOn: state.closedOn },
  )
}

/** `unknown_beneficiary` unless the beneficiary was added to the framework. */
export function findBeneficiary(
  state: FrameworkState,
  beneficiaryId: string,
): { readonly beneficiary: BeneficiaryState } | { readonly rejection: Rejection } {
  const beneficiary = state.beneficiaries[beneficiaryId]
  if (beneficiary) return { beneficiary }
  return {
    rejection: reject(
      'unknown_beneficiary',
      `Beneficiary ${beneficiaryId} is not named on framework ${state.frameworkId} (R2162-6). Add it with AddBeneficiary first, or check the SIRET.`,
      { frameworkId: state.frameworkId, beneficiaryId },
    ),
  }
}

/** What a beneficiary can still commit or give away: allocation − committed. */
export function unusedAllocation(beneficiary: BeneficiaryState): bigint {
  return beneficiary.allocated - beneficiary.committed
}

/** `allocation_in_use` when `amount` exceeds what the beneficiary has not committed. */
export function checkUnusedAllocation(
  beneficiaryId: string,
  beneficiary: BeneficiaryState,
  amount: bigint,
  verb: string,
): Rejection | undefined {
  const unused = unusedAllocation(beneficiary)
  if (amount <= unused) return undefined
  return reject(
    'allocation_in_use',
    `Cannot ${verb} ${euros(amount)} of beneficiary ${beneficiaryId}'s allocation: ${euros(beneficiary.allocated)} allocated, ${euros(beneficiary.committed)} committed, so at most ${euros(unused)} is unused.`,
    {
      beneficiaryId,
      allocated: formatCents(beneficiary.allocated),
      committed: formatCents(beneficiary.committed),
      limit: formatCents(unused),
      attempted: formatCents(amount),
    },
  )
}
