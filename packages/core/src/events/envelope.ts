/** What the ledger records about the command behind each event. */
export interface EventMeta {
  /** The command that produced the event (its idempotency key). */
  readonly commandId: string
  /** Who issued the command. */
  readonly actorId: string
  /** Groups events of one business operation across commands, when the caller sets it. */
  readonly correlationId?: string
  /** The command or event that caused this one, when the caller sets it. */
  readonly causationId?: string
  /** When the event was written: an ISO-8601 instant from the ledger's clock. */
  readonly recordedAt: string
  /** The business date the event takes effect, `YYYY-MM-DD`. */
  readonly effectiveOn: string
}

/** An event ready to append: the store gives it a stream version, a position and its hashes. */
export interface NewEvent {
  /** A ULID, unique across the log. */
  readonly id: string
  readonly type: string
  readonly schemaVersion: number
  readonly data: unknown
  readonly meta: EventMeta
}

/** An event as stored: in its stream at `version`, in the log at `position`, hash-chained. */
export interface RecordedEvent extends NewEvent {
  /** `framework-<id>`, `contract-<id>` or `product-<beneficiaryId>-<product>`. */
  readonly stream: string
  /** 1..n within the stream. */
  readonly version: number
  /** Global position, a decimal string of a positive integer, strictly increasing in the log. */
  readonly position: string
  /** Hash of the event at the previous position (64 zeros for the first event). */
  readonly prevHash: string
  /** sha256(prevHash + canonical JSON of the envelope without `hash`), hex. */
  readonly hash: string
}

/** The stream of a framework. */
export function frameworkStream(frameworkId: string): string {
  return named(FRAMEWORK_NAMES, 'framework-', frameworkId)
}

/** The stream of a call-off. */
export function contractStream(contractId: string): string {
  return named(CONTRACT_NAMES, 'contract-', contractId)
}

// Stream names by id, for the ids in use. A command names its streams several times (its locks,
// its working set, the state cache, the store), each time in a map: one string per stream, made
// flat once, has its hash computed once, where a new `contract-…` each time had to be flattened
// and hashed again (about 2 % of a command in memory). Emptied when full.
const FRAMEWORK_NAMES = new Map<string, string>()
const CONTRACT_NAMES = new Map<string, string>()
const MAX_NAMES = 16_384

function named(names: Map<string, string>, prefix: string, id: string): string {
  let name = names.get(id)
  if (name === undefined) {
    name = prefix + id
    // Reading a character makes V8 write the concatenation out as one flat string; comparing it
    // with the prefix's keeps the read from being optimized away.
    if (name.charCodeAt(0) !== prefix.charCodeAt(0)) throw new Error('unreachable')
    if (names.size >= MAX_NAMES) names.clear()
    names.set(id, name)
  }
  return name
}

/** The stream of a beneficiary's product. */
export function productStream(beneficiaryId: string, product: string): string {
  return `product-${beneficiaryId}-${product}`
}
