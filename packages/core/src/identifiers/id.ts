import { z } from 'zod'

const ID = /^[A-Za-z0-9._:-]{1,64}$/

/** Whether `value` is a valid caller-supplied id: 1 to 64 characters from `[A-Za-z0-9._:-]`. */
export function isId(value: string): boolean {
  return ID.test(value)
}

/** zod schema of a caller-supplied id (framework, contract, order, payment, command, …). */
export const Id = z
  .string({ error: 'Expected an id as a string.' })
  .regex(ID, { error: 'Expected an id of 1 to 64 characters from A-Z a-z 0-9 . _ : -' })
