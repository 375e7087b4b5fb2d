import { z } from 'zod'
import { AwardContract } from '../contract/award-contract.js'
import { CertifyService } from '../contract/certify-service.js'
import { CloseContract } from '../contract/close-contract.js'
import { IssueOrder } from '../contract/issue-order.js'
import { ModifyContract } from '../contract/modify-contract.js'
import { RecordInvoice } from '../contract/record-invoice.js'
import { RecordPayment } from '../contract/record-payment.js'
import { AddBeneficiary } from '../framework/add-beneficiary.js'
import { AddHolder } from '../framework/add-holder.js'
import { Allocate } from '../framework/allocate.js'
import { CloseFramework } from '../framework/close-framework.js'
import { OpenFramework } from '../framework/open-framework.js'
import { ReleaseAllocation } from '../framework/release-allocation.js'
import { SucceedHolder } from '../framework/succeed-holder.js'
import { TransferAllocation } from '../framework/transfer-allocation.js'
import { ChangeProductPhase } from '../product/change-product-phase.js'
import { RecordImpact } from '../product/record-impact.js'

/** zod schema of every command, discriminated by `type`. */
export const Command = z.discriminatedUnion('type', [
  OpenFramework,
  AddHolder,
  AddBeneficiary,
  Allocate,
  ReleaseAllocation,
  TransferAllocation,
  AwardContract,
  IssueOrder,
  ModifyContract,
  CertifyService,
  RecordInvoice,
  RecordPayment,
  CloseContract,
  CloseFramework,
  SucceedHolder,
  ChangeProductPhase,
  RecordImpact,
])

/** A command, as parsed: amounts in canonical form. */
export type Command = z.infer<typeof Command>

/** What a caller writes: the same shape before parsing (amounts may have one decimal). */
export type CommandInput = z.input<typeof Command>

/** The name of a command type. */
export type CommandType = Command['type']

/** The command of a given type. */
export type CommandOf<T extends CommandType> = Extract<Command, { type: T }>

/** Every command type, in `DOMAIN.md` order. */
export const COMMAND_TYPES = Command.options.map(
  (option) => option.shape.type.value,
) as readonly CommandType[]
