import { awardContractCommand, contractFixture, FRAMEWORK, SIRETS } from '@plafond/testing'
import type { CommandInput, CommandType } from './command.js'

const F = FRAMEWORK.frameworkId
const B = SIRETS.beneficiaryB
const C = SIRETS.beneficiaryC

/**
 * One command of each type, aimed at beneficiary B's money (or at the framework), each accepted
 * when the right actor issues it on the ledger `setUp` builds.
 */
export const COMMAND_SAMPLES: Partial<Record<CommandType, CommandInput>> = {
  OpenFramework: {
    type: 'OpenFramework',
    commandId: 'sample',
    frameworkId: 'AC-OTHER',
    title: 'Another framework',
    buyerId: SIRETS.buyer,
    estimate: '100',
    maximum: '200',
    startsOn: '2025-01-01',
    endsOn: '2026-12-31',
    maxHolders: 1,
  },
  AddHolder: {
    type: 'AddHolder',
    commandId: 'sample',
    frameworkId: F,
    holderId: SIRETS.holder3,
    name: 'Holder Three (synthetic)',
    addedOn: '2025-04-01',
  },
  AddBeneficiary: {
    type: 'AddBeneficiary',
    commandId: 'sample',
    frameworkId: F,
    beneficiaryId: SIRETS.beneficiaryD,
    name: 'Beneficiary D (synthetic)',
    on: '2025-04-01',
  },
  Allocate: {
    type: 'Allocate',
    commandId: 'sample',
    frameworkId: F,
    beneficiaryId: B,
    amount: '1000',
    on: '2025-04-01',
  },
  ReleaseAllocation: {
    type: 'ReleaseAllocation',
    commandId: 'sample',
    frameworkId: F,
    beneficiaryId: B,
    amount: '1000',
    on: '2025-04-01',
  },
  TransferAllocation: {
    type: 'TransferAllocation',
    commandId: 'sample',
    frameworkId: F,
    fromBeneficiaryId: B,
    toBeneficiaryId: C,
    amount: '1000',
    on: '2025-04-01',
  },
  CloseFramework: {
    type: 'CloseFramework',
    commandId: 'sample',
    frameworkId: F,
    closedOn: '2025-12-31',
    reason: 'terminated',
  },
  SucceedHolder: {
    type: 'SucceedHolder',
    commandId: 'sample',
    frameworkId: F,
    holderId: SIRETS.holder2,
    successorId: SIRETS.holder4,
    successorName: 'Holder Four (synthetic)',
    succeededOn: '2025-04-01',
    reason: 'Merger',
  },
  AwardContract: {
    ...awardContractCommand(contractFixture({ contractId: 'MS-B2', beneficiaryId: B })),
    commandId: 'sample',
  },
  IssueOrder: {
    type: 'IssueOrder',
    commandId: 'sample',
    contractId: 'MS-B',
    orderId: 'O-1',
    amount: '1000',
    issuedOn: '2025-04-01',
  },
  ModifyContract: {
    type: 'ModifyContract',
    commandId: 'sample',
    contractId: 'MS-B',
    modificationId: 'M-1',
    delta: '1000',
    legalBasis: 'R2194-1',
    notifiedOn: '2025-04-01',
    reason: 'Option exercised',
  },
  CertifyService: {
    type: 'CertifyService',
    commandId: 'sample',
    contractId: 'MS-B',
    serviceId: 'S-2',
    amount: '1000',
    certifiedOn: '2025-04-01',
  },
  RecordInvoice: {
    type: 'RecordInvoice',
    commandId: 'sample',
    contractId: 'MS-B',
    invoiceId: 'I-1',
    amount: '1000',
    vat: '200',
    receivedOn: '2025-04-01',
  },
  RecordPayment: {
    type: 'RecordPayment',
    commandId: 'sample',
    contractId: 'MS-B',
    paymentId: 'P-1',
    amount: '1000',
    paidOn: '2025-04-01',
  },
  CloseContract: {
    type: 'CloseContract',
    commandId: 'sample',
    contractId: 'MS-B',
    closedOn: '2025-04-01',
  },
  ChangeProductPhase: {
    type: 'ChangeProductPhase',
    commandId: 'sample',
    beneficiaryId: B,
    product: 'product-b',
    phase: 'construction',
    on: '2025-04-01',
  },
  RecordImpact: {
    type: 'RecordImpact',
    commandId: 'sample',
    beneficiaryId: B,
    product: 'product-b',
    measuredOn: '2025-04-01',
    indicators: [{ name: 'users', value: '1250' }],
  },
}
