type Release = () => void

/** The queue of a key no one waits for: shared, replaced by an array of its own when one does. */
const NO_WAITERS: readonly (() => void)[] = Object.freeze([])

/**
 * In-process write ordering: commands on the same streams wait for each other, and a batch waits
 * for every command (and they for it). This only spares a process the cost of conflicting with
 * itself; correctness across processes comes from expected versions in the store.
 */
export class WriteLocks {
  /** Held keys, each with the callers waiting for it in arrival order. */
  readonly #held = new Map<string, readonly (() => void)[]>()
  #shared = 0
  #exclusive = false
  readonly #waiting: { readonly exclusive: boolean; readonly enter: () => void }[] = []

  /**
   * Locks `keys` at once when nothing holds them and no batch runs or waits, without waiting for
   * a turn of the event loop; undefined otherwise (call `streams`). The common case of a single
   * writer: no promise, no await.
   */
  tryStreams(keys: readonly string[]): Release | undefined {
    if (this.#waiting.length > 0 || !this.#canEnter(false)) return undefined
    for (const key of keys) if (this.#held.has(key)) return undefined
    this.#occupy(false)
    const unique = distinct(keys)
    for (const key of unique) this.#held.set(key, NO_WAITERS)
    return this.#releaser(unique, true)
  }

  /** Locks `keys` (sorted, so that two commands never wait on each other in a cycle). */
  async streams(keys: readonly string[]): Promise<Release> {
    await this.#enter(false)
    const sorted = [...new Set(keys)].sort()
    for (const key of sorted) await this.#acquire(key)
    return this.#releaser(sorted, true)
  }

  /** Locks one more stream while holding others; the caller keeps the key order. */
  async stream(key: string): Promise<Release> {
    await this.#acquire(key)
    return this.#releaser([key], false)
  }

  /** Waits until no command runs, then excludes all others until released. */
  async everything(): Promise<Release> {
    await this.#enter(true)
    let released = false
    return () => {
      if (released) return
      released = true
      this.#leave(true)
    }
  }

  /** Resolves at once when `key` is free, or when its previous holders have released it. */
  #acquire(key: string): Promise<void> | undefined {
    const queue = this.#held.get(key)
    if (queue === undefined) {
      this.#held.set(key, NO_WAITERS)
      return undefined
    }
    const waiters = queue === NO_WAITERS ? [] : (queue as (() => void)[])
    if (waiters !== queue) this.#held.set(key, waiters)
    return new Promise<void>((resolve) => waiters.push(resolve))
  }

  /** Releases keys in reverse order, then leaves the gate if `leave`; a second call does nothing. */
  #releaser(keys: readonly string[], leave: boolean): Release {
    let released = false
    return () => {
      if (released) return
      released = true
      for (let i = keys.length - 1; i >= 0; i--) this.#handOver(keys[i]!)
      if (leave) this.#leave(false)
    }
  }

  /** Gives `key` to its next waiter, or frees it. */
  #handOver(key: string): void {
    const queue = this.#held.get(key)
    const next =
      queue === undefined || queue.length === 0 ? undefined : (queue as (() => void)[]).shift()
    if (next === undefined) this.#held.delete(key)
    else next()
  }

  #canEnter(exclusive: boolean): boolean {
    return exclusive ? !this.#exclusive && this.#shared === 0 : !this.#exclusive
  }

  /** Enters the gate: at once when it is free and no one waits, else in arrival order. */
  async #enter(exclusive: boolean): Promise<void> {
    if (this.#waiting.length > 0 || !this.#canEnter(exclusive)) {
      await new Promise<void>((enter) => this.#waiting.push({ exclusive, enter }))
    } else {
      this.#occupy(exclusive)
    }
  }

  #leave(exclusive: boolean): void {
    if (exclusive) this.#exclusive = false
    else this.#shared -= 1
    this.#drain()
  }

  #occupy(exclusive: boolean): void {
    if (exclusive) this.#exclusive = true
    else this.#shared += 1
  }

  #drain(): void {
    while (this.#waiting.length > 0 && this.#canEnter(this.#waiting[0]!.exclusive)) {
      const next = this.#waiting.shift()!
      this.#occupy(next.exclusive)
      next.enter()
    }
  }
}

/** `keys` without repeats, in order: the keys themselves when they are already distinct. */
function distinct(keys: readonly string[]): readonly string[] {
  for (let i = 1; i < keys.length; i++) {
    for (let j = 0; j < i; j++) if (keys[i] === keys[j]) return [...new Set(keys)]
  }
  return keys
}
