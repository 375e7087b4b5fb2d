import { LedgerError } from '../ledger/ledger-error.js'
import type { ReadAllOptions, ReadStreamOptions } from './event-store.js'

// Positions are written as String(bigint): no sign, no leading zero, no exponent.
const POSITION = /^(?:0|[1-9][0-9]*)$/

/**
 * Throws `INVALID_ARGUMENT` unless `fromPosition` is a canonical decimal string of a non-negative
 * integer and `batchSize` a positive integer: a batch of 0 would never advance.
 */
export function checkReadAllOptions(options: ReadAllOptions): void {
  const { fromPosition, batchSize } = options
  if (
    fromPosition !== undefined &&
    (typeof fromPosition !== 'string' || !POSITION.test(fromPosition))
  ) {
    throw new LedgerError(
      'INVALID_ARGUMENT',
      `readAll expected fromPosition to be a decimal string such as "42" (a position the store returned, or "0"), found ${JSON.stringify(fromPosition)}.`,
      { details: { fromPosition } },
    )
  }
  if (batchSize !== undefined && !(Number.isSafeInteger(batchSize) && batchSize > 0)) {
    throw new LedgerError(
      'INVALID_ARGUMENT',
      `readAll expected batchSize to be a positive integer, found ${String(batchSize)}; omit it to use the store's default.`,
      { details: { batchSize } },
    )
  }
}

/** Throws `INVALID_ARGUMENT` unless `fromVersion` and `toVersion`, when given, are integers. */
export function checkReadStreamOptions(stream: string, options: ReadStreamOptions): void {
  for (const [name, value] of [
    ['fromVersion', options.fromVersion],
    ['toVersion', options.toVersion],
  ] as const) {
    if (value !== undefined && !Number.isSafeInteger(value)) {
      throw new LedgerError(
        'INVALID_ARGUMENT',
        `readStream(${stream}) expected ${name} to be an integer version, found ${typeof value === 'string' ? JSON.stringify(value) : String(value)}.`,
        { details: { stream, [name]: value } },
      )
    }
  }
}
