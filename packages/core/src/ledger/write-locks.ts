type Release = () => void

/**
 * In-process write ordering: commands on the same streams wait for each other, and a batch waits
 * for every command (and they for it). This only spares a process the cost of conflicting with
 * itself; correctness across processes comes from expected versions in the store.
 */
export class WriteLocks {
  readonly #tails = new Map<string, Promise<void>>()
  #shared = 0
  #exclusive = false
  readonly #waiting: { readonly exclusive: boolean; readonly enter: () => void }[] = []

  /** Locks `keys` (sorted, so that two commands never wait on each other in a cycle). */
  async streams(keys: readonly string[]): Promise<Release> {
    const leaveGate = await this.#gate(false)
    const releases: Release[] = []
    for (const key of [...new Set(keys)].sort()) releases.push(await this.#key(key))
    return () => {
      for (const release of releases.reverse()) release()
      leaveGate()
    }
  }

  /** Locks one more stream while holding others; the caller keeps the key order. */
  async stream(key: string): Promise<Release> {
    return this.#key(key)
  }

  /** Waits until no command runs, then excludes all others until released. */
  async everything(): Promise<Release> {
    return this.#gate(true)
  }

  async #key(key: string): Promise<Release> {
    const previous = this.#tails.get(key) ?? Promise.resolve()
    let open!: () => void
    const mine = new Promise<void>((resolve) => {
      open = resolve
    })
    const tail = previous.then(() => mine)
    this.#tails.set(key, tail)
    await previous
    return () => {
      open()
      if (this.#tails.get(key) === tail) this.#tails.delete(key)
    }
  }

  #canEnter(exclusive: boolean): boolean {
    return exclusive ? !this.#exclusive && this.#shared === 0 : !this.#exclusive
  }

  async #gate(exclusive: boolean): Promise<Release> {
    if (this.#waiting.length > 0 || !this.#canEnter(exclusive)) {
      await new Promise<void>((enter) => this.#waiting.push({ exclusive, enter }))
    } else {
      this.#occupy(exclusive)
    }
    return () => {
      if (exclusive) this.#exclusive = false
      else this.#shared -= 1
      this.#drain()
    }
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
