import { parseCents, type Cents } from '@plafond/core'

// The last few amounts parsed, most recent first. Standard projections read the same fields of
// the same event one after another, so the first one parses and the others hit this memo: a
// BigInt made from a string costs about 150 ns, ten times a comparison.
const MEMO_SIZE = 4
const memoText: string[] = ['', '', '', '']
const memoCents: Cents[] = [0n, 0n, 0n, 0n]
let memoNext = 0

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

/**
 * The cents of a wire amount from a stored event. Canonical amounts (what the ledger writes:
 * always two decimals, optional `-`) take a fast path; anything else goes through core's
 * `parseCents`, which throws a `RangeError` naming the expected format.
 */
export function centsOf(text: string): Cents {
  for (let i = 0; i < MEMO_SIZE; i++) if (memoText[i] === text) return memoCents[i]!
  const length = text.length
  const cents = isCanonical(text)
    ? BigInt(text.slice(0, length - 3) + text.slice(length - 2))
    : parseCents(text)
  memoText[memoNext] = text
  memoCents[memoNext] = cents
  memoNext = (memoNext + 1) % MEMO_SIZE
  return cents
}
