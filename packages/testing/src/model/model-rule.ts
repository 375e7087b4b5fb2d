import type { CommandInput, CommandType, RejectionCode } from '@plafond/core'
import type { LedgerModel, ModelLateInterest } from './ledger-model.js'

/** A command of one type, as a caller writes it. */
export type ModelCommand<T extends CommandType> = Extract<CommandInput, { readonly type: T }>

/**
 * How the reference model treats one command type, in the order the ledger applies the checks:
 * `invalid` (the input itself is wrong), then the role and beneficiary of the actor, then the
 * command id, then `refuse` (the state breaks a rule), then `apply`.
 *
 * To model a new command, write one `ModelRule` and add it to `MODEL_RULES`.
 */
export interface ModelRule<T extends CommandType> {
  /** The role that may issue the command (`DOMAIN.md`, "Who may do what"). */
  readonly role: 'coordinator' | 'buyer' | 'accountant'
  /**
   * The beneficiary whose money the command moves, which a buyer or accountant must act for;
   * undefined when the command names none or its contract is unknown (any beneficiary's
   * buyer may then try, and learn that the contract is unknown).
   */
  readonly beneficiaryOf: (command: ModelCommand<T>, model: LedgerModel) => string | undefined
  /** Whether the input breaks a rule that needs no state (`invalid_command`, nothing recorded). */
  readonly invalid: (command: ModelCommand<T>) => boolean
  /** The code of the first rule the state breaks, or undefined when the command is accepted. */
  readonly refuse: (command: ModelCommand<T>, model: LedgerModel) => RejectionCode | undefined
  /** The effect of an accepted command. */
  readonly apply: (command: ModelCommand<T>, model: LedgerModel) => void
  /**
   * The late-payment interest an accepted command writes (`LatePaymentInterestDue`), judged on the
   * model before `apply`; absent for commands that never write it.
   */
  readonly lateInterest?: (
    command: ModelCommand<T>,
    model: LedgerModel,
  ) => ModelLateInterest | undefined
}

/** A model rule for each command type the model knows. */
export type ModelRules = { readonly [T in CommandType]?: ModelRule<T> }
