import { parseCents, type Cents } from '@plafond/core'

// Amounts already read, in a table of 256 slots chosen by a hash of the text. The projections of
// a fold read the same field of the same event one after another (the last text answers them),
// and books repeat amounts (a monthly fee, a unit price): making a BigInt from a string costs
// several times hashing it. A miss overwrites its slot, so a log of all-distinct amounts pays
// the parse and a few comparisons, and no more.
const SLOTS = 256 // a power of two: the hash is masked
const slotText: string[] = new Array<string>(SLOTS).fill('')
const slotCents: Cents[] = new Array<Cents>(SLOTS).fill(0n)
let lastText = ''
let lastCents: Cents = 0n

function slotOf(text: string): number {
  let hash = text.length
  for (let i = 0; i < text.length; i++) hash = (hash * 31 + text.charCodeAt(i)) | 0
  return hash & (SLOTS - 1)
}

// Nine decimal digits make an exact small integer; the cents are assembled from such chunks in
// BigInt arithmetic (one `BigInt(chunk)` for amounts under ten million euros). Cheaper than
// slicing the text around its point and handing BigInt a new string.
const CHUNK_DIGITS = 9
const POWERS_OF_TEN = Array.from({ length: CHUNK_DIGITS + 1 }, (_, k) => 10n ** BigInt(k))

/** The cents of `-?digits.dd`, the canonical form the ledger writes, or undefined for any other text. */
function canonicalCents(text: string): Cents | undefined {
  const length = text.length
  if (length < 4 || text.charCodeAt(length - 3) !== 46 /* . */) return undefined
  const negative = text.charCodeAt(0) === 45 /* - */
  let cents = 0n
  let chunk = 0
  let digits = 0
  for (let i = negative ? 1 : 0; i < length; i++) {
    if (i === length - 3) continue
    const digit = text.charCodeAt(i) - 48
    if (digit < 0 || digit > 9) return undefined
    chunk = chunk * 10 + digit
    if (++digits === CHUNK_DIGITS) {
      cents = cents * POWERS_OF_TEN[CHUNK_DIGITS]! + BigInt(chunk)
      chunk = 0
      digits = 0
    }
  }
  if (digits > 0) {
    cents = cents === 0n ? BigInt(chunk) : cents * POWERS_OF_TEN[digits]! + BigInt(chunk)
  }
  return negative ? -cents : cents
}

/**
 * The cents of a wire amount from a stored event. Canonical amounts (what the ledger writes:
 * always two decimals, optional `-`) take a fast path; anything else goes through core's
 * `parseCents`, which throws a `RangeError` naming the expected format.
 */
export function centsOf(text: string): Cents {
  if (text === lastText) return lastCents
  const slot = slotOf(text)
  let cents = slotCents[slot]!
  if (slotText[slot] !== text) {
    cents = canonicalCents(text) ?? parseCents(text)
    slotText[slot] = text
    slotCents[slot] = cents
  }
  lastText = text
  lastCents = cents
  return cents
}
