import type { FrameworkEvent } from '../events/event-catalogue.js'
import { formatCents, type Cents } from '../money/money.js'
import { reachesPercent } from '../money/ratio.js'
import type { FrameworkState } from './framework-state.js'

/**
 * The alerts a commitment increase raises: `ThresholdCrossed` for each threshold of the estimate,
 * the maximum or the beneficiary's allocation first reached, and `CeilingReached` when committed
 * money reaches the maximum (`DOMAIN.md`, "Alerts").
 */
export function commitmentAlerts(
  state: FrameworkState,
  beneficiaryId: string,
  increase: Cents,
  on: string,
  contractId: string,
): FrameworkEvent[] {
  const events: FrameworkEvent[] = []
  const total = state.committed + increase
  const common = { frameworkId: state.frameworkId, crossedOn: on, contractId }
  for (const scope of ['estimate', 'maximum'] as const) {
    const reference = state[scope]
    for (const percent of state.thresholds[scope]) {
      if (
        state.crossed.includes(`${scope}:${percent}`) ||
        !reachesPercent(total, reference, percent)
      )
        continue
      events.push({
        type: 'ThresholdCrossed',
        data: {
          ...common,
          scope,
          percent,
          reference: formatCents(reference),
          committed: formatCents(total),
        },
      })
    }
  }
  const beneficiary = state.beneficiaries[beneficiaryId]
  if (beneficiary && beneficiary.allocated > 0n) {
    const committed = beneficiary.committed + increase
    for (const percent of state.thresholds.allocation) {
      if (
        beneficiary.crossed.includes(percent) ||
        !reachesPercent(committed, beneficiary.allocated, percent)
      ) {
        continue
      }
      events.push({
        type: 'ThresholdCrossed',
        data: {
          ...common,
          scope: 'allocation',
          beneficiaryId,
          percent,
          reference: formatCents(beneficiary.allocated),
          committed: formatCents(committed),
        },
      })
    }
  }
  if (!state.ceilingReached && total >= state.maximum) {
    events.push({
      type: 'CeilingReached',
      data: {
        frameworkId: state.frameworkId,
        maximum: formatCents(state.maximum),
        committed: formatCents(total),
        reachedOn: on,
        contractId,
      },
    })
  }
  return events
}
