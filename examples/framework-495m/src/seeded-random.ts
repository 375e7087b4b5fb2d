/**
 * A seeded pseudo-random generator: sfc32 (Chris Doty-Humphrey's small fast counting generator)
 * over four 32-bit words mixed from a seed string. The same seed gives the same draws on every
 * platform and Node version, which is what makes the synthetic first year reproducible. Not for
 * anything secret.
 */
export class SeededRandom {
  /** The text this generator was started from; `fork` derives its children from it. */
  readonly seed: string
  #a: number
  #b: number
  #c: number
  #d: number

  /** Starts a generator from a seed string; two equal seeds give two equal sequences. */
  constructor(seed: string) {
    this.seed = seed
    this.#a = mix(seed, 0x243f6a88)
    this.#b = mix(seed, 0x85a308d3)
    this.#c = mix(seed, 0x13198a2e)
    this.#d = mix(seed, 0x03707344)
    // sfc32's first outputs still show the seed's structure; skip them.
    for (let i = 0; i < 15; i++) this.uint32()
  }

  /**
   * A generator for one part of the simulation (a beneficiary, a product), derived from the seed
   * and the label alone: how much the parent has drawn does not change it, so adding a draw in one
   * product leaves every other product as it was.
   */
  fork(label: string): SeededRandom {
    return new SeededRandom(`${this.seed}/${label}`)
  }

  /** The next 32-bit unsigned integer. */
  uint32(): number {
    const t = (((this.#a + this.#b) | 0) + this.#d) | 0
    this.#d = (this.#d + 1) | 0
    this.#a = this.#b ^ (this.#b >>> 9)
    this.#b = (this.#c + (this.#c << 3)) | 0
    this.#c = (this.#c << 21) | (this.#c >>> 11)
    this.#c = (this.#c + t) | 0
    return t >>> 0
  }

  /** A float in [0, 1), for probabilities and shares; never for money. */
  fraction(): number {
    return this.uint32() / 0x1_0000_0000
  }

  /** An integer in [min, max], both included, every value equally likely (no modulo bias). */
  int(min: number, max: number): number {
    const span = max - min + 1
    if (!Number.isSafeInteger(min) || !Number.isSafeInteger(max) || span < 1 || span > 2 ** 32) {
      throw new RangeError(
        `Expected two integers with min ≤ max and at most 2^32 values between them, found ${min} and ${max}.`,
      )
    }
    // Reject the top values that would make some results more likely than others.
    const limit = 2 ** 32 - (2 ** 32 % span)
    for (;;) {
      const draw = this.uint32()
      if (draw < limit) return min + (draw % span)
    }
  }

  /** An amount of cents in [min, max], both included; money stays a bigint. */
  cents(min: bigint, max: bigint): bigint {
    return min + BigInt(this.int(0, Number(max - min)))
  }

  /** True with the given probability (0 to 1). */
  chance(probability: number): boolean {
    return this.fraction() < probability
  }

  /** One item of a non-empty list, each equally likely. */
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('Expected a non-empty list to pick from.')
    return items[this.int(0, items.length - 1)]!
  }

  /** One item, each as likely as its positive integer weight. */
  weighted<T>(items: readonly T[], weightOf: (item: T) => number): T {
    const total = items.reduce((sum, item) => sum + weightOf(item), 0)
    if (!Number.isSafeInteger(total) || total < 1) {
      throw new RangeError(
        `Expected integer weights summing to at least 1, found a total of ${total}.`,
      )
    }
    let draw = this.int(0, total - 1)
    for (const item of items) {
      draw -= weightOf(item)
      if (draw < 0) return item
    }
    throw new Error('Unreachable: the draw is below the total weight.')
  }
}

/** FNV-1a over the seed's UTF-16 code units from a salt, then a final avalanche. */
function mix(text: string, salt: number): number {
  let hash = (0x811c9dc5 ^ salt) >>> 0
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  hash ^= hash >>> 16
  hash = Math.imul(hash, 0x7feb352d)
  hash ^= hash >>> 15
  hash = Math.imul(hash, 0x846ca68b)
  hash ^= hash >>> 16
  return hash >>> 0
}
