/**
 * The ids of a log's events, to refuse an id written twice. Ids that arrive in increasing order,
 * as a ledger's monotonic ULIDs do, need only the last of them: an id above it is new. The first
 * id that is not above it builds the set of every id in the log, read once through `idsOfLog`,
 * and from then on each id is looked up in that set. (A set of every id cost about a fifth of an
 * in-memory append, and kept a string per event alive.)
 */
export class EventIds {
  readonly #idsOfLog: () => Iterable<string>
  /** While ids have only increased: the last one. */
  #last: string | undefined
  /** Once an id came out of order: every id in the log. */
  #all: Set<string> | undefined

  constructor(idsOfLog: () => Iterable<string>) {
    this.#idsOfLog = idsOfLog
  }

  /** The first of `ids` already in the log or repeated among them; undefined when all are new. */
  firstTaken(ids: readonly string[]): string | undefined {
    if (this.#all === undefined) {
      let last = this.#last
      let increasing = true
      for (const id of ids) {
        if (last !== undefined && !(id > last)) {
          increasing = false
          break
        }
        last = id
      }
      if (increasing) return undefined
      this.#all = new Set(this.#idsOfLog())
    }
    const seen = ids.length > 1 ? new Set<string>() : undefined
    for (const id of ids) {
      if (this.#all.has(id) || seen?.has(id) === true) return id
      seen?.add(id)
    }
    return undefined
  }

  /** Records the ids of an append that went through (all new, as `firstTaken` said). */
  record(ids: readonly string[]): void {
    if (this.#all !== undefined) for (const id of ids) this.#all.add(id)
    else if (ids.length > 0) this.#last = ids[ids.length - 1]
  }
}
