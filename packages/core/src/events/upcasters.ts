import type { EventType } from './event-catalogue.js'

/** Turns the data of one schema version into the next version's. Pure. */
export type Upcaster = (data: unknown) => unknown

/**
 * Upcasters by event type and the version they read: `UPCASTERS.T[n]` turns v`n` data into
 * v`n+1`. Events are stored as written; reading runs the chain up to the current version.
 */
export const UPCASTERS: { readonly [T in EventType]?: Readonly<Record<number, Upcaster>> } = {
  ServiceCertified: {
    // v1 → v2: `periodStart`/`periodEnd` became one optional `period { from, to }`.
    1: (data) => {
      const { periodStart, periodEnd, ...rest } = data as Record<string, unknown>
      if (periodStart === undefined && periodEnd === undefined) return rest
      return {
        ...rest,
        period: {
          ...(periodStart === undefined ? {} : { from: periodStart }),
          ...(periodEnd === undefined ? {} : { to: periodEnd }),
        },
      }
    },
  },
}

/** Runs the upcaster chain of `type` from `fromVersion` to the current version. */
export function upcast(type: EventType, fromVersion: number, data: unknown): unknown {
  const chain = UPCASTERS[type]
  let current = data
  for (let version = fromVersion; chain?.[version] !== undefined; version++) {
    current = chain[version]!(current)
  }
  return current
}
