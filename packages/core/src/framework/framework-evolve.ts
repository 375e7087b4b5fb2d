import type { Draft } from 'immer'
import type { FrameworkEvent } from '../events/event-catalogue.js'
import { parseCents } from '../money/money.js'
import type { BeneficiaryState, FrameworkState } from './framework-state.js'

function beneficiary(state: Draft<FrameworkState>, id: string): Draft<BeneficiaryState> {
  const found = state.beneficiaries[id]
  if (!found) throw new Error(`Event names beneficiary ${id}, which the framework does not know.`)
  return found
}

/**
 * Applies one event to a framework state. Written as an immer recipe: it mutates `state`, which
 * on the command path is the cached state itself, once the append succeeded (ADR 0007), or a
 * private copy, and on bulk replay a private mutable copy.
 */
export function evolveFramework(state: Draft<FrameworkState>, event: FrameworkEvent): void {
  switch (event.type) {
    case 'FrameworkOpened': {
      const d = event.data
      state.status = 'open'
      state.frameworkId = d.frameworkId
      state.estimate = parseCents(d.estimate)
      state.maximum = parseCents(d.maximum)
      state.startsOn = d.startsOn
      state.endsOn = d.endsOn
      state.maxHolders = d.maxHolders
      state.thresholds = {
        estimate: [...d.alertThresholds.estimate],
        maximum: [...d.alertThresholds.maximum],
        allocation: [...d.alertThresholds.allocation],
      }
      return
    }
    case 'HolderAdded':
      state.holders[event.data.holderId] = {
        name: event.data.name,
        addedOn: event.data.addedOn,
        current: true,
        succeededBy: undefined,
      }
      state.currentHolders += 1
      return
    case 'HolderSucceeded': {
      const former = state.holders[event.data.holderId]
      if (former?.current) {
        former.current = false
        state.currentHolders -= 1
      }
      if (former) former.succeededBy = event.data.successorId
      const successor = state.holders[event.data.successorId]
      if (!successor) {
        state.holders[event.data.successorId] = {
          name: event.data.successorName,
          addedOn: event.data.succeededOn,
          current: true,
          succeededBy: undefined,
        }
        state.currentHolders += 1
      } else if (!successor.current) {
        successor.current = true
        successor.succeededBy = undefined
        state.currentHolders += 1
      }
      return
    }
    case 'BeneficiaryAdded':
      state.beneficiaries[event.data.beneficiaryId] = {
        name: event.data.name,
        programme: event.data.programme,
        allocated: 0n,
        committed: 0n,
        crossed: [],
      }
      return
    case 'AllocationGranted': {
      const amount = parseCents(event.data.amount)
      beneficiary(state, event.data.beneficiaryId).allocated += amount
      state.allocated += amount
      return
    }
    case 'AllocationReleased': {
      const amount = parseCents(event.data.amount)
      beneficiary(state, event.data.beneficiaryId).allocated -= amount
      state.allocated -= amount
      return
    }
    case 'AllocationTransferred': {
      const amount = parseCents(event.data.amount)
      beneficiary(state, event.data.fromBeneficiaryId).allocated -= amount
      beneficiary(state, event.data.toBeneficiaryId).allocated += amount
      return
    }
    case 'CommitmentAwarded': {
      const amount = parseCents(event.data.amount)
      beneficiary(state, event.data.beneficiaryId).committed += amount
      state.committed += amount
      return
    }
    case 'CommitmentModified': {
      const delta = parseCents(event.data.delta)
      beneficiary(state, event.data.beneficiaryId).committed += delta
      state.committed += delta
      return
    }
    case 'CommitmentReleased': {
      const amount = parseCents(event.data.amount)
      beneficiary(state, event.data.beneficiaryId).committed -= amount
      state.committed -= amount
      return
    }
    case 'ThresholdCrossed':
      if (event.data.scope === 'allocation' && event.data.beneficiaryId !== undefined) {
        beneficiary(state, event.data.beneficiaryId).crossed.push(event.data.percent)
      } else {
        state.crossed.push(`${event.data.scope}:${event.data.percent}`)
      }
      return
    case 'CeilingReached':
      state.ceilingReached = true
      return
    case 'FrameworkClosed':
      state.status = 'closed'
      state.closedOn = event.data.closedOn
      return
    default: {
      const unreachable: never = event
      throw new Error(`Unhandled framework event ${JSON.stringify(unreachable)}`)
    }
  }
}
