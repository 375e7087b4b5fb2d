import { z } from 'zod'

/** An exact amount of euros, held as a whole number of cents. A JS `number` never holds money. */
export type Cents = bigint

// Digits (at most 13 before the point), optional `.` with one or two decimals. No sign, no exponent.
const UNSIGNED = /^(\d{1,13})(?:\.(\d{1,2}))?$/
const SIGNED = /^(-?)(\d{1,13})(?:\.(\d{1,2}))?$/

/** The largest amount the wire format can carry: 9 999 999 999 999.99 €. */
export const MAX_CENTS: Cents = 999_999_999_999_999n

/**
 * The cents of a wire amount (what `SIGNED` matches), or `NaN` when `value` is not one. At most 13
 * digits and 2 decimals make at most 15 digits of cents: a safe integer, so a `number` holds them
 * exactly on the way to a `bigint`. Read character by character: every amount of every command
 * and event goes through here, and a regex match allocates its groups.
 */
function scanCents(value: string): number {
  const length = value.length
  let i = value.charCodeAt(0) === 45 ? 1 : 0
  const first = i
  let units = 0
  for (; i < length; i++) {
    const digit = value.charCodeAt(i) - 48
    if (digit < 0 || digit > 9) break
    units = units * 10 + digit
  }
  if (i === first || i - first > 13) return NaN
  let fraction = 0
  if (i < length) {
    if (value.charCodeAt(i) !== 46) return NaN
    const tenths = value.charCodeAt(i + 1) - 48
    if (!(tenths >= 0 && tenths <= 9)) return NaN
    fraction = tenths * 10
    i += 2
    if (i < length) {
      const hundredths = value.charCodeAt(i) - 48
      if (!(hundredths >= 0 && hundredths <= 9)) return NaN
      fraction += hundredths
      i++
    }
    if (i !== length) return NaN
  }
  const cents = units * 100 + fraction
  return first === 1 ? -cents : cents
}

/** Whether `value` is an unsigned amount in wire format, such as `"1234.56"`. */
export function isMoneyString(value: string): boolean {
  return UNSIGNED.test(value)
}

/** Whether `value` is a signed amount in wire format, such as `"-1500.00"`. */
export function isSignedMoneyString(value: string): boolean {
  return SIGNED.test(value)
}

function notAnAmount(value: string): RangeError {
  return new RangeError(
    `Expected an amount such as "1234.56" (digits, optional "." and one or two decimals), found ${JSON.stringify(value)}.`,
  )
}

/**
 * Parses a wire amount (`"1234.5"`, `"-12.00"`) into cents. Throws a `RangeError` naming the
 * expected format when the string is not an amount.
 */
export function parseCents(value: string): Cents {
  const cents = scanCents(value)
  if (Number.isNaN(cents)) throw notAnAmount(value)
  return BigInt(cents)
}

/** Formats cents as the canonical wire amount: always two decimals, a leading `-` when negative. */
export function formatCents(cents: Cents): string {
  const negative = cents < 0n
  const abs = negative ? -cents : cents
  const units = abs / 100n
  const fraction = (abs % 100n).toString().padStart(2, '0')
  return `${negative ? '-' : ''}${units.toString()}.${fraction}`
}

/** Formats cents for a French reader: `1 234 567,89 €` (narrow no-break spaces between thousands). */
export function formatEuros(cents: Cents): string {
  const [units, fraction] = formatCents(cents).split('.') as [string, string]
  const negative = units.startsWith('-')
  const digits = negative ? units.slice(1) : units
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f')
  return `${negative ? '-' : ''}${grouped},${fraction}\u00a0€`
}

/** Zero in canonical form; no other canonical amount is zero. */
const ZERO = '0.00'

/**
 * Normalizes a wire amount to its canonical form (`"12.5"` → `"12.50"`, `"007"` → `"7.00"`,
 * `"-0"` → `"0.00"`): what `formatCents(parseCents(value))` gives, from the cents read in one pass
 * and without a `bigint`, since every amount of every command goes through it. Throws the `RangeError` of `parseCents` otherwise.
 */
export function canonicalMoney(value: string): string {
  const cents = scanCents(value)
  if (Number.isNaN(cents)) throw notAnAmount(value)
  const negative = cents < 0
  const abs = negative ? -cents : cents
  const units = Math.floor(abs / 100)
  const fraction = abs - units * 100
  const unsigned = `${units}.${fraction < 10 ? '0' : ''}${fraction}`
  return negative ? `-${unsigned}` : unsigned
}

const moneyMessage =
  'Expected an amount as a string such as "1234.56": digits (at most 13), optional "." and one or two decimals, no sign.'

/** zod schema of an unsigned wire amount; the output is canonical (two decimals). */
export const Money = z
  .string({ error: (issue) => (issue.input === undefined ? 'Required.' : moneyMessage) })
  .regex(UNSIGNED, { error: moneyMessage })
  .transform(canonicalMoney)

/** zod schema of a strictly positive wire amount. */
export const PositiveMoney = Money.refine((value) => value !== ZERO, {
  error: 'Expected an amount greater than zero.',
})

const signedMessage =
  'Expected a signed amount as a string such as "-1500.00" or "2500": an optional "-", digits, optional "." and one or two decimals.'

/** zod schema of a signed wire amount (a delta), non-zero; the output is canonical. */
export const SignedMoney = z
  .string({ error: (issue) => (issue.input === undefined ? 'Required.' : signedMessage) })
  .regex(SIGNED, { error: signedMessage })
  .transform(canonicalMoney)
  .refine((value) => value !== ZERO, { error: 'Expected a non-zero change.' })

/** The smaller of two amounts. */
export function minCents(a: Cents, b: Cents): Cents {
  return a < b ? a : b
}

/** The absolute value of an amount. */
export function absCents(a: Cents): Cents {
  return a < 0n ? -a : a
}

/** An amount as messages print it: `1234.56 €`. */
export function euros(cents: Cents): string {
  return `${formatCents(cents)} €`
}
