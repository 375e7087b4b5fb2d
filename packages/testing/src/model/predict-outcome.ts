import type { Actor, CommandInput, CommandType, RejectionCode } from '@plafond/core'
import { CONTRACT_RULES } from './contract-rules.js'
import { FRAMEWORK_RULES } from './framework-rules.js'
import { INVOICE_RULES } from './invoice-rules.js'
import type { LedgerModel, ModelOutcome } from './ledger-model.js'
import type { ModelCommand, ModelRule, ModelRules } from './model-rule.js'
import { MODIFICATION_RULES } from './modification-rules.js'
import { PRODUCT_RULES } from './product-rules.js'
import { signedWireCents, toWireAmount, wireCents } from './wire-amount.js'

/**
 * Every command type the reference model knows. To model a new one: write its `ModelRule` (in
 * the `*-rules.ts` file of its concept), teach the arbitraries to draw it (`command-intent.ts`,
 * `resolve-intent.ts`), and `BalancesFold` the events it writes.
 */
export const MODEL_RULES: ModelRules = {
  ...FRAMEWORK_RULES,
  ...CONTRACT_RULES,
  ...MODIFICATION_RULES,
  ...INVOICE_RULES,
  ...PRODUCT_RULES,
}

/** What the model expects of one command: its outcome, and whether it is an earlier one returned. */
export interface Prediction {
  readonly outcome: ModelOutcome
  /** True when the command id was decided before with the same content. */
  readonly replayed: boolean
}

const MONEY_FIELDS = new Set(['amount', 'estimate', 'maximum', 'minimum', 'vat'])

/**
 * The content a command id is compared on: sorted keys, absent members dropped, amounts in one
 * form (`"12.5"` and `"12.50"` are the same content).
 */
export function modelContent(command: CommandInput): string {
  const record = command as unknown as Readonly<Record<string, unknown>>
  const canonical: Record<string, unknown> = {}
  for (const key of Object.keys(record).sort()) {
    const value = record[key]
    if (value === undefined) continue
    const cents = MONEY_FIELDS.has(key)
      ? wireCents(value)
      : key === 'delta'
        ? signedWireCents(value)
        : undefined
    canonical[key] = cents === undefined ? value : toWireAmount(cents)
  }
  return JSON.stringify(canonical)
}

function ruleOf<T extends CommandType>(type: T): ModelRule<T> {
  const rule = MODEL_RULES[type]
  if (!rule) {
    throw new Error(
      `The reference model has no rule for ${type}. Write a ModelRule for it and add it to MODEL_RULES (packages/testing/src/model/predict-outcome.ts).`,
    )
  }
  return rule
}

function refused(code: RejectionCode): ModelOutcome {
  return { ok: false, code }
}

/**
 * Predicts what the ledger answers to `command` issued by `actor`, and moves the model on when the
 * command is accepted. The checks run in the ledger's order: the input, the actor's role, the
 * beneficiary the actor acts for, the command id (`DOMAIN.md`, "Idempotency"), then the rules of
 * the command. Decided outcomes are remembered under their id; refused input and actors are not.
 */
export function predictOutcome(
  model: LedgerModel,
  command: CommandInput,
  actor: Actor,
): Prediction {
  const rule = ruleOf<CommandType>(command.type)
  const typed = command as ModelCommand<CommandType>
  if (rule.invalid(typed)) return { outcome: refused('invalid_command'), replayed: false }
  const beneficiaryId = rule.beneficiaryOf(typed, model)
  const allowed = actor.roles.some(
    (role) =>
      role.role === rule.role &&
      (role.role === 'coordinator' ||
        beneficiaryId === undefined ||
        role.beneficiaryId === beneficiaryId),
  )
  if (!allowed) return { outcome: refused('forbidden'), replayed: false }

  const content = modelContent(command)
  const earlier = model.outcomes.get(command.commandId)
  if (earlier) {
    if (earlier.content === content) return { outcome: earlier.outcome, replayed: true }
    return { outcome: refused('idempotency_conflict'), replayed: false }
  }
  const code = rule.refuse(typed, model)
  const lateInterest = code === undefined ? rule.lateInterest?.(typed, model) : undefined
  const outcome: ModelOutcome =
    code !== undefined ? refused(code) : lateInterest ? { ok: true, lateInterest } : { ok: true }
  if (outcome.ok) rule.apply(typed, model)
  model.outcomes.set(command.commandId, { content, outcome })
  return { outcome, replayed: false }
}
