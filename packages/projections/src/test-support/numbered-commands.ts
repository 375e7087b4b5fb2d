import type { CommandInput } from '@plafond/core'

/** A command without its id (distributed over the union, so each variant keeps its fields). */
export type UnnumberedCommand = CommandInput extends infer C
  ? C extends unknown
    ? Omit<C, 'commandId'>
    : never
  : never

/** Gives commands the ids `<prefix>-1`, `<prefix>-2`, … in the order they are numbered. */
export function commandNumbering(prefix: string): (command: UnnumberedCommand) => CommandInput {
  let serial = 0
  return (command) => {
    serial += 1
    return { ...command, commandId: `${prefix}-${serial}` }
  }
}
