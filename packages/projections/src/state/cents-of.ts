import { parseCents, type Cents } from '@plafond/core'

// Amounts already read, by their text. The projections of a fold read the same field of the
// same event one after another, and books repeat amounts (a monthly fee, a unit price): making a
// BigInt from a string costs several times a lookup. Bounded: emptied when full.
const MEMO_LIMIT = 4096
const memo = new Map<string, Cents>()
let lastText = ''
let lastCents: Cents = 0n

/** Whether `text` is `-?digits.dd`: the canonical form the ledger writes. */
function isCanonical(text: string): boolean {
  const length = text.length
  if (length < 4 || text.charCodeAt(length - 3) !== 46 /* . */) return false
  for (let i = text.charCodeAt(0) === 45 /* - */ ? 1 : 0; i < length; i++) {
    const code = text.charCodeAt(i)
    if ((code < 48 || code > 57) && i !== length - 3) return false
  }
  return true
}

function parse(text: string): Cents {
  const length = text.length
  return isCanonical(text)
    ? BigInt(text.slice(0, length - 3) + text.slice(length - 2))
    : parseCents(text)
}

/**
 * The cents of a wire amount from a stored event. Canonical amounts (what the ledger writes:
 * always two decimals, optional `-`) take a fast path; anything else goes through core's
 * `parseCents`, which throws a `RangeError` naming the expected format.
 */
export function centsOf(text: string): Cents {
  if (text === lastText) return lastCents
  let cents = memo.get(text)
  if (cents === undefined) {
    cents = parse(text)
    if (memo.size >= MEMO_LIMIT) memo.clear()
    memo.set(text, cents)
  }
  lastText = text
  lastCents = cents
  return cents
}
