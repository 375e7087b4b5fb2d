import { reject, type Rejection } from '../rejections/rejection.js'
import type { ContractState } from './contract-state.js'

/** `unknown_contract` when the contract stream has no event. */
export function checkContractExists(
  state: ContractState,
  contractId: string,
): Rejection | undefined {
  if (state.status !== 'none') return undefined
  return reject(
    'unknown_contract',
    `Contract ${contractId} does not exist. Award it first with AwardContract, or check the contractId.`,
    { contractId },
  )
}

/** `contract_closed` when the contract was closed. */
export function checkContractOpen(state: ContractState, what: string): Rejection | undefined {
  if (state.status !== 'closed') return undefined
  return reject(
    'contract_closed',
    `Contract ${state.contractId} was closed on ${state.closedOn ?? '?'}; ${what} is no longer possible on it.`,
    { contractId: state.contractId, closedOn: state.closedOn },
  )
}

/** `invalid_dates` when a date inside a contract falls before its award. */
export function checkNotBeforeAward(
  state: ContractState,
  field: string,
  date: string,
): Rejection | undefined {
  if (date >= state.awardedOn) return undefined
  return reject(
    'invalid_dates',
    `${field} ${date} is before contract ${state.contractId} was awarded (${state.awardedOn}); dates inside a contract never precede its award.`,
    { contractId: state.contractId, field, limit: state.awardedOn, attempted: date },
  )
}
