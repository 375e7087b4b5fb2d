import { produce } from 'immer'
import {
  Command,
  EVENT_CATALOGUE,
  contractDecider,
  decide,
  encodeEvent,
  frameworkDecider,
  handlerOf,
  productDecider,
  type CommandInput,
  type ContractEvent,
  type ContractState,
  type Decision,
  type DecisionContext,
  type DecisionStates,
  type DomainEvent,
  type FrameworkEvent,
  type FrameworkState,
  type ProductEvent,
  type ProductState,
  type Rejection,
  type RejectionCode,
} from '@plafond/core'

/** The business date a specification decides on when `when` names none. */
export const SPECIFICATION_TODAY = '2025-06-15'

/** Options of `when`: the decision context, every field optional. */
export interface WhenOptions extends Omit<DecisionContext, 'today'> {
  /** Today's business date in Paris, for commands whose date is optional; `SPECIFICATION_TODAY` by default. */
  readonly today?: string
}

/** A history, waiting for the command to decide. */
export interface GivenStep {
  /** Decides `command` (as a caller writes it: it is parsed first) on the states the history builds. */
  when(command: CommandInput, options?: WhenOptions): WhenStep
}

/** A decision, waiting for what is expected of it. */
export interface WhenStep {
  /** The decision itself, for assertions `then` and `thenRejects` do not make. */
  readonly decision: Decision
  /**
   * Asserts that the command was accepted with exactly these events, in order within each stream
   * (events of different streams may be listed in any order). Amounts compare by value (`"100"` is
   * `"100.00"`) and absent optional fields equal `undefined` ones. Returns the events decided.
   * Throws an `Error` with a diff otherwise.
   */
  then(expected: readonly DomainEvent[]): readonly DomainEvent[]
  /**
   * Asserts that the command was refused with `code` and, for each key of `details`, that same
   * value (figures are decimal strings). Returns the rejection. Throws an `Error` otherwise.
   */
  thenRejects(code: RejectionCode, details?: Readonly<Record<string, unknown>>): Rejection
}

/** Why a given/when/then specification failed: the message holds the diff. */
export class SpecificationFailure extends Error {
  override readonly name = 'SpecificationFailure'
}

/**
 * Starts a given/when/then specification of the deciders: `events` is the history, each event
 * going to the stream its type names (`EVENT_CATALOGUE[type].stream`) and its ids (`frameworkId`,
 * `contractId`, `beneficiaryId` and `product`), and the command decides on the streams it targets, exactly as the ledger would
 * load them. States are built with `frameworkDecider` / `contractDecider` / `productDecider` (`initialState`, then
 * `evolve` under immer's `produce`) and the decision is core's `decide`. Works under any test
 * runner: a failed expectation throws.
 *
 * ```ts
 * given(openedFrameworkEvents())
 *   .when({ type: 'Allocate', commandId: 'a', frameworkId: 'AC-TEST', beneficiaryId, amount: '2000000', on: '2025-02-01' })
 *   .thenRejects('over_allocation', { limit: '1000000.00', attempted: '2000000.00' })
 * ```
 */
export function given(events: readonly DomainEvent[]): GivenStep {
  const history = events.map((event, index) => canonicalEvent(event, `given event #${index + 1}`))
  return {
    when(command: CommandInput, options: WhenOptions = {}): WhenStep {
      const decision = decideOn(history, command, {
        ...options,
        today: options.today ?? SPECIFICATION_TODAY,
      })
      return {
        decision,
        then: (expected) => expectEvents(decision, expected),
        thenRejects: (code, details) => expectRejection(decision, code, details),
      }
    },
  }
}

function decideOn(
  history: readonly DomainEvent[],
  input: CommandInput,
  context: DecisionContext,
): Decision {
  const parsed = Command.safeParse(input)
  if (!parsed.success) {
    // As the ledger does: an unknown field is named by its own path, not its parent's.
    const issues = parsed.error.issues.flatMap((issue) =>
      (issue.code === 'unrecognized_keys'
        ? issue.keys.map((key) => [...issue.path, key])
        : [issue.path]
      ).map((path) => ({ path: path.map(String).join('.') || '(root)', message: issue.message })),
    )
    const rejection: Rejection = {
      code: 'invalid_command',
      message: `Invalid command at ${issues[0]!.path}: ${issues[0]!.message}`,
      path: issues[0]!.path,
      issues,
    }
    return { ok: false, rejection }
  }
  const command = parsed.data
  const target = handlerOf(command.type).target(command)
  const contract =
    target.contractId === undefined
      ? contractDecider.initialState()
      : contractState(history, target.contractId)
  // A contract command that needs its framework finds it through the contract, as the ledger does.
  const frameworkId =
    target.frameworkId ??
    (target.withFramework === true && contract.status !== 'none' ? contract.frameworkId : undefined)
  const framework =
    frameworkId === undefined
      ? frameworkDecider.initialState()
      : frameworkState(history, frameworkId)
  const product =
    target.product === undefined
      ? productDecider.initialState()
      : productState(history, target.product.beneficiaryId, target.product.product)
  const states: DecisionStates = { framework, contract, product }
  return decide(command, states, context)
}

function idOf(
  event: DomainEvent,
  key: 'frameworkId' | 'contractId' | 'beneficiaryId' | 'product',
): unknown {
  return (event.data as Readonly<Record<string, unknown>>)[key]
}

function frameworkState(history: readonly DomainEvent[], frameworkId: string): FrameworkState {
  const events = history.filter(
    (event) =>
      EVENT_CATALOGUE[event.type].stream === 'framework' &&
      idOf(event, 'frameworkId') === frameworkId,
  ) as FrameworkEvent[]
  return produce(frameworkDecider.initialState(), (draft) => {
    for (const event of events) frameworkDecider.evolve(draft, event)
  })
}

function contractState(history: readonly DomainEvent[], contractId: string): ContractState {
  const events = history.filter(
    (event) =>
      EVENT_CATALOGUE[event.type].stream === 'contract' && idOf(event, 'contractId') === contractId,
  ) as ContractEvent[]
  return produce(contractDecider.initialState(), (draft) => {
    for (const event of events) contractDecider.evolve(draft, event)
  })
}

function productState(
  history: readonly DomainEvent[],
  beneficiaryId: string,
  product: string,
): ProductState {
  const events = history.filter(
    (event) =>
      EVENT_CATALOGUE[event.type].stream === 'product' &&
      idOf(event, 'beneficiaryId') === beneficiaryId &&
      idOf(event, 'product') === product,
  ) as ProductEvent[]
  return produce(productDecider.initialState(), (draft) => {
    for (const event of events) productDecider.evolve(draft, event)
  })
}

/** The path of the first member of `value` set to undefined, if any. */
export function undefinedMemberPath(value: unknown, path: string): string | undefined {
  if (value === null || typeof value !== 'object') return undefined
  for (const [key, member] of Object.entries(value)) {
    const at = Array.isArray(value) ? `${path}[${key}]` : `${path}.${key}`
    if (member === undefined) return at
    const inner = undefinedMemberPath(member, at)
    if (inner !== undefined) return inner
  }
  return undefined
}

/** The event as the ledger would store it: validated by its schema, amounts canonical, no `undefined`. */
function canonicalEvent(event: DomainEvent, what: string): DomainEvent {
  try {
    const encoded = encodeEvent(event)
    return { type: event.type, data: encoded.data } as DomainEvent
  } catch (error) {
    throw new SpecificationFailure(
      `${what} (${event.type}) is not a valid event: ${(error as Error).message}`,
    )
  }
}

function expectEvents(decision: Decision, expected: readonly DomainEvent[]): DomainEvent[] {
  if (!decision.ok) {
    throw new SpecificationFailure(
      `Expected the command to be accepted with ${expected.length} event(s), but it was refused: ${decision.rejection.code}: ${decision.rejection.message}\nRejection: ${show(decision.rejection)}\nExpected events: ${showEvents(expected)}`,
    )
  }
  for (const event of [...decision.framework, ...decision.contract, ...(decision.product ?? [])]) {
    const path = undefinedMemberPath(event.data, 'data')
    if (path !== undefined) {
      throw new SpecificationFailure(
        `The decided ${event.type} event sets ${path} to undefined; leave an optional member out instead (the store would copy the data to drop it).\nDecided: ${show(event)}`,
      )
    }
  }
  const decided = [
    ...decision.framework.map((event, index) =>
      canonicalEvent(event, `decided framework event #${index + 1}`),
    ),
    ...decision.contract.map((event, index) =>
      canonicalEvent(event, `decided contract event #${index + 1}`),
    ),
    ...(decision.product ?? []).map((event, index) =>
      canonicalEvent(event, `decided product event #${index + 1}`),
    ),
  ]
  const wanted = expected.map((event, index) =>
    canonicalEvent(event, `expected event #${index + 1}`),
  )
  const kinds = [...new Set([...decided, ...wanted].map((e) => EVENT_CATALOGUE[e.type].stream))]
  const problems: string[] = []
  for (const kind of kinds) {
    const actualOfKind = decided.filter((e) => EVENT_CATALOGUE[e.type].stream === kind)
    const wantedOfKind = wanted.filter((e) => EVENT_CATALOGUE[e.type].stream === kind)
    const difference = firstDifference(wantedOfKind, actualOfKind, '')
    if (difference === undefined) continue
    problems.push(
      `${kind} stream: expected ${wantedOfKind.length} event(s), found ${actualOfKind.length}; first difference at ${difference.path}: expected ${show(difference.expected)}, found ${show(difference.actual)}.`,
    )
  }
  if (problems.length > 0) {
    throw new SpecificationFailure(
      `The decided events differ from the expected ones.\n${problems.join('\n')}\nExpected: ${showEvents(wanted)}\nFound:    ${showEvents(decided)}`,
    )
  }
  return decided
}

function expectRejection(
  decision: Decision,
  code: RejectionCode,
  details: Readonly<Record<string, unknown>> = {},
): Rejection {
  if (decision.ok) {
    throw new SpecificationFailure(
      `Expected the command to be refused with ${code}, but it was accepted with: ${showEvents([...decision.framework, ...decision.contract, ...(decision.product ?? [])])}`,
    )
  }
  const { rejection } = decision
  if (rejection.code !== code) {
    throw new SpecificationFailure(
      `Expected rejection ${code}, found ${rejection.code}: ${rejection.message}\nRejection: ${show(rejection)}`,
    )
  }
  if (typeof rejection.message !== 'string' || rejection.message.length === 0) {
    throw new SpecificationFailure(
      `Rejection ${code} has no message; every rejection says what was expected and what to do.`,
    )
  }
  for (const [key, value] of Object.entries(details)) {
    const difference = firstDifference(value, rejection[key], key)
    if (difference === undefined) continue
    throw new SpecificationFailure(
      `Rejection ${code} differs at ${difference.path}: expected ${show(difference.expected)}, found ${show(difference.actual)}.\nRejection: ${show(rejection)}`,
    )
  }
  return rejection
}

interface Difference {
  readonly path: string
  readonly expected: unknown
  readonly actual: unknown
}

/** The first place two JSON-like values differ, walking arrays by index and objects by sorted key. */
function firstDifference(expected: unknown, actual: unknown, path: string): Difference | undefined {
  if (Object.is(expected, actual)) return undefined
  const here = { path: path === '' ? '(root)' : path, expected, actual }
  if (Array.isArray(expected) && Array.isArray(actual)) {
    for (let i = 0; i < Math.max(expected.length, actual.length); i++) {
      const found = firstDifference(expected[i], actual[i], `${path}[${i}]`)
      if (found) return found
    }
    return undefined
  }
  if (isRecord(expected) && isRecord(actual)) {
    const keys = [...new Set([...Object.keys(expected), ...Object.keys(actual)])].sort()
    for (const key of keys) {
      const found = firstDifference(
        expected[key],
        actual[key],
        path === '' ? key : `${path}.${key}`,
      )
      if (found) return found
    }
    return undefined
  }
  return here
}

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function show(value: unknown): string {
  if (value === undefined) return '(absent)'
  return JSON.stringify(value, (_key, member: unknown) =>
    typeof member === 'bigint' ? `${member.toString()}n` : member,
  )
}

function showEvents(events: readonly DomainEvent[]): string {
  if (events.length === 0) return '(none)'
  return `\n${events.map((event) => `  ${event.type} ${show(event.data)}`).join('\n')}`
}
