// The model reads wire amounts itself rather than through core's money module, so that a
// parsing bug in core shows up as a disagreement instead of being shared by both sides.
const UNSIGNED = /^(\d{1,13})(?:\.(\d{1,2}))?$/

/** The cents of an unsigned wire amount (`"12.5"` → 1250n), or undefined when it is not one. */
export function wireCents(value: unknown): bigint | undefined {
  if (typeof value !== 'string') return undefined
  const match = UNSIGNED.exec(value)
  if (!match) return undefined
  return BigInt(match[1]!) * 100n + BigInt((match[2] ?? '').padEnd(2, '0'))
}

/** The cents of a signed wire amount (`"-12.5"` → -1250n), or undefined when it is not one. */
export function signedWireCents(value: unknown): bigint | undefined {
  if (typeof value !== 'string') return undefined
  const negative = value.startsWith('-')
  const cents = wireCents(negative ? value.slice(1) : value)
  return cents === undefined ? undefined : negative ? -cents : cents
}

/** Whether `value` is a wire amount greater than zero, as every command amount must be. */
export function isPositiveWireAmount(value: unknown): boolean {
  const cents = wireCents(value)
  return cents !== undefined && cents > 0n
}

/** Cents as a wire amount, `"1234.56"`, or the short form `"1234.5"` / `"1234"` when `short`. */
export function toWireAmount(cents: bigint, short = false): string {
  const negative = cents < 0n
  const abs = negative ? -cents : cents
  const units = (abs / 100n).toString()
  const fraction = (abs % 100n).toString().padStart(2, '0')
  const sign = negative ? '-' : ''
  if (!short) return `${sign}${units}.${fraction}`
  if (fraction === '00') return `${sign}${units}`
  return `${sign}${units}.${fraction.endsWith('0') ? fraction[0]! : fraction}`
}
