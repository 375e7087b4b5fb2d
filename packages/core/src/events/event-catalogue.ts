import type { z } from 'zod'
import {
  AllocationGranted,
  AllocationReleased,
  AllocationTransferred,
  BeneficiaryAdded,
  CeilingReached,
  CommitmentAwarded,
  CommitmentModified,
  CommitmentReleased,
  FrameworkClosed,
  FrameworkOpened,
  HolderAdded,
  HolderSucceeded,
  ThresholdCrossed,
} from '../framework/framework-events.js'
import {
  ContractAwarded,
  ContractClosed,
  ContractModified,
  InvoiceRecorded,
  LatePaymentInterestDue,
  OrderIssued,
  PaymentRecorded,
  ServiceCertified,
} from '../contract/contract-events.js'
import { ImpactRecorded, ProductPhaseChanged } from '../product/product-events.js'

/** The kinds of stream: one per framework agreement, one per call-off, one per product of a beneficiary. */
export type StreamKind = 'framework' | 'contract' | 'product'

interface EventDefinition<TStream extends StreamKind, TSchema extends z.ZodType> {
  /** The stream kind this event is written to. */
  readonly stream: TStream
  /** The current version of the event's data shape. */
  readonly schemaVersion: number
  /** zod schema of the data, validated on write and on read. */
  readonly schema: TSchema
  /** The business date the event takes effect, read from its data. */
  readonly effectiveOn: (data: z.output<TSchema>) => string
}

function define<TStream extends StreamKind, TSchema extends z.ZodType>(
  definition: EventDefinition<TStream, TSchema>,
) {
  return definition
}

/** Every event type: its stream kind, schema version, data schema and business date. */
export const EVENT_CATALOGUE = {
  FrameworkOpened: define({
    stream: 'framework',
    schemaVersion: 1,
    schema: FrameworkOpened,
    effectiveOn: (d) => d.startsOn,
  }),
  HolderAdded: define({
    stream: 'framework',
    schemaVersion: 1,
    schema: HolderAdded,
    effectiveOn: (d) => d.addedOn,
  }),
  HolderSucceeded: define({
    stream: 'framework',
    schemaVersion: 1,
    schema: HolderSucceeded,
    effectiveOn: (d) => d.succeededOn,
  }),
  BeneficiaryAdded: define({
    stream: 'framework',
    schemaVersion: 1,
    schema: BeneficiaryAdded,
    effectiveOn: (d) => d.addedOn,
  }),
  AllocationGranted: define({
    stream: 'framework',
    schemaVersion: 1,
    schema: AllocationGranted,
    effectiveOn: (d) => d.allocatedOn,
  }),
  AllocationReleased: define({
    stream: 'framework',
    schemaVersion: 1,
    schema: AllocationReleased,
    effectiveOn: (d) => d.releasedOn,
  }),
  AllocationTransferred: define({
    stream: 'framework',
    schemaVersion: 1,
    schema: AllocationTransferred,
    effectiveOn: (d) => d.transferredOn,
  }),
  CommitmentAwarded: define({
    stream: 'framework',
    schemaVersion: 1,
    schema: CommitmentAwarded,
    effectiveOn: (d) => d.awardedOn,
  }),
  CommitmentModified: define({
    stream: 'framework',
    schemaVersion: 1,
    schema: CommitmentModified,
    effectiveOn: (d) => d.notifiedOn,
  }),
  CommitmentReleased: define({
    stream: 'framework',
    schemaVersion: 1,
    schema: CommitmentReleased,
    effectiveOn: (d) => d.closedOn,
  }),
  ThresholdCrossed: define({
    stream: 'framework',
    schemaVersion: 1,
    schema: ThresholdCrossed,
    effectiveOn: (d) => d.crossedOn,
  }),
  CeilingReached: define({
    stream: 'framework',
    schemaVersion: 1,
    schema: CeilingReached,
    effectiveOn: (d) => d.reachedOn,
  }),
  FrameworkClosed: define({
    stream: 'framework',
    schemaVersion: 1,
    schema: FrameworkClosed,
    effectiveOn: (d) => d.closedOn,
  }),
  ContractAwarded: define({
    stream: 'contract',
    schemaVersion: 1,
    schema: ContractAwarded,
    effectiveOn: (d) => d.awardedOn,
  }),
  OrderIssued: define({
    stream: 'contract',
    schemaVersion: 1,
    schema: OrderIssued,
    effectiveOn: (d) => d.issuedOn,
  }),
  ContractModified: define({
    stream: 'contract',
    schemaVersion: 1,
    schema: ContractModified,
    effectiveOn: (d) => d.notifiedOn,
  }),
  ServiceCertified: define({
    stream: 'contract',
    schemaVersion: 2,
    schema: ServiceCertified,
    effectiveOn: (d) => d.certifiedOn,
  }),
  InvoiceRecorded: define({
    stream: 'contract',
    schemaVersion: 1,
    schema: InvoiceRecorded,
    effectiveOn: (d) => d.receivedOn,
  }),
  PaymentRecorded: define({
    stream: 'contract',
    schemaVersion: 1,
    schema: PaymentRecorded,
    effectiveOn: (d) => d.paidOn,
  }),
  LatePaymentInterestDue: define({
    stream: 'contract',
    schemaVersion: 1,
    schema: LatePaymentInterestDue,
    effectiveOn: (d) => d.paidOn,
  }),
  ContractClosed: define({
    stream: 'contract',
    schemaVersion: 1,
    schema: ContractClosed,
    effectiveOn: (d) => d.closedOn,
  }),
  ProductPhaseChanged: define({
    stream: 'product',
    schemaVersion: 1,
    schema: ProductPhaseChanged,
    effectiveOn: (d) => d.changedOn,
  }),
  ImpactRecorded: define({
    stream: 'product',
    schemaVersion: 1,
    schema: ImpactRecorded,
    effectiveOn: (d) => d.measuredOn,
  }),
} as const

type Catalogue = typeof EVENT_CATALOGUE

/** The name of an event type. */
export type EventType = keyof Catalogue

/** All event type names, in catalogue order. */
export const EVENT_TYPES = Object.keys(EVENT_CATALOGUE) as readonly EventType[]

/** The data of an event of type `T`. */
export type EventData<T extends EventType> = z.output<Catalogue[T]['schema']>

/** A domain event: a type and its data, before the store gives it an envelope. */
export type DomainEvent = {
  [T in EventType]: { readonly type: T; readonly data: EventData<T> }
}[EventType]

/** The events written to one kind of stream. */
export type StreamEvent<K extends StreamKind> = Extract<
  DomainEvent,
  { type: { [T in EventType]: Catalogue[T]['stream'] extends K ? T : never }[EventType] }
>

/** Events of a framework stream. */
export type FrameworkEvent = StreamEvent<'framework'>

/** Events of a contract stream. */
export type ContractEvent = StreamEvent<'contract'>

/** Events of a product stream. */
export type ProductEvent = StreamEvent<'product'>

/** Whether `type` names a known event type. */
export function isEventType(type: string): type is EventType {
  return Object.hasOwn(EVENT_CATALOGUE, type)
}
