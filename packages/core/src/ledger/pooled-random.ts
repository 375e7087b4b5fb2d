import { randomFillSync } from 'node:crypto'

/**
 * A source of random fractions in [0, 1) for the ULID factory, drawn from the operating system's
 * CSPRNG 1 024 bytes at a time. ulid's own source asks the CSPRNG for one byte per character, 16
 * calls per new millisecond: about 5 % of a command's time on the in-memory store. Each fraction is
 * one byte divided by 256, exactly what ulid's own source returns.
 */
export function pooledRandom(poolSize = 1024): () => number {
  const pool = new Uint8Array(poolSize)
  let next = poolSize
  return () => {
    if (next === poolSize) {
      randomFillSync(pool)
      next = 0
    }
    return pool[next++]! / 256
  }
}
