import { canonicalJson, type CommandOutcome } from '@plafond/core'

let counter = 0

/**
 * A command outcome to record with `append(writes, { outcomes })`. By default it is a success that
 * wrote nothing, with a unique command id; pass `result` to record written ranges or a rejection.
 *
 * ```ts
 * await store.append([], { outcomes: [newTestOutcome({ commandId: 'c-1' })] })
 * ```
 */
export function newTestOutcome(overrides: Partial<CommandOutcome> = {}): CommandOutcome {
  counter += 1
  const commandId = overrides.commandId ?? `test-outcome-${counter}`
  return {
    commandId,
    commandType: 'AddHolder',
    content: canonicalJson({ type: 'AddHolder', commandId, name: `Holder ${counter}` }),
    result: { ok: true, written: [] },
    recordedAt: '2025-10-01T08:00:00.000Z',
    ...overrides,
  }
}
