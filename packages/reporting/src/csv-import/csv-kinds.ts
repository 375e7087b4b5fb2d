import type { CommandType, EventData, EventType } from '@plafond/core'
import { formatThresholds } from './alert-thresholds-cell.js'
import type { CsvColumn } from './csv-columns.js'
import { writeAmount } from './csv-cells.js'
import type { CsvDialectRules } from './csv-dialect.js'
import { formatIndicators } from './impact-indicators-cell.js'

/** The role that issues a kind's command (`DOMAIN.md`, "Who may do what"). */
export type CsvRole = 'coordinator' | 'buyer' | 'accountant'

/**
 * What a row refers to: `framework` opens one; `in-framework` acts on one; `call-off` awards a
 * call-off in a framework; `in-call-off` acts on a call-off (its beneficiary is the call-off's);
 * `product` acts on a beneficiary's product.
 */
export type CsvScope = 'framework' | 'in-framework' | 'call-off' | 'in-call-off' | 'product'

/** Cells of a row, by column, as the file writes them; `undefined` leaves a cell empty. */
export type CsvCells = { readonly [C in CsvColumn]?: string | undefined }

/** One kind of row: the command it becomes and the event `exportCsv` writes it from. */
export interface CsvKindDefinition<E extends EventType = EventType> {
  /** The command a row of this kind becomes. */
  readonly command: CommandType
  /** The event a row of this kind is written from. */
  readonly event: E
  /** Who issues the command. */
  readonly role: CsvRole
  /** What the row refers to. */
  readonly scope: CsvScope
  /** For each column the kind reads, the command field it fills. */
  readonly fields: Readonly<Partial<Record<CsvColumn, string>>>
  /** The columns a row of this kind cannot leave empty. */
  readonly required: readonly CsvColumn[]
  /** Whether `amount` is a signed change rather than an amount. */
  readonly signedAmount?: boolean
  /** What `ref` names (order, payment, …), for messages. */
  readonly ref?: string
  /** The cells of the row that records `data`. */
  readonly cells: (data: EventData<E>, rules: CsvDialectRules) => CsvCells
}

function define<E extends EventType>(definition: CsvKindDefinition<E>): CsvKindDefinition<E> {
  return definition
}

/**
 * Every kind of row of the history CSV, in `DOMAIN.md`'s command order. The README's column
 * table is written from this one.
 */
export const CSV_KINDS = {
  framework: define({
    command: 'OpenFramework',
    event: 'FrameworkOpened',
    role: 'coordinator',
    scope: 'framework',
    fields: {
      framework: 'frameworkId',
      object: 'title',
      buyer: 'buyerId',
      cpv: 'cpv',
      estimate: 'estimate',
      maximum: 'maximum',
      minimum: 'minimum',
      date: 'startsOn',
      ends_on: 'endsOn',
      max_holders: 'maxHolders',
      justification: 'durationJustification',
      alert_thresholds: 'alertThresholds',
    },
    required: [
      'framework',
      'object',
      'buyer',
      'estimate',
      'maximum',
      'date',
      'ends_on',
      'max_holders',
    ],
    cells: (d, rules) => ({
      framework: d.frameworkId,
      object: d.title,
      buyer: d.buyerId,
      cpv: d.cpv,
      estimate: writeAmount(d.estimate, rules),
      maximum: writeAmount(d.maximum, rules),
      minimum: d.minimum === undefined ? undefined : writeAmount(d.minimum, rules),
      date: d.startsOn,
      ends_on: d.endsOn,
      max_holders: String(d.maxHolders),
      justification: d.durationJustification,
      alert_thresholds: formatThresholds(d.alertThresholds),
    }),
  }),
  holder: define({
    command: 'AddHolder',
    event: 'HolderAdded',
    role: 'coordinator',
    scope: 'in-framework',
    fields: { framework: 'frameworkId', holder: 'holderId', name: 'name', date: 'addedOn' },
    required: ['framework', 'holder', 'name', 'date'],
    cells: (d) => ({ framework: d.frameworkId, holder: d.holderId, name: d.name, date: d.addedOn }),
  }),
  'holder-succession': define({
    command: 'SucceedHolder',
    event: 'HolderSucceeded',
    role: 'coordinator',
    scope: 'in-framework',
    fields: {
      framework: 'frameworkId',
      holder: 'holderId',
      counterparty: 'successorId',
      name: 'successorName',
      date: 'succeededOn',
      reason: 'reason',
    },
    required: ['framework', 'holder', 'counterparty', 'name', 'date', 'reason'],
    cells: (d) => ({
      framework: d.frameworkId,
      holder: d.holderId,
      counterparty: d.successorId,
      name: d.successorName,
      date: d.succeededOn,
      reason: d.reason,
    }),
  }),
  beneficiary: define({
    command: 'AddBeneficiary',
    event: 'BeneficiaryAdded',
    role: 'coordinator',
    scope: 'in-framework',
    fields: {
      framework: 'frameworkId',
      beneficiary: 'beneficiaryId',
      name: 'name',
      programme: 'programme',
      date: 'on',
    },
    required: ['framework', 'beneficiary', 'name', 'date'],
    cells: (d) => ({
      framework: d.frameworkId,
      beneficiary: d.beneficiaryId,
      name: d.name,
      programme: d.programme,
      date: d.addedOn,
    }),
  }),
  allocation: define({
    command: 'Allocate',
    event: 'AllocationGranted',
    role: 'coordinator',
    scope: 'in-framework',
    fields: {
      framework: 'frameworkId',
      beneficiary: 'beneficiaryId',
      amount: 'amount',
      date: 'on',
    },
    required: ['framework', 'beneficiary', 'amount', 'date'],
    cells: (d, rules) => ({
      framework: d.frameworkId,
      beneficiary: d.beneficiaryId,
      amount: writeAmount(d.amount, rules),
      date: d.allocatedOn,
    }),
  }),
  'allocation-release': define({
    command: 'ReleaseAllocation',
    event: 'AllocationReleased',
    role: 'coordinator',
    scope: 'in-framework',
    fields: {
      framework: 'frameworkId',
      beneficiary: 'beneficiaryId',
      amount: 'amount',
      date: 'on',
    },
    required: ['framework', 'beneficiary', 'amount', 'date'],
    cells: (d, rules) => ({
      framework: d.frameworkId,
      beneficiary: d.beneficiaryId,
      amount: writeAmount(d.amount, rules),
      date: d.releasedOn,
    }),
  }),
  'allocation-transfer': define({
    command: 'TransferAllocation',
    event: 'AllocationTransferred',
    role: 'coordinator',
    scope: 'in-framework',
    fields: {
      framework: 'frameworkId',
      beneficiary: 'fromBeneficiaryId',
      counterparty: 'toBeneficiaryId',
      amount: 'amount',
      date: 'on',
    },
    required: ['framework', 'beneficiary', 'counterparty', 'amount', 'date'],
    cells: (d, rules) => ({
      framework: d.frameworkId,
      beneficiary: d.fromBeneficiaryId,
      counterparty: d.toBeneficiaryId,
      amount: writeAmount(d.amount, rules),
      date: d.transferredOn,
    }),
  }),
  'call-off': define({
    command: 'AwardContract',
    event: 'ContractAwarded',
    role: 'buyer',
    scope: 'call-off',
    fields: {
      framework: 'frameworkId',
      contract: 'contractId',
      beneficiary: 'beneficiaryId',
      holder: 'holderId',
      contract_kind: 'kind',
      amount: 'amount',
      date: 'awardedOn',
      competition: 'competition',
      justification: 'justification',
      product: 'product',
      object: 'object',
      duration_months: 'durationMonths',
    },
    required: [
      'framework',
      'contract',
      'beneficiary',
      'holder',
      'contract_kind',
      'amount',
      'date',
      'competition',
    ],
    cells: (d, rules) => ({
      framework: d.frameworkId,
      contract: d.contractId,
      beneficiary: d.beneficiaryId,
      holder: d.holderId,
      contract_kind: d.kind,
      amount: writeAmount(d.amount, rules),
      date: d.awardedOn,
      competition: d.competition,
      justification: d.justification,
      product: d.product,
      object: d.object,
      duration_months: d.durationMonths === undefined ? undefined : String(d.durationMonths),
    }),
  }),
  order: define({
    command: 'IssueOrder',
    event: 'OrderIssued',
    role: 'buyer',
    scope: 'in-call-off',
    ref: 'order',
    fields: { contract: 'contractId', ref: 'orderId', amount: 'amount', date: 'issuedOn' },
    required: ['contract', 'ref', 'amount', 'date'],
    cells: (d, rules) => ({
      contract: d.contractId,
      ref: d.orderId,
      amount: writeAmount(d.amount, rules),
      date: d.issuedOn,
    }),
  }),
  modification: define({
    command: 'ModifyContract',
    event: 'ContractModified',
    role: 'buyer',
    scope: 'in-call-off',
    ref: 'modification',
    signedAmount: true,
    fields: {
      contract: 'contractId',
      ref: 'modificationId',
      amount: 'delta',
      legal_basis: 'legalBasis',
      date: 'notifiedOn',
      reason: 'reason',
      counterparty: 'newHolderId',
    },
    required: ['contract', 'ref', 'amount', 'legal_basis', 'date', 'reason'],
    cells: (d, rules) => ({
      contract: d.contractId,
      ref: d.modificationId,
      amount: writeAmount(d.delta, rules),
      legal_basis: d.legalBasis,
      date: d.notifiedOn,
      reason: d.reason,
      counterparty: d.newHolderId,
    }),
  }),
  delivery: define({
    command: 'CertifyService',
    event: 'ServiceCertified',
    role: 'buyer',
    scope: 'in-call-off',
    ref: 'delivery',
    fields: {
      contract: 'contractId',
      ref: 'serviceId',
      amount: 'amount',
      date: 'certifiedOn',
      period_start: 'periodStart',
      period_end: 'periodEnd',
    },
    required: ['contract', 'ref', 'amount', 'date'],
    cells: (d, rules) => ({
      contract: d.contractId,
      ref: d.serviceId,
      amount: writeAmount(d.amount, rules),
      date: d.certifiedOn,
      period_start: d.period?.from,
      period_end: d.period?.to,
    }),
  }),
  invoice: define({
    command: 'RecordInvoice',
    event: 'InvoiceRecorded',
    role: 'accountant',
    scope: 'in-call-off',
    ref: 'invoice',
    fields: {
      contract: 'contractId',
      ref: 'invoiceId',
      amount: 'amount',
      vat: 'vat',
      date: 'receivedOn',
    },
    required: ['contract', 'ref', 'amount', 'vat', 'date'],
    cells: (d, rules) => ({
      contract: d.contractId,
      ref: d.invoiceId,
      amount: writeAmount(d.amount, rules),
      vat: writeAmount(d.vat, rules),
      date: d.receivedOn,
    }),
  }),
  payment: define({
    command: 'RecordPayment',
    event: 'PaymentRecorded',
    role: 'accountant',
    scope: 'in-call-off',
    ref: 'payment',
    fields: {
      contract: 'contractId',
      ref: 'paymentId',
      amount: 'amount',
      date: 'paidOn',
      invoice: 'invoiceId',
    },
    required: ['contract', 'ref', 'amount', 'date'],
    cells: (d, rules) => ({
      contract: d.contractId,
      ref: d.paymentId,
      amount: writeAmount(d.amount, rules),
      date: d.paidOn,
      invoice: d.invoiceId,
    }),
  }),
  'call-off-closing': define({
    command: 'CloseContract',
    event: 'ContractClosed',
    role: 'buyer',
    scope: 'in-call-off',
    fields: { contract: 'contractId', date: 'closedOn' },
    required: ['contract', 'date'],
    cells: (d) => ({ contract: d.contractId, date: d.closedOn }),
  }),
  'framework-closing': define({
    command: 'CloseFramework',
    event: 'FrameworkClosed',
    role: 'coordinator',
    scope: 'in-framework',
    fields: { framework: 'frameworkId', date: 'closedOn', reason: 'reason' },
    required: ['framework', 'date', 'reason'],
    cells: (d) => ({ framework: d.frameworkId, date: d.closedOn, reason: d.reason }),
  }),
  'product-phase': define({
    command: 'ChangeProductPhase',
    event: 'ProductPhaseChanged',
    role: 'buyer',
    scope: 'product',
    fields: { beneficiary: 'beneficiaryId', product: 'product', phase: 'phase', date: 'on' },
    required: ['beneficiary', 'product', 'phase', 'date'],
    cells: (d) => ({
      beneficiary: d.beneficiaryId,
      product: d.product,
      phase: d.phase,
      date: d.changedOn,
    }),
  }),
  impact: define({
    command: 'RecordImpact',
    event: 'ImpactRecorded',
    role: 'buyer',
    scope: 'product',
    fields: {
      beneficiary: 'beneficiaryId',
      product: 'product',
      date: 'measuredOn',
      indicators: 'indicators',
    },
    required: ['beneficiary', 'product', 'date', 'indicators'],
    cells: (d, rules) => ({
      beneficiary: d.beneficiaryId,
      product: d.product,
      date: d.measuredOn,
      indicators: formatIndicators(d.indicators, rules.decimalMark),
    }),
  }),
} as const

/** The name of a kind of row. */
export type CsvKind = keyof typeof CSV_KINDS

/** Whether `name` is a kind of row. */
export function isCsvKind(name: string): name is CsvKind {
  return Object.hasOwn(CSV_KINDS, name)
}

/** The kind of row each exported event type is written as. */
export const CSV_KIND_OF_EVENT: ReadonlyMap<EventType, CsvKind> = new Map(
  (Object.keys(CSV_KINDS) as CsvKind[]).map((kind) => [CSV_KINDS[kind].event, kind]),
)
