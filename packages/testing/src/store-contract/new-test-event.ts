import { encodeEvent, type EventMeta, type NewEvent } from '@plafond/core'

/** What a test may set on an event built by `newTestEvent`; the rest gets valid defaults. */
export interface TestEventOverrides {
  /** The event id; a fresh ULID-shaped id when omitted. */
  readonly id?: string
  /** The event type; `HolderAdded` when omitted. */
  readonly type?: string
  /** The schema version; the catalogue's current one for the default type when omitted. */
  readonly schemaVersion?: number
  /** The event data; a valid `HolderAdded` payload when omitted. */
  readonly data?: unknown
  /** Fields of `meta` to replace; the others keep their defaults. */
  readonly meta?: Partial<EventMeta>
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
// A fixed ULID time part: ids from a counter sort in creation order, like a monotonic factory's.
const ULID_TIME = '01K6G0W000'
let counter = 0

function nextTestId(): string {
  counter += 1
  let rest = counter
  let random = ''
  for (let i = 0; i < 16; i++) {
    random = CROCKFORD.charAt(rest % 32) + random
    rest = Math.floor(rest / 32)
  }
  return ULID_TIME + random
}

/**
 * A new event ready to append. By default it is a valid `HolderAdded` (so `verifyLog`, which
 * decodes every event, accepts a log of them) with a unique id and command id.
 *
 * ```ts
 * await store.append([{ stream: 'framework-a', expectedVersion: 'no_stream', events: [newTestEvent()] }])
 * ```
 */
export function newTestEvent(overrides: TestEventOverrides = {}): NewEvent {
  const id = overrides.id ?? nextTestId()
  // encodeEvent validates the default payload, so a schema change fails here and not in a store.
  const encoded = encodeEvent({
    type: 'HolderAdded',
    data: {
      frameworkId: 'AC-TEST',
      holderId: '13002526500013',
      name: `Holder ${id}`,
      addedOn: '2025-10-01',
    },
  })
  return {
    id,
    type: overrides.type ?? encoded.type,
    schemaVersion: overrides.schemaVersion ?? encoded.schemaVersion,
    data: overrides.data === undefined ? encoded.data : overrides.data,
    meta: {
      commandId: `test-command-${id}`,
      actorId: 'store-contract',
      recordedAt: '2025-10-01T08:00:00.000Z',
      effectiveOn: '2025-10-01',
      ...overrides.meta,
    },
  }
}

/** `count` new events from `newTestEvent`, each with its own id unless `overrides` gives one. */
export function newTestEvents(count: number, overrides: TestEventOverrides = {}): NewEvent[] {
  return Array.from({ length: count }, () => newTestEvent(overrides))
}
