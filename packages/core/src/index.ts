/**
 * `@plafond/core`: the books of a French public framework agreement as an event-sourced,
 * tamper-evident ledger. Money, identifiers, commands and events (zod), deciders, authorization,
 * the `EventStore` port with its in-memory reference store, the hash chain and `createLedger`.
 *
 * ```ts
 * import { createLedger } from '@plafond/core'
 *
 * const ledger = createLedger()
 * const coordinator = { id: 'dinum', roles: [{ role: 'coordinator' as const }] }
 * await ledger.execute(
 *   { type: 'OpenFramework', commandId: 'open', frameworkId: 'AC-2025', title: 'Agile', buyerId: '13002526500013',
 *     estimate: '195000000', maximum: '495000000', startsOn: '2025-10-01', endsOn: '2029-09-30', maxHolders: 7 },
 *   { actor: coordinator },
 * )
 * ```
 *
 * @packageDocumentation
 */

export { createLedger } from './ledger/create-ledger.js'
export type {
  BatchOptions,
  ExecuteOptions,
  ExecuteResult,
  Ledger,
  LedgerOptions,
} from './ledger/create-ledger.js'
export { LedgerError, isLedgerError, LEDGER_ERROR_CODES } from './ledger/ledger-error.js'
export type { LedgerErrorCode } from './ledger/ledger-error.js'
export { verifyLog } from './ledger/verify-log.js'
export { parseActor, parseCommand } from './ledger/parse-input.js'
export type { VerifyOptions, VerifyResult } from './ledger/verify-log.js'

export { createInMemoryStore } from './store/in-memory-store.js'
export type { InMemoryStoreOptions } from './store/in-memory-store.js'
export {
  checkExpectedVersion,
  checkWriteShape,
  duplicateOutcome,
  startVersions,
} from './store/append-checks.js'
export { checkReadAllOptions, checkReadStreamOptions } from './store/read-checks.js'
export type {
  AppendOptions,
  AppendResult,
  CommandOutcome,
  EventStore,
  ExpectedVersion,
  LogHead,
  OutcomeResult,
  ProjectionCheckpoint,
  ReadAllOptions,
  ReadStreamOptions,
  StreamWrite,
  WrittenRange,
} from './store/event-store.js'

export {
  asStored,
  canonicalJson,
  undefinedMembersSkipped,
  withoutUndefined,
} from './events/canonical-json.js'
export { outcomeResultJson } from './store/outcome-json.js'
export { contractStream, frameworkStream, productStream } from './events/envelope.js'
export type { EventMeta, NewEvent, RecordedEvent } from './events/envelope.js'
export { GENESIS_HASH, hashEvent, sealEvent } from './events/hash-chain.js'
export type { CanonicalParts, UnhashedEvent } from './events/hash-chain.js'
export { decodeEvent, encodeEvent } from './events/event-codec.js'
export type { LedgerEvent } from './events/event-codec.js'
export { EVENT_CATALOGUE, EVENT_TYPES, isEventType } from './events/event-catalogue.js'
export type {
  ContractEvent,
  DomainEvent,
  EventData,
  EventType,
  FrameworkEvent,
  ProductEvent,
  StreamKind,
} from './events/event-catalogue.js'
export { UPCASTERS, upcast } from './events/upcasters.js'
export type { Upcaster } from './events/upcasters.js'

export { Command, COMMAND_TYPES } from './commands/command.js'
export type { CommandInput, CommandOf, CommandType } from './commands/command.js'
export { COMMAND_HANDLERS, handlerOf } from './commands/command-handlers.js'
export type { CommandHandler, CommandTarget, DecisionStates } from './commands/command-handlers.js'
export type { Decision, DecisionContext } from './commands/decision.js'
export { frameworkDecider, contractDecider, productDecider, decide } from './commands/deciders.js'

export { OpenFramework, DEFAULT_ALERT_THRESHOLDS } from './framework/open-framework.js'
export { AddHolder } from './framework/add-holder.js'
export { AddBeneficiary } from './framework/add-beneficiary.js'
export { Allocate } from './framework/allocate.js'
export { ReleaseAllocation } from './framework/release-allocation.js'
export { TransferAllocation } from './framework/transfer-allocation.js'
export { CloseFramework } from './framework/close-framework.js'
export { AwardContract } from './contract/award-contract.js'
export { CertifyService } from './contract/certify-service.js'
export { RecordPayment } from './contract/record-payment.js'
export { CloseContract } from './contract/close-contract.js'
export { IssueOrder } from './contract/issue-order.js'
export { ModifyContract } from './contract/modify-contract.js'
export { RecordInvoice } from './contract/record-invoice.js'
export { SucceedHolder } from './framework/succeed-holder.js'
export { ChangeProductPhase } from './product/change-product-phase.js'
export { RecordImpact } from './product/record-impact.js'
export {
  latePaymentInterest,
  LATE_INTEREST_MARGIN,
  PAYMENT_DELAY_DAYS,
  RECOVERY_LUMP_SUM,
} from './contract/late-payment-interest.js'
export type { LateInterest } from './contract/late-payment-interest.js'
export { ECB_MAIN_REFINANCING_RATES, ecbRateFor, halfYearOf } from './rates/ecb-rates.js'
export type { EcbHalfYearRate } from './rates/ecb-rates.js'
export { EU_THRESHOLDS_CENTRAL_SUPPLIES_SERVICES, euThresholdOn } from './rates/eu-thresholds.js'
export type { EuThresholdPeriod } from './rates/eu-thresholds.js'
export * as ProductEvents from './product/product-events.js'
export { initialProductState } from './product/product-state.js'
export type { ProductState } from './product/product-state.js'
export { evolveProduct } from './product/product-evolve.js'
export * as FrameworkEvents from './framework/framework-events.js'
export * as ContractEvents from './contract/contract-events.js'
export { initialFrameworkState } from './framework/framework-state.js'
export type { BeneficiaryState, FrameworkState, HolderState } from './framework/framework-state.js'
export { initialContractState } from './contract/contract-state.js'
export type { ContractState, InvoiceState } from './contract/contract-state.js'
export { evolveFramework } from './framework/framework-evolve.js'
export { evolveContract } from './contract/contract-evolve.js'

export { Actor, Role, ROLE_NAMES } from './authorization/actor.js'
export type { RoleName } from './authorization/actor.js'
export { authorize, PERMISSIONS } from './authorization/authorize.js'

export { REJECTION_CODES, isRejectionCode } from './rejections/rejection.js'
export type { InputIssue, Rejection, RejectionCode } from './rejections/rejection.js'

export {
  Money,
  PositiveMoney,
  SignedMoney,
  MAX_CENTS,
  absCents,
  canonicalMoney,
  euros,
  formatCents,
  formatEuros,
  isMoneyString,
  isSignedMoneyString,
  minCents,
  parseCents,
} from './money/money.js'
export type { Cents } from './money/money.js'
export { divideHalfUp, percentOf, reachesPercent } from './money/ratio.js'
export {
  BusinessDateSchema,
  addDays,
  addYears,
  dateFromDayNumber,
  dayNumber,
  daysBetween,
  isBusinessDate,
  parisDate,
  yearOf,
} from './calendar/business-date.js'
export type { BusinessDate } from './calendar/business-date.js'
export { Cpv, Siret, isSiren, isSiret } from './identifiers/siret.js'
export { Id, isId } from './identifiers/id.js'
