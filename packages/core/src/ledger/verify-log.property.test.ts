// Invariant 8 of DOMAIN.md as properties: any change, removal, insertion or reordering of stored
// events is detected by `verify`, wherever it is made in a real log.
import { fc } from '@fast-check/vitest'
import { accountantOf, buyerOf, propertyRuns, SIRETS } from '@plafond/testing'
import { beforeAll, describe, expect, it } from 'vitest'
import { canonicalJson } from '../events/canonical-json.js'
import type { RecordedEvent } from '../events/envelope.js'
import { sealEvent } from '../events/hash-chain.js'
import type { EventStore } from '../store/event-store.js'
import {
  headOf,
  recordedLog,
  resealFrom,
  tampered,
  withOutcome,
} from '../test-support/tampered-log.js'
import { verifyLog } from './verify-log.js'

const B = SIRETS.beneficiaryB

/**
 * A real log of about twenty events of a dozen types: the opened framework, two awards, services
 * certified, an invoice and its payment, paid late (so with late-payment interest).
 */
const realLog = () =>
  recordedLog(
    [
      {
        commands: [
          {
            type: 'CertifyService',
            commandId: 'certify-2',
            contractId: 'MS-2',
            serviceId: 'S-2',
            amount: '500',
            certifiedOn: '2025-04-10',
          },
        ],
        actor: buyerOf(B),
      },
      {
        commands: [
          {
            type: 'RecordInvoice',
            commandId: 'invoice-1',
            contractId: 'MS-1',
            invoiceId: 'I-1',
            amount: '1000',
            vat: '200',
            receivedOn: '2025-04-02',
          },
          {
            type: 'RecordPayment',
            commandId: 'payment-1',
            contractId: 'MS-1',
            paymentId: 'P-1',
            amount: '1000',
            paidOn: '2025-05-20',
            invoiceId: 'I-1',
          },
        ],
        actor: accountantOf(B),
      },
    ],
    1000,
  )

/** A JSON value: what a forger may write into a member. */
const jsonValue = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.integer({ min: -1_000_000, max: 1_000_000 }),
  fc.boolean(),
  fc.constant(null),
  fc.dictionary(fc.string({ minLength: 1, maxLength: 6 }), fc.string({ maxLength: 6 }), {
    maxKeys: 3,
  }),
)

/** The envelope's members a change may touch; `data` and `meta` have members of their own. */
const ENVELOPE_MEMBERS = [
  'id',
  'stream',
  'version',
  'position',
  'type',
  'schemaVersion',
  'prevHash',
  'hash',
] as const

/** One change to one event: a member of the envelope, of `data` or of `meta`, set, added or removed. */
type Change =
  | {
      readonly where: 'envelope'
      readonly member: (typeof ENVELOPE_MEMBERS)[number]
      readonly value: unknown
    }
  | {
      readonly where: 'data' | 'meta'
      readonly member: string | undefined
      readonly value: unknown
    }

const change: fc.Arbitrary<Change> = fc.oneof(
  fc.record({
    where: fc.constant('envelope' as const),
    member: fc.constantFrom(...ENVELOPE_MEMBERS),
    value: jsonValue,
  }),
  fc.record({
    where: fc.constantFrom('data' as const, 'meta' as const),
    // undefined: a member added; a name: that member set, or removed when `value` is undefined.
    member: fc
      .option(fc.nat(), { nil: undefined })
      .map((n) => (n === undefined ? undefined : String(n))),
    value: fc.option(jsonValue, { nil: undefined }),
  }),
)

/**
 * A change a forger who seals again can make: to `data` or `meta`, or another text for `type` or
 * `id`. Positions, versions and the chain's own members are the forger's to recompute, not to change.
 */
const forgersChange: fc.Arbitrary<Change> = fc.oneof(
  change.filter((made) => made.where !== 'envelope'),
  fc.record({
    where: fc.constant('envelope' as const),
    member: fc.constantFrom('type' as const, 'id' as const),
    value: fc.string({ minLength: 1, maxLength: 30 }),
  }),
)

/** `event` with `change` made, or undefined when the change would leave it as it was. */
function changed(event: RecordedEvent, made: Change): RecordedEvent | undefined {
  if (made.where === 'envelope') {
    const before = (event as unknown as Record<string, unknown>)[made.member]
    if (canonicalJson(before) === canonicalJson(made.value)) return undefined
    return { ...event, [made.member]: made.value }
  }
  const members = { ...(event[made.where] as Record<string, unknown>) }
  const names = Object.keys(members)
  if (made.member === undefined || names.length === 0) {
    if (made.value === undefined) return undefined
    members[`forged${names.length}`] = made.value
  } else {
    const name = names[Number(made.member) % names.length]!
    if (made.value === undefined) delete members[name]
    else if (canonicalJson(members[name]) === canonicalJson(made.value)) return undefined
    else members[name] = made.value
  }
  return { ...event, [made.where]: members }
}

describe('verify, invariant 8: any tampering with stored events is detected', () => {
  let store: EventStore
  let events: RecordedEvent[]
  beforeAll(async () => {
    ;({ store, events } = await realLog())
  })

  it('the untouched log passes, with more than a dozen events of several types', async () => {
    expect(events.length).toBeGreaterThan(12)
    expect(new Set(events.map((e) => e.type)).size).toBeGreaterThan(6)
    expect(await verifyLog(store)).toEqual({
      ok: true,
      events: events.length,
      head: headOf(events),
    })
  })

  it('finds any one member of any event changed, added or removed, at that event', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(), change, async (at, made) => {
        const index = at % events.length
        const forged = changed(events[index]!, made)
        fc.pre(forged !== undefined)
        const log = events.with(index, forged)
        const result = await verifyLog(tampered(store, log))
        expect(result.ok).toBe(false)
        // Named by the position the changed event reads (a changed position is what it reads).
        if (!result.ok && typeof forged.position === 'string') {
          expect(result.position).toBe(forged.position)
        }
      }),
      { numRuns: propertyRuns(300) },
    )
  })

  it('finds any change sealed again from there on by a forger, when the head or a checkpoint is kept', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(), forgersChange, fc.boolean(), async (at, made, byCheckpoint) => {
        const index = at % events.length
        const forged = changed(events[index]!, made)
        fc.pre(forged !== undefined)
        const log = resealFrom(events.with(index, forged), index)
        const result = byCheckpoint
          ? // The forger rewrote the head too; a checkpoint exported earlier still holds.
            await verifyLog(tampered(store, log, headOf(log)), { checkpoint: headOf(events) })
          : await verifyLog(tampered(store, log))
        expect(result.ok).toBe(false)
      }),
      { numRuns: propertyRuns(200) },
    )
  })

  it('finds any set of events removed, at the first event after the first gap, or at the head', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.nat({ max: 1_000 }), { minLength: 1, maxLength: 5 }),
        async (picks) => {
          const removed = new Set(picks.map((p) => p % events.length))
          const log = events.filter((_, i) => !removed.has(i))
          const result = await verifyLog(tampered(store, log))
          expect(result.ok).toBe(false)
          if (result.ok) return
          const firstGap = Math.min(...removed)
          const after = events.slice(firstGap + 1).find((_, k) => !removed.has(firstGap + 1 + k))
          expect(result.position).toBe(after?.position ?? headOf(events).position)
        },
      ),
      { numRuns: propertyRuns(200) },
    )
  })

  it('finds an event inserted anywhere, even sealed and chained to the one before it', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.nat(), async (at, model) => {
        const index = at % (events.length + 1)
        const template = events[model % events.length]!
        const before = events[index - 1]
        const { hash: _hash, ...rest } = template
        const inserted = sealEvent({
          ...rest,
          id: `01J0000000000000000000FAKE`,
          position: String(index + 1),
          prevHash: before?.hash ?? rest.prevHash,
        })
        const log = [...events.slice(0, index), inserted, ...events.slice(index)]
        const result = await verifyLog(tampered(store, log))
        expect(result.ok).toBe(false)
      }),
      { numRuns: propertyRuns(200) },
    )
  })

  it('finds any two events swapped, at the first of the two places', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.nat(), async (a, b) => {
        const i = a % events.length
        const j = b % events.length
        fc.pre(i !== j)
        const [first, second] = i < j ? [i, j] : [j, i]
        const log = [...events]
        log[first] = events[second]!
        log[second] = events[first]!
        const result = await verifyLog(tampered(store, log))
        expect(result.ok).toBe(false)
        if (!result.ok) expect(result.position).toBe(events[second]!.position)
      }),
      { numRuns: propertyRuns(200) },
    )
  })

  it('with outcomes, finds any command outcome deleted, made a refusal or moved, at its first event', async () => {
    const commands = [...new Set(events.map((e) => e.meta.commandId))]
    await fc.assert(
      fc.asyncProperty(
        fc.nat(),
        fc.constantFrom('deleted', 'refused', 'moved'),
        fc.integer({ min: 1, max: 50 }),
        async (pick, how, shift) => {
          const commandId = commands[pick % commands.length]!
          const forged = withOutcome(store, commandId, (real) => {
            if (how === 'deleted') return undefined
            if (!real.result.ok) return real
            if (how === 'refused') {
              const rejection = { code: 'forbidden', message: 'forged', details: {} } as const
              return { ...real, result: { ok: false, rejection } }
            }
            const written = real.result.written.map((range) => ({
              ...range,
              fromVersion: range.fromVersion + shift,
              toVersion: range.toVersion + shift,
            }))
            return { ...real, result: { ok: true, written } }
          })
          const result = await verifyLog(forged, { outcomes: true })
          expect(result).toMatchObject({
            ok: false,
            position: events.find((e) => e.meta.commandId === commandId)!.position,
          })
        },
      ),
      { numRuns: propertyRuns(100) },
    )
  })
})
