import {
  contractDecider,
  contractStream,
  EVENT_CATALOGUE,
  frameworkDecider,
  frameworkStream,
  handlerOf,
  productDecider,
  productStream,
  type Command,
  type ContractEvent,
  type ContractState,
  type DecisionStates,
  type FrameworkEvent,
  type FrameworkState,
  type LedgerEvent,
  type ProductEvent,
  type ProductState,
} from '@plafond/core'
import { produce } from 'immer'
import type { BeneficiaryBalance, LedgerBalances } from './ledger-balances.js'
import { stableSerialize } from './stable-serialize.js'

type AnyState = FrameworkState | ContractState | ProductState

/**
 * How the states are built: `per-command` runs core's `evolve` recipes under immer's `produce`,
 * once per command, as the ledger's command path does (frozen states, structural sharing);
 * `replay` runs the same recipes on private mutable states, as bulk replay may.
 */
export type StreamStatesMode = 'per-command' | 'replay'

function initial(kind: 'framework' | 'contract' | 'product'): AnyState {
  switch (kind) {
    case 'framework':
      return frameworkDecider.initialState()
    case 'contract':
      return contractDecider.initialState()
    case 'product':
      return productDecider.initialState()
  }
}

function evolve(state: AnyState, event: LedgerEvent): void {
  // The recipes take immer drafts; a private mutable state is one as far as they can tell.
  switch (EVENT_CATALOGUE[event.type].stream) {
    case 'framework':
      frameworkDecider.evolve(state as never, event as unknown as FrameworkEvent)
      return
    case 'contract':
      contractDecider.evolve(state as never, event as unknown as ContractEvent)
      return
    case 'product':
      productDecider.evolve(state as never, event as unknown as ProductEvent)
      return
  }
}

/**
 * Every stream's decision state, folded from events through core's own deciders. Two folds of the
 * same log, one per mode, must serialize to the same bytes (invariant 7).
 */
export class CoreStreamStates {
  readonly #mode: StreamStatesMode
  readonly #states = new Map<string, AnyState>()

  constructor(mode: StreamStatesMode) {
    this.#mode = mode
  }

  /** Applies the events of one command (or any run of events, in position order). */
  apply(events: readonly LedgerEvent[]): void {
    const byStream = new Map<string, LedgerEvent[]>()
    for (const event of events) {
      const list = byStream.get(event.stream) ?? []
      list.push(event)
      byStream.set(event.stream, list)
    }
    for (const [stream, list] of byStream) {
      const kind = EVENT_CATALOGUE[list[0]!.type].stream
      const state = this.#states.get(stream) ?? initial(kind)
      if (this.#mode === 'per-command') {
        this.#states.set(
          stream,
          produce(state, (draft) => {
            for (const event of list) evolve(draft, event)
          }),
        )
      } else {
        this.#states.set(stream, state)
        for (const event of list) evolve(state, event)
      }
    }
  }

  /** Applies every event of a log, in position order. */
  async applyAll(events: AsyncIterable<LedgerEvent>): Promise<this> {
    for await (const event of events) this.apply([event])
    return this
  }

  /** All states, serialized with sorted keys and bigints: equal states give equal bytes. */
  serialize(): string {
    return stableSerialize(this.#states)
  }

  /**
   * The balances core's own states hold, in the shape `BalancesFold` gives: a second, independent
   * derivation of the same figures from the same log.
   */
  balances(): LedgerBalances {
    const balances: LedgerBalances = { frameworks: {}, contracts: {} }
    for (const state of this.#states.values()) {
      if ('maxHolders' in state) {
        if (state.status === 'none') continue
        const beneficiaries: Record<string, BeneficiaryBalance> = {}
        for (const [id, b] of Object.entries(state.beneficiaries)) {
          beneficiaries[id] = { allocated: b.allocated, committed: b.committed }
        }
        balances.frameworks[state.frameworkId] = {
          maximum: state.maximum,
          allocated: state.allocated,
          committed: state.committed,
          holders: state.currentHolders,
          maxHolders: state.maxHolders,
          closed: state.status === 'closed',
          ceilingReached: state.ceilingReached,
          beneficiaries,
        }
      } else if ('certified' in state) {
        if (state.status === 'none') continue
        balances.contracts[state.contractId] = {
          frameworkId: state.frameworkId,
          beneficiaryId: state.beneficiaryId,
          initial: state.initial,
          modifications: state.amount - state.initial,
          amount: state.amount,
          ordered: state.ordered,
          certified: state.certified,
          invoiced: state.invoiced,
          paid: state.paid,
          released: state.released,
          closed: state.status === 'closed',
        }
      }
    }
    return balances
  }

  /**
   * The states core's `decide` would see for a command, as the ledger's working set reads them:
   * the contract, the framework it names (or its contract's), the product.
   */
  decisionStates(command: Command): DecisionStates {
    const target = handlerOf(command.type).target(command)
    const contract =
      target.contractId === undefined
        ? contractDecider.initialState()
        : ((this.#states.get(contractStream(target.contractId)) as ContractState | undefined) ??
          contractDecider.initialState())
    const frameworkId =
      target.frameworkId ??
      (target.withFramework === true && contract.status !== 'none'
        ? contract.frameworkId
        : undefined)
    const framework =
      frameworkId === undefined
        ? frameworkDecider.initialState()
        : ((this.#states.get(frameworkStream(frameworkId)) as FrameworkState | undefined) ??
          frameworkDecider.initialState())
    const product =
      target.product === undefined
        ? productDecider.initialState()
        : ((this.#states.get(
            productStream(target.product.beneficiaryId, target.product.product),
          ) as ProductState | undefined) ?? productDecider.initialState())
    return { framework, contract, product }
  }
}
