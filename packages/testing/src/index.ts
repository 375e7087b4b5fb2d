export { given, SpecificationFailure, SPECIFICATION_TODAY } from './decider-specification.js'
export type { GivenStep, WhenOptions, WhenStep } from './decider-specification.js'
export { SIRETS, withLuhnDigit } from './fixtures/sirets.js'
export { accountantOf, auditor, buyerOf, coordinator } from './fixtures/actors.js'
export {
  FRAMEWORK,
  frameworkFixture,
  openedFrameworkCommands,
  openedFrameworkEvents,
} from './fixtures/opened-framework.js'
export type { FrameworkFixture } from './fixtures/opened-framework.js'
export {
  awardContractCommand,
  awardedContractEvents,
  contractFixture,
} from './fixtures/awarded-contract.js'
export type { ContractFixture } from './fixtures/awarded-contract.js'
export { executeAll, FIXED_INSTANT, fixedClock, openedLedger } from './fixtures/opened-ledger.js'
export { newTestEvent, newTestEvents } from './store-contract/new-test-event.js'
export type { TestEventOverrides } from './store-contract/new-test-event.js'
export { newTestOutcome } from './store-contract/new-test-outcome.js'
export { checkLedgerAgainstModel, MODEL_CHECK_CLOCK } from './model/check-ledger-against-model.js'
export type { ModelCheckOptions, ModelCheckReport } from './model/check-ledger-against-model.js'
export { checkLedgerInvariants } from './model/check-ledger-invariants.js'
export type { InvariantCheckOptions } from './model/check-ledger-invariants.js'
export { raceForAllocation } from './model/race-for-allocation.js'
export type { RaceOptions, RaceReport } from './model/race-for-allocation.js'
export { checkInterleavings } from './model/check-interleavings.js'
export type { InterleavingCheckOptions, InterleavingReport } from './model/check-interleavings.js'
export { scheduledStore } from './model/scheduled-store.js'
export { propertyRuns, PROPERTY_RUNS_VARIABLE } from './model/property-runs.js'
export {
  allocatedUnder,
  cloneLedgerModel,
  committedUnder,
  contractAmount,
  createLedgerModel,
  unusedAllocation,
} from './model/ledger-model.js'
export type {
  LedgerModel,
  ModelBeneficiary,
  ModelContract,
  ModelFramework,
  ModelInvoice,
  ModelLateInterest,
  ModelOutcome,
  ModelRateTables,
  RememberedOutcome,
} from './model/ledger-model.js'
export { MODEL_RULES, modelContent, predictOutcome } from './model/predict-outcome.js'
export type { Prediction } from './model/predict-outcome.js'
export type { ModelCommand, ModelRule, ModelRules } from './model/model-rule.js'
export { BalancesFold } from './model/balances-fold.js'
export { balancesOfModel } from './model/ledger-balances.js'
export type {
  BeneficiaryBalance,
  ContractBalance,
  FrameworkBalance,
  LedgerBalances,
} from './model/ledger-balances.js'
export { ledgerInvariantViolations } from './model/ledger-invariants.js'
export { CoreStreamStates } from './model/core-stream-states.js'
export type { StreamStatesMode } from './model/core-stream-states.js'
export { stableSerialize } from './model/stable-serialize.js'
export {
  createLedgerUnderTest,
  createModelRunState,
  IntentCommand,
  runIntent,
} from './model/model-run.js'
export type { LedgerUnderTest, ModelRunState, StepChecks } from './model/model-run.js'
export {
  actorIntent,
  amountIntent,
  commandIntent,
  dateIntent,
  openingIntents,
  singleCommandIntent,
} from './arbitraries/command-intent.js'
export type {
  ActorIntent,
  AmountIntent,
  CommandIntent,
  CommandIntentOptions,
  DateIntent,
  EntityPick,
  LegalBasisIntent,
  ModificationVariant,
  RepeatVariant,
} from './arbitraries/command-intent.js'
export { resolveIntent } from './arbitraries/resolve-intent.js'
export type { IntentContext, IssuedCommand, SingleIntent } from './arbitraries/resolve-intent.js'
export { LEDGER_UNIVERSE } from './arbitraries/ledger-universe.js'
export type { UniverseValidity } from './arbitraries/ledger-universe.js'
