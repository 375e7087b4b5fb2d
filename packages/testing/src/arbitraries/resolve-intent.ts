import { addDays, type Actor, type CommandInput, type CommandType } from '@plafond/core'
import {
  allocatedUnder,
  contractAmount,
  unusedAllocation,
  type LedgerModel,
} from '../model/ledger-model.js'
import { modelEuThreshold } from '../model/model-eu-threshold.js'
import type { ModelRule } from '../model/model-rule.js'
import { MODEL_RULES } from '../model/predict-outcome.js'
import { signedWireCents, toWireAmount, wireCents } from '../model/wire-amount.js'
import type {
  ActorIntent,
  AmountIntent,
  CommandIntent,
  DateIntent,
  EntityPick,
} from './command-intent.js'
import {
  accountantOf,
  AUDITOR,
  buyerOf,
  COORDINATOR,
  EVERYONE,
  LEDGER_UNIVERSE,
  NOBODY,
} from './ledger-universe.js'

/** A concrete command and who issues it. */
export interface IssuedCommand {
  readonly command: CommandInput
  readonly actor: Actor
}

/** What an intent is resolved against: the model as it stands and the commands issued so far. */
export interface IntentContext {
  readonly model: LedgerModel
  /** Every command issued so far, for repeats. */
  readonly history: readonly IssuedCommand[]
  /** A command id never used before. */
  readonly nextCommandId: () => string
}

/** A single command's intent (batches are resolved step by step by their runner). */
export type SingleIntent = Exclude<CommandIntent, { readonly type: 'Batch' }>

const U = LEDGER_UNIVERSE
// When the entity a limit belongs to does not exist, amounts are drawn around this one.
const FALLBACK_LIMIT = 100_000n

function pickFrom<T>(candidates: readonly T[], i: number): T {
  return candidates[i % candidates.length]!
}

function frameworkId(pick: EntityPick, model: LedgerModel): string {
  const known = [...model.frameworks.keys()].sort()
  if (pick.known && known.length > 0) return pickFrom(known, pick.index)
  return pickFrom([...U.frameworks, U.unknownFramework], pick.index)
}

function beneficiaryId(pick: EntityPick, model: LedgerModel, framework: string): string {
  const known = [...(model.frameworks.get(framework)?.beneficiaries.keys() ?? [])]
  if (pick.known && known.length > 0) return pickFrom(known, pick.index)
  return pickFrom(U.beneficiaries, pick.index)
}

function holderId(pick: EntityPick, model: LedgerModel, framework: string): string {
  const known = [...(model.frameworks.get(framework)?.holders ?? [])]
  if (pick.known && known.length > 0) return pickFrom(known, pick.index)
  return pickFrom(U.holders, pick.index)
}

/** A holder that is or was on the framework's list (`known`), or any holder of the universe. */
function listedHolderId(pick: EntityPick, model: LedgerModel, framework: string): string {
  const found = model.frameworks.get(framework)
  const known = found ? [...found.holders, ...found.formerHolders].sort() : []
  if (pick.known && known.length > 0) return pickFrom(known, pick.index)
  return pickFrom(U.holders, pick.index)
}

function contractId(pick: EntityPick, model: LedgerModel, withUnknown: boolean): string {
  const known = [...model.contracts.keys()].sort()
  if (pick.known && known.length > 0) return pickFrom(known, pick.index)
  return pickFrom(withUnknown ? [...U.contracts, U.unknownContract] : U.contracts, pick.index)
}

function amount(intent: AmountIntent, limit: bigint): string {
  let cents: bigint
  switch (intent.kind) {
    case 'edge':
      cents = limit + intent.offset
      break
    case 'share':
      cents = (limit * BigInt(intent.quarters)) / 4n
      break
    case 'fixed':
      cents = intent.cents
      break
  }
  // A limit of zero gives one cent, which the rule refuses; only `edge - 1` sends a zero amount,
  // which the input schema refuses, so that both kinds of refusal happen without crowding out
  // the rest.
  const zeroAllowed = intent.kind === 'edge' && intent.offset === -1n
  return toWireAmount(cents > 0n ? cents : zeroAllowed ? 0n : 1n, intent.short)
}

function validity(model: LedgerModel, framework: string): { startsOn: string; endsOn: string } {
  return model.frameworks.get(framework) ?? U.validity[framework] ?? U.validity['AC-1']!
}

function aroundValidity(date: DateIntent, startsOn: string, endsOn: string): string {
  switch (date) {
    case 'before':
      return addDays(startsOn, -1)
    case 'start':
      return startsOn
    case 'inside':
      return addDays(startsOn, 200)
    case 'end':
      return endsOn
    case 'after':
      return addDays(endsOn, 1)
  }
}

const PHASES = [
  'investigation',
  'construction',
  'acceleration',
  'transfer',
  'success',
  'alumni',
] as const

/**
 * The limit a modification's amount is drawn around: for R2194-2 and R2194-5 half the initial
 * amount; for R2194-8 the largest change the cumul still allows; otherwise the allocation left
 * (increase) or the room above what was certified, ordered and invoiced (decrease).
 */
function modificationLimit(
  intent: Extract<SingleIntent, { readonly type: 'ModifyContract' }>,
  model: LedgerModel,
  contract: string,
  notifiedOn: string,
): bigint {
  const found = model.contracts.get(contract)
  if (!found) return FALLBACK_LIMIT
  switch (intent.legalBasis) {
    case 'R2194-2':
    case 'R2194-5':
      return found.initial / 2n
    case 'R2194-8': {
      const tenPercent = (found.initial + 9n) / 10n
      const threshold = modelEuThreshold(model.tables, notifiedOn)
      return (tenPercent < threshold ? tenPercent : threshold) - found.smallModifications - 1n
    }
    case 'R2194-1':
    case 'R2194-6':
    case 'R2194-7': {
      if (intent.direction === 'increase') {
        const framework = model.frameworks.get(found.frameworkId)
        return framework ? unusedAllocation(model, framework, found.beneficiaryId) : 0n
      }
      const floors = [found.certified, found.ordered, found.invoiced]
      return contractAmount(found) - floors.reduce((a, b) => (a > b ? a : b))
    }
  }
}

function afterAward(date: DateIntent, model: LedgerModel, contract: string): string {
  const awardedOn = model.contracts.get(contract)?.awardedOn ?? '2026-01-15'
  const days = { before: -1, start: 0, inside: 45, end: 90, after: 400 }[date]
  return addDays(awardedOn, days)
}

/** The actor an intent asks for, given the command it issues. */
export function actorFor(intent: ActorIntent, command: CommandInput, model: LedgerModel): Actor {
  const rule = MODEL_RULES[command.type] as ModelRule<CommandType> | undefined
  const role = rule?.role ?? 'coordinator'
  const own = rule?.beneficiaryOf(command, model) ?? U.beneficiaries[0]
  const other = pickFrom(U.beneficiaries, (U.beneficiaries as readonly string[]).indexOf(own) + 1)
  switch (intent) {
    case 'proper':
      return role === 'coordinator'
        ? COORDINATOR
        : role === 'buyer'
          ? buyerOf(own)
          : accountantOf(own)
    case 'other-beneficiary':
      return role === 'accountant' ? accountantOf(other) : buyerOf(other)
    case 'wrong-role':
      return role === 'accountant' ? buyerOf(own) : accountantOf(own)
    case 'auditor':
      return AUDITOR
    case 'nobody':
      return NOBODY
    case 'everyone':
      return EVERYONE
  }
}

function changedCopy(command: CommandInput): CommandInput {
  const record = { ...command } as Record<string, unknown>
  const cents = wireCents(record.amount)
  const delta = signedWireCents(record.delta)
  if (cents !== undefined) record.amount = toWireAmount(cents + 1n)
  else if (delta !== undefined) record.delta = toWireAmount(delta + 1n)
  else if (typeof record.title === 'string') record.title = `${record.title} (bis)`
  else if (typeof record.name === 'string') record.name = `${record.name} (bis)`
  else if (typeof record.closedOn === 'string') record.closedOn = addDays(record.closedOn, 1)
  else if (typeof record.reason === 'string') record.reason = `${record.reason} (bis)`
  // Every command drawn has one of the fields above; anything else becomes a new command.
  else record.commandId = `${command.commandId}-changed`
  return record as unknown as CommandInput
}

function reformatted(command: CommandInput): CommandInput {
  const record = { ...command } as Record<string, unknown>
  const field = record.delta === undefined ? 'amount' : 'delta'
  const cents = field === 'amount' ? wireCents(record.amount) : signedWireCents(record.delta)
  if (cents === undefined) return command
  record[field] =
    record[field] === toWireAmount(cents) ? toWireAmount(cents, true) : toWireAmount(cents)
  return record as unknown as CommandInput
}

function repeatOf(
  intent: Extract<SingleIntent, { readonly type: 'Repeat' }>,
  context: IntentContext,
): IssuedCommand {
  if (context.history.length === 0) {
    const command: CommandInput = {
      type: 'AddHolder',
      commandId: context.nextCommandId(),
      frameworkId: U.unknownFramework,
      holderId: U.holders[0],
      name: 'Holder',
      addedOn: '2025-02-01',
    }
    return { command, actor: COORDINATOR }
  }
  const earlier = pickFrom(context.history, intent.pick)
  switch (intent.variant) {
    case 'same':
      return earlier
    case 'reformatted':
      return { command: reformatted(earlier.command), actor: earlier.actor }
    case 'changed':
      return { command: changedCopy(earlier.command), actor: earlier.actor }
    case 'other-actor':
      return {
        command: earlier.command,
        actor: actorFor(intent.actor, earlier.command, context.model),
      }
  }
}

/**
 * Turns an intent into a concrete command and actor against the model as it stands: entities are
 * picked among those that exist (or not), amounts around the limit of the rule they meet, dates
 * around the edges of what is allowed. Deterministic: the same intent and model give the same
 * command.
 */
export function resolveIntent(intent: SingleIntent, context: IntentContext): IssuedCommand {
  const { model } = context
  if (intent.type === 'Repeat') return repeatOf(intent, context)
  const commandId = context.nextCommandId()
  const command = ((): CommandInput => {
    switch (intent.type) {
      case 'OpenFramework': {
        const id = pickFrom([...U.frameworks, U.unknownFramework], intent.framework)
        const { startsOn, endsOn } = U.validity[id]!
        const estimate = (intent.maximumCents * BigInt(intent.estimateQuarters)) / 4n
        const tooLong = intent.variant === 'too-long' || intent.variant === 'too-long-justified'
        return {
          type: 'OpenFramework',
          commandId,
          frameworkId: id,
          title: `Framework ${id}`,
          buyerId: U.buyerId,
          estimate: toWireAmount(
            intent.variant === 'estimate-above-maximum' ? intent.maximumCents + 1n : estimate,
          ),
          maximum: toWireAmount(intent.maximumCents),
          startsOn,
          endsOn:
            intent.variant === 'ends-before-start'
              ? startsOn
              : tooLong
                ? addDays(addDays(startsOn, 4 * 365), 2)
                : endsOn,
          maxHolders: intent.maxHolders,
          ...(intent.variant === 'too-long-justified'
            ? { durationJustification: 'Investments amortised over five years.' }
            : {}),
        }
      }
      case 'AddHolder': {
        const framework = frameworkId(intent.framework, model)
        const holder = pickFrom(U.holders, intent.holder)
        return {
          type: 'AddHolder',
          commandId,
          frameworkId: framework,
          holderId: holder,
          name: `Holder ${holder}`,
          addedOn: validity(model, framework).startsOn,
        }
      }
      case 'AddBeneficiary': {
        const framework = frameworkId(intent.framework, model)
        const beneficiary = pickFrom(U.beneficiaries, intent.beneficiary)
        return {
          type: 'AddBeneficiary',
          commandId,
          frameworkId: framework,
          beneficiaryId: beneficiary,
          name: `Beneficiary ${beneficiary}`,
        }
      }
      case 'Allocate':
      case 'ReleaseAllocation': {
        const framework = frameworkId(intent.framework, model)
        const beneficiary = beneficiaryId(intent.beneficiary, model, framework)
        const found = model.frameworks.get(framework)
        const limit = !found
          ? FALLBACK_LIMIT
          : intent.type === 'Allocate'
            ? found.maximum - allocatedUnder(found)
            : unusedAllocation(model, found, beneficiary)
        return {
          type: intent.type,
          commandId,
          frameworkId: framework,
          beneficiaryId: beneficiary,
          amount: amount(intent.amount, limit),
        }
      }
      case 'TransferAllocation': {
        const framework = frameworkId(intent.framework, model)
        const from = beneficiaryId(intent.from, model, framework)
        const to = beneficiaryId(intent.to, model, framework)
        const found = model.frameworks.get(framework)
        return {
          type: 'TransferAllocation',
          commandId,
          frameworkId: framework,
          fromBeneficiaryId: from,
          toBeneficiaryId: to,
          amount: amount(
            intent.amount,
            found ? unusedAllocation(model, found, from) : FALLBACK_LIMIT,
          ),
        }
      }
      case 'AwardContract': {
        const framework = frameworkId(intent.framework, model)
        const beneficiary = beneficiaryId(intent.beneficiary, model, framework)
        const found = model.frameworks.get(framework)
        const { startsOn, endsOn } = validity(model, framework)
        return {
          type: 'AwardContract',
          commandId,
          frameworkId: framework,
          contractId: contractId(intent.contract, model, false),
          beneficiaryId: beneficiary,
          holderId: holderId(intent.holder, model, framework),
          kind: intent.kind,
          amount: amount(
            intent.amount,
            found ? unusedAllocation(model, found, beneficiary) : FALLBACK_LIMIT,
          ),
          awardedOn: aroundValidity(intent.date, startsOn, endsOn),
          competition: intent.competition === 'mini-competition' ? 'mini-competition' : 'direct',
          ...(intent.competition === 'direct-justified'
            ? { justification: 'Only this holder can take over the running service.' }
            : {}),
        }
      }
      case 'IssueOrder': {
        const contract = contractId(intent.contract, model, true)
        const found = model.contracts.get(contract)
        return {
          type: 'IssueOrder',
          commandId,
          contractId: contract,
          orderId: pickFrom(U.orderIds, intent.line),
          amount: amount(
            intent.amount,
            found ? contractAmount(found) - found.ordered : FALLBACK_LIMIT,
          ),
          issuedOn: afterAward(intent.date, model, contract),
        }
      }
      case 'CertifyService': {
        const contract = contractId(intent.contract, model, true)
        const found = model.contracts.get(contract)
        return {
          type: 'CertifyService',
          commandId,
          contractId: contract,
          serviceId: pickFrom(U.serviceIds, intent.line),
          amount: amount(
            intent.amount,
            found ? contractAmount(found) - found.certified : FALLBACK_LIMIT,
          ),
          certifiedOn: afterAward(intent.date, model, contract),
        }
      }
      case 'RecordPayment': {
        const contract = contractId(intent.contract, model, true)
        const found = model.contracts.get(contract)
        return {
          type: 'RecordPayment',
          commandId,
          contractId: contract,
          paymentId: pickFrom(U.paymentIds, intent.line),
          amount: amount(intent.amount, found ? found.certified - found.paid : FALLBACK_LIMIT),
          paidOn: afterAward(intent.date, model, contract),
        }
      }
      case 'ModifyContract': {
        const contract = contractId(intent.contract, model, true)
        const found = model.contracts.get(contract)
        const notifiedOn =
          intent.date === 'year-end'
            ? '2025-12-31'
            : intent.date === 'new-year'
              ? '2026-01-01'
              : afterAward(intent.date, model, contract)
        const succession = intent.legalBasis === 'R2194-6'
        // R2194-6 leaves the amount unchanged: its `zero-delta` variant is a change of amount.
        const changesAmount = succession === (intent.variant === 'zero-delta')
        const magnitude = wireCents(
          amount(intent.amount, modificationLimit(intent, model, contract, notifiedOn)),
        )!
        const delta = changesAmount
          ? intent.direction === 'increase'
            ? magnitude
            : -magnitude
          : 0n
        const namesHolder = succession === (intent.variant !== 'stray-holder')
        return {
          type: 'ModifyContract',
          commandId,
          contractId: contract,
          modificationId: pickFrom(U.modificationIds, intent.line),
          delta: toWireAmount(delta, intent.amount.short),
          legalBasis: intent.legalBasis,
          notifiedOn,
          reason: `Modification under ${intent.legalBasis}`,
          ...(namesHolder
            ? {
                newHolderId: listedHolderId(
                  intent.newHolder,
                  model,
                  found?.frameworkId ?? U.frameworks[0],
                ),
              }
            : {}),
        }
      }
      case 'RecordInvoice': {
        const contract = contractId(intent.contract, model, true)
        const found = model.contracts.get(contract)
        const wire = amount(
          intent.amount,
          found ? contractAmount(found) - found.invoiced : FALLBACK_LIMIT,
        )
        const ht = wireCents(wire) ?? 0n
        // 20 % and 5.5 %, rounded down: any VAT is accepted, its pro rata enters the interest base.
        const vat = { none: 0n, standard: ht / 5n, reduced: (ht * 55n) / 1000n }[intent.vat]
        return {
          type: 'RecordInvoice',
          commandId,
          contractId: contract,
          invoiceId: pickFrom(U.invoiceIds, intent.line),
          amount: wire,
          vat: toWireAmount(vat),
          receivedOn:
            intent.date === 'beyond-rates'
              ? '2028-06-01'
              : afterAward(intent.date, model, contract),
        }
      }
      case 'PayInvoice': {
        const invoiced = [...model.contracts.values()]
          .filter((c) => c.invoices.size > 0)
          .map((c) => c.id)
          .sort()
        const contract =
          intent.contract.known && invoiced.length > 0
            ? pickFrom(invoiced, intent.contract.index)
            : contractId(intent.contract, model, true)
        const found = model.contracts.get(contract)
        const known = found ? [...found.invoices.keys()].sort() : []
        const invoiceId =
          intent.invoice.known && known.length > 0
            ? pickFrom(known, intent.invoice.index)
            : pickFrom(U.invoiceIds, intent.invoice.index)
        const invoice = found?.invoices.get(invoiceId)
        const payable = found ? found.certified - found.paid : FALLBACK_LIMIT
        const left = invoice ? invoice.amount - invoice.paid : payable
        const receivedOn = invoice?.receivedOn ?? afterAward('inside', model, contract)
        return {
          type: 'RecordPayment',
          commandId,
          contractId: contract,
          paymentId: pickFrom(U.paymentIds, intent.line),
          amount: amount(intent.amount, payable < left ? payable : left),
          paidOn: addDays(receivedOn, intent.day),
          invoiceId,
        }
      }
      case 'SucceedHolder': {
        const framework = frameworkId(intent.framework, model)
        const successor = pickFrom(U.holders, intent.successor)
        return {
          type: 'SucceedHolder',
          commandId,
          frameworkId: framework,
          holderId: listedHolderId(intent.holder, model, framework),
          successorId: successor,
          successorName: `Holder ${successor}`,
          succeededOn: addDays(validity(model, framework).startsOn, 30),
          reason: 'Merger of the holder into its successor',
        }
      }
      case 'ChangeProductPhase': {
        // "scaling" is no beta.gouv.fr phase: the input schema refuses it.
        const phase: string = intent.valid ? pickFrom(PHASES, intent.phase) : 'scaling'
        return {
          type: 'ChangeProductPhase',
          commandId,
          beneficiaryId: pickFrom(U.beneficiaries, intent.beneficiary),
          product: pickFrom(U.products, intent.product),
          phase,
          on: '2026-01-15',
        } as CommandInput
      }
      case 'RecordImpact':
        return {
          type: 'RecordImpact',
          commandId,
          beneficiaryId: pickFrom(U.beneficiaries, intent.beneficiary),
          product: pickFrom(U.products, intent.product),
          measuredOn: '2026-01-15',
          indicators: [
            { name: 'weekly active users', value: intent.valid ? `${intent.phase * 125}` : '1e3' },
          ],
        }
      case 'CloseContract': {
        const contract = contractId(intent.contract, model, true)
        return {
          type: 'CloseContract',
          commandId,
          contractId: contract,
          closedOn: afterAward(intent.date, model, contract),
        }
      }
      case 'CloseFramework': {
        const framework = frameworkId(intent.framework, model)
        const { startsOn, endsOn } = validity(model, framework)
        return {
          type: 'CloseFramework',
          commandId,
          frameworkId: framework,
          closedOn: aroundValidity(intent.date, startsOn, endsOn),
          reason: intent.reason,
        }
      }
    }
  })()
  return { command, actor: actorFor(intent.actor, command, model) }
}
