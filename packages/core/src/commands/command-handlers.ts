import { decideAwardContract } from '../contract/award-contract.js'
import { decideCertifyService } from '../contract/certify-service.js'
import { decideCloseContract } from '../contract/close-contract.js'
import type { ContractState } from '../contract/contract-state.js'
import { decideIssueOrder } from '../contract/issue-order.js'
import { decideModifyContract } from '../contract/modify-contract.js'
import { decideRecordInvoice } from '../contract/record-invoice.js'
import { decideRecordPayment } from '../contract/record-payment.js'
import { decideAddBeneficiary } from '../framework/add-beneficiary.js'
import { decideAddHolder } from '../framework/add-holder.js'
import { decideAllocate } from '../framework/allocate.js'
import { decideCloseFramework } from '../framework/close-framework.js'
import type { FrameworkState } from '../framework/framework-state.js'
import { decideOpenFramework } from '../framework/open-framework.js'
import { decideReleaseAllocation } from '../framework/release-allocation.js'
import { decideSucceedHolder } from '../framework/succeed-holder.js'
import { decideTransferAllocation } from '../framework/transfer-allocation.js'
import { decideChangeProductPhase } from '../product/change-product-phase.js'
import { decideRecordImpact } from '../product/record-impact.js'
import type { ProductState } from '../product/product-state.js'
import type { CommandOf, CommandType } from './command.js'
import type { Decision, DecisionContext } from './decision.js'

/**
 * The streams a command reads and writes: a framework stream, a contract stream, both (an award),
 * or a product stream. `withFramework` also loads the framework a contract belongs to.
 */
export interface CommandTarget {
  readonly frameworkId?: string
  readonly contractId?: string
  readonly withFramework?: boolean
  readonly product?: { readonly beneficiaryId: string; readonly product: string }
}

/** The states a decider sees: those it reads, and initial states for the others. */
export interface DecisionStates {
  readonly framework: FrameworkState
  readonly contract: ContractState
  readonly product: ProductState
}

/** How the ledger runs one command type. */
export interface CommandHandler<T extends CommandType> {
  /** The streams the command touches. */
  readonly target: (command: CommandOf<T>) => CommandTarget
  /** The beneficiary whose money the command moves, for buyer and accountant scopes. */
  readonly beneficiaryOf: (command: CommandOf<T>, states: DecisionStates) => string | undefined
  /** The pure decision. */
  readonly decide: (
    command: CommandOf<T>,
    states: DecisionStates,
    context: DecisionContext,
  ) => Decision
}

type Handlers = { readonly [T in CommandType]: CommandHandler<T> }

const onFramework = (command: { readonly frameworkId: string }): CommandTarget => ({
  frameworkId: command.frameworkId,
})
const onContract = (command: { readonly contractId: string }): CommandTarget => ({
  contractId: command.contractId,
  withFramework: false,
})
const onContractAndFramework = (command: { readonly contractId: string }): CommandTarget => ({
  contractId: command.contractId,
  withFramework: true,
})
const onProduct = (command: {
  readonly beneficiaryId: string
  readonly product: string
}): CommandTarget => ({
  product: { beneficiaryId: command.beneficiaryId, product: command.product },
})
const noBeneficiary = (): undefined => undefined
const contractBeneficiary = (_command: unknown, states: DecisionStates): string | undefined =>
  states.contract.status === 'none' ? undefined : states.contract.beneficiaryId

/** One handler per command type: which streams it needs, whose money it moves, how it decides. */
export const COMMAND_HANDLERS: Handlers = {
  OpenFramework: {
    target: onFramework,
    beneficiaryOf: noBeneficiary,
    decide: (c, s) => decideOpenFramework(c, s.framework),
  },
  AddHolder: {
    target: onFramework,
    beneficiaryOf: noBeneficiary,
    decide: (c, s) => decideAddHolder(c, s.framework),
  },
  AddBeneficiary: {
    target: onFramework,
    beneficiaryOf: noBeneficiary,
    decide: (c, s, ctx) => decideAddBeneficiary(c, s.framework, ctx),
  },
  Allocate: {
    target: onFramework,
    beneficiaryOf: noBeneficiary,
    decide: (c, s, ctx) => decideAllocate(c, s.framework, ctx),
  },
  ReleaseAllocation: {
    target: onFramework,
    beneficiaryOf: noBeneficiary,
    decide: (c, s, ctx) => decideReleaseAllocation(c, s.framework, ctx),
  },
  TransferAllocation: {
    target: onFramework,
    beneficiaryOf: noBeneficiary,
    decide: (c, s, ctx) => decideTransferAllocation(c, s.framework, ctx),
  },
  AwardContract: {
    target: (c) => ({ frameworkId: c.frameworkId, contractId: c.contractId }),
    beneficiaryOf: (c) => c.beneficiaryId,
    decide: (c, s) => decideAwardContract(c, s.framework, s.contract),
  },
  IssueOrder: {
    target: onContract,
    beneficiaryOf: contractBeneficiary,
    decide: (c, s) => decideIssueOrder(c, s.contract),
  },
  ModifyContract: {
    target: onContractAndFramework,
    beneficiaryOf: contractBeneficiary,
    decide: (c, s, ctx) => decideModifyContract(c, s.framework, s.contract, ctx),
  },
  CertifyService: {
    target: onContract,
    beneficiaryOf: contractBeneficiary,
    decide: (c, s) => decideCertifyService(c, s.contract),
  },
  RecordInvoice: {
    target: onContract,
    beneficiaryOf: contractBeneficiary,
    decide: (c, s) => decideRecordInvoice(c, s.contract),
  },
  RecordPayment: {
    target: onContract,
    beneficiaryOf: contractBeneficiary,
    decide: (c, s, ctx) => decideRecordPayment(c, s.contract, ctx),
  },
  CloseContract: {
    target: onContractAndFramework,
    beneficiaryOf: contractBeneficiary,
    decide: (c, s) => decideCloseContract(c, s.framework, s.contract),
  },
  CloseFramework: {
    target: onFramework,
    beneficiaryOf: noBeneficiary,
    decide: (c, s) => decideCloseFramework(c, s.framework),
  },
  SucceedHolder: {
    target: onFramework,
    beneficiaryOf: noBeneficiary,
    decide: (c, s) => decideSucceedHolder(c, s.framework),
  },
  ChangeProductPhase: {
    target: onProduct,
    beneficiaryOf: (c) => c.beneficiaryId,
    decide: (c, s) => decideChangeProductPhase(c, s.product),
  },
  RecordImpact: {
    target: onProduct,
    beneficiaryOf: (c) => c.beneficiaryId,
    decide: (c, s) => decideRecordImpact(c, s.product),
  },
}

/** The handler of a command type. */
export function handlerOf<T extends CommandType>(type: T): CommandHandler<T> {
  return COMMAND_HANDLERS[type]
}
