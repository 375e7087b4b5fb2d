import { evolveContract } from '../contract/contract-evolve.js'
import { initialContractState } from '../contract/contract-state.js'
import { evolveFramework } from '../framework/framework-evolve.js'
import { initialFrameworkState } from '../framework/framework-state.js'
import { evolveProduct } from '../product/product-evolve.js'
import { initialProductState } from '../product/product-state.js'
import type { Command } from './command.js'
import { handlerOf, type DecisionStates } from './command-handlers.js'
import type { Decision, DecisionContext } from './decision.js'

/**
 * Decides any command on the states it reads: the framework's, the contract's, or both. Pure: the
 * same command, states and context always give the same decision.
 */
export function decide(
  command: Command,
  states: DecisionStates,
  context: DecisionContext,
): Decision {
  return handlerOf(command.type).decide(command, states, context)
}

/** The decider of framework streams: their initial state and `evolve` recipe. */
export const frameworkDecider = {
  initialState: initialFrameworkState,
  evolve: evolveFramework,
  decide,
} as const

/** The decider of contract streams: their initial state and `evolve` recipe. */
export const contractDecider = {
  initialState: initialContractState,
  evolve: evolveContract,
  decide,
} as const

/** The decider of product streams: their initial state and `evolve` recipe. */
export const productDecider = {
  initialState: initialProductState,
  evolve: evolveProduct,
  decide,
} as const
