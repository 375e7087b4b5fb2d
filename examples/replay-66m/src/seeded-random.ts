/**
 * A seeded pseudo-random generator: xoshiro128** over four 32-bit words, seeded from a string
 * through FNV-1a and splitmix32. The same seed gives the same draws on every platform, which is
 * what makes the synthetic history reproducible byte for byte. Not for anything secret.
 */
export class SeededRandom {
  #a: number
  #b: number
  #c: number
  #d: number

  /** Starts a generator from a seed string; two equal seeds give two equal sequences. */
  constructor(seed: string) {
    let state = fnv1a(seed)
    const next = (): number => {
      state = (state + 0x9e3779b9) >>> 0
      let z = state
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b)
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35)
      return (z ^ (z >>> 16)) >>> 0
    }
    this.#a = next()
    this.#b = next()
    this.#c = next()
    this.#d = next()
    // xoshiro's state must not be all zeros; splitmix32 makes that practically impossible.
    if ((this.#a | this.#b | this.#c | this.#d) === 0) this.#d = 1
  }

  /** An independent generator for one part of the history, so draws elsewhere do not shift it. */
  fork(label: string): SeededRandom {
    return new SeededRandom(`${this.nextUint32().toString(16)}/${label}`)
  }

  /** The next 32-bit unsigned integer. */
  nextUint32(): number {
    const result = Math.imul(rotateLeft(Math.imul(this.#b, 5), 7), 9) >>> 0
    const shifted = this.#b << 9
    this.#c ^= this.#a
    this.#d ^= this.#b
    this.#b ^= this.#c
    this.#a ^= this.#d
    this.#c ^= shifted
    this.#d = rotateLeft(this.#d, 11)
    return result
  }

  /** A float in [0, 1), for probabilities and shapes; never for money. */
  fraction(): number {
    return this.nextUint32() / 0x1_0000_0000
  }

  /** An integer in [min, max], both included, without modulo bias. */
  between(min: number, max: number): number {
    if (!Number.isSafeInteger(min) || !Number.isSafeInteger(max) || max < min) {
      throw new RangeError(`Expected two integers with min ≤ max, found ${min} and ${max}.`)
    }
    return min + Number(this.bigintBelow(BigInt(max - min) + 1n))
  }

  /** True with the given probability (0 to 1). */
  chance(probability: number): boolean {
    return this.fraction() < probability
  }

  /** One item of a non-empty list, each equally likely. */
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('Expected a non-empty list to pick from.')
    return items[this.between(0, items.length - 1)]!
  }

  /** One item, each as likely as its positive integer weight. */
  weighted<T>(items: readonly { readonly weight: number; readonly value: T }[]): T {
    const total = items.reduce((sum, item) => sum + item.weight, 0)
    if (total <= 0) throw new RangeError('Expected at least one item with a positive weight.')
    let draw = this.between(0, total - 1)
    for (const item of items) {
      if (draw < item.weight) return item.value
      draw -= item.weight
    }
    throw new Error('Unreachable: the draw is below the total weight.')
  }

  /** An amount of cents in [min, max], both included: money is drawn as a bigint. */
  centsBetween(min: bigint, max: bigint): bigint {
    if (max < min) throw new RangeError(`Expected min ≤ max, found ${min} and ${max}.`)
    return min + this.bigintBelow(max - min + 1n)
  }

  /** A bigint in [0, bound), by rejection so that every value is equally likely. */
  bigintBelow(bound: bigint): bigint {
    if (bound <= 0n) throw new RangeError(`Expected a positive bound, found ${bound}.`)
    let words = 1
    while (1n << BigInt(32 * words) < bound) words++
    const range = 1n << BigInt(32 * words)
    const limit = range - (range % bound)
    for (;;) {
      let value = 0n
      for (let i = 0; i < words; i++) value = (value << 32n) | BigInt(this.nextUint32())
      if (value < limit) return value % bound
    }
  }
}

function rotateLeft(value: number, bits: number): number {
  return ((value << bits) | (value >>> (32 - bits))) >>> 0
}

/** FNV-1a over the UTF-16 code units of a string: a small, stable hash to seed from. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return hash >>> 0
}
