import type { Actor, CommandInput } from '@plafond/core'

/** A command as the simulation plans it: its `commandId` is given once the year is in order. */
export type PlannedCommand = CommandInput extends infer C
  ? C extends { readonly commandId: string }
    ? Omit<C, 'commandId'>
    : never
  : never

/**
 * Where a command falls within its day, so that same-day commands keep their causal order: the
 * framework before its parties, an allocation before the award it funds, an award before an
 * order or a modification of it, a delivery before its invoice and payment, all of them before a
 * closing. Phases touch no money and come last.
 */
export const STAGE = {
  setup: 0,
  allocation: 1,
  award: 2,
  modification: 3,
  order: 4,
  certification: 5,
  invoice: 6,
  payment: 7,
  closing: 8,
  phase: 9,
} as const

/** A planned command with the day it takes effect and the person who issues it. */
export interface PlannedEntry {
  readonly date: string
  readonly stage: (typeof STAGE)[keyof typeof STAGE]
  readonly actor: Actor
  readonly command: PlannedCommand
}

/** A command of the simulated year, numbered, with its business date and its actor. */
export interface SimulatedCommand {
  readonly date: string
  readonly actor: Actor
  readonly command: CommandInput
}

/**
 * Puts the planned entries in chronological order (date, then stage; ties keep the order they
 * were planned in, which is itself seeded) and numbers them `y1-00001`, `y1-00002`, …: the
 * command ids, and so the idempotency keys, are the same on every run with the same seed.
 */
export function numberEntries(entries: readonly PlannedEntry[]): SimulatedCommand[] {
  const ordered = entries
    .map((entry, index) => ({ entry, index }))
    .sort(
      (a, b) =>
        compareText(a.entry.date, b.entry.date) ||
        a.entry.stage - b.entry.stage ||
        a.index - b.index,
    )
  return ordered.map(({ entry }, i) => ({
    date: entry.date,
    actor: entry.actor,
    command: { ...entry.command, commandId: `y1-${String(i + 1).padStart(5, '0')}` },
  }))
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
