import { euros, formatCents } from '../money/money.js'
import { reject, type Rejection } from '../rejections/rejection.js'
import { findBeneficiary, unusedAllocation } from './framework-guards.js'
import type { FrameworkState } from './framework-state.js'

/** `framework_ceiling_exceeded` when an increase would pass the maximum, or the maximum was already reached. */
export function checkCeiling(
  framework: FrameworkState,
  increase: bigint,
  what: string,
): Rejection | undefined {
  const headroom = framework.maximum - framework.committed
  if (framework.ceilingReached) {
    return reject(
      'framework_ceiling_exceeded',
      `Framework ${framework.frameworkId} reached its maximum of ${euros(framework.maximum)}: it has exhausted its effects (CJEU C-23/20 §68) and takes no more commitments; ${what} is refused. A new procedure is needed.`,
      {
        frameworkId: framework.frameworkId,
        limit: formatCents(0n),
        attempted: formatCents(increase),
      },
    )
  }
  if (increase <= headroom) return undefined
  return reject(
    'framework_ceiling_exceeded',
    `${what} (${euros(increase)}) would take committed money past the maximum of ${euros(framework.maximum)}: ${euros(framework.committed)} is committed, so at most ${euros(headroom)} remains.`,
    {
      frameworkId: framework.frameworkId,
      maximum: formatCents(framework.maximum),
      committed: formatCents(framework.committed),
      limit: formatCents(headroom),
      attempted: formatCents(increase),
    },
  )
}

/** `allocation_exceeded` when an increase would pass the beneficiary's allocation (invariant 2). */
export function checkAllocation(
  framework: FrameworkState,
  beneficiaryId: string,
  increase: bigint,
  what: string,
): Rejection | undefined {
  const found = findBeneficiary(framework, beneficiaryId)
  if ('rejection' in found) return found.rejection
  const available = unusedAllocation(found.beneficiary)
  if (increase <= available) return undefined
  return reject(
    'allocation_exceeded',
    `${what} (${euros(increase)}) exceeds what beneficiary ${beneficiaryId} has left: ${euros(found.beneficiary.allocated)} allocated, ${euros(found.beneficiary.committed)} committed, ${euros(available)} available. Ask the coordinator to allocate or transfer more, or lower the amount.`,
    {
      beneficiaryId,
      allocated: formatCents(found.beneficiary.allocated),
      committed: formatCents(found.beneficiary.committed),
      limit: formatCents(available),
      attempted: formatCents(increase),
    },
  )
}

/**
 * The limits a commitment increase must pass, in order: the framework has not exhausted its
 * effects (CJEU C-23/20 §68, whatever allocation is left), the beneficiary's allocation
 * (invariant 2), the maximum (invariant 3).
 */
export function checkCommitmentIncrease(
  framework: FrameworkState,
  beneficiaryId: string,
  increase: bigint,
  what: string,
): Rejection | undefined {
  return (
    (framework.ceilingReached ? checkCeiling(framework, increase, what) : undefined) ??
    checkAllocation(framework, beneficiaryId, increase, what) ??
    checkCeiling(framework, increase, what)
  )
}
