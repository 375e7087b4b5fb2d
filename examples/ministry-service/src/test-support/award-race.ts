import { formatCents, parseCents, type LedgerEvent } from '@plafond/core'
import { expect } from 'vitest'
import {
  auditor,
  awardCommand,
  buyer,
  coordinator,
  MINISTRY,
  openingCommands,
} from './ministry-fixture.js'
import type { Answer, RunningService } from './running-service.js'

/** The race: the ministry's allocation, and how many awards of how much ask for it at once. */
export interface Race {
  readonly allocation: string
  readonly requests: number
  readonly amount: string
}

/** The race of the issue: 60 awards of 5 000 € at once against an allocation of 100 000 €. */
export const SIXTY_AWARDS: Race = { allocation: '100000', requests: 60, amount: '5000' }

/** What the race left behind. */
export interface RaceReport {
  /** The answer to each award, in the order they were sent. */
  readonly awards: readonly Answer[]
  /** The ministry's committed total, folded from `GET /events`. */
  readonly committed: bigint
  /** How many events the log holds. */
  readonly events: number
  /** The answer of `GET /verify`. */
  readonly verify: Answer
}

/** The award request number `n` of a race: its key in the `Idempotency-Key` header, not in the body. */
export function raceAward(service: RunningService, race: Race, n: number): Promise<Answer> {
  const { commandId, ...body } = awardCommand(`MS-${n}`, race.amount)
  return service.call('POST', '/commands', {
    actor: buyer,
    body,
    headers: { 'Idempotency-Key': commandId },
  })
}

/**
 * Opens the framework through the service, fires all the awards at once (`Promise.all` of
 * `fetch`), then reads the whole log back through `GET /events` and runs `GET /verify`.
 */
export async function runAwardRace(service: RunningService, race: Race): Promise<RaceReport> {
  for (const command of openingCommands(race.allocation)) {
    const opened = await service.call('POST', '/commands', { actor: coordinator, body: command })
    if (opened.status !== 201) {
      throw new Error(
        `Opening the framework: expected 201, got ${opened.status} ${JSON.stringify(opened.body)}.`,
      )
    }
  }
  const awards = await Promise.all(
    Array.from({ length: race.requests }, (_, n) => raceAward(service, race, n)),
  )
  const events = await readWholeLog(service)
  const committed = events
    .filter((event) => event.type === 'CommitmentAwarded')
    .map((event) => event.data as { readonly beneficiaryId: string; readonly amount: string })
    .filter((data) => data.beneficiaryId === MINISTRY)
    .reduce((sum, data) => sum + parseCents(data.amount), 0n)
  const verify = await service.call('GET', '/verify', { actor: auditor })
  return { awards, committed, events: events.length, verify }
}

/** Follows `next` through `GET /events` as an auditor, a small page at a time. */
export async function readWholeLog(service: RunningService): Promise<LedgerEvent[]> {
  const events: LedgerEvent[] = []
  let from = '1'
  for (;;) {
    const page = await service.call('GET', `/events?from=${from}&limit=25`, { actor: auditor })
    expect(page.status).toBe(200)
    events.push(...(page.body.events as LedgerEvent[]))
    from = page.body.next as string
    if (page.body.more !== true) return events
  }
}

/**
 * The race held: exactly as many awards as the allocation pays for succeeded with 201, every
 * other one got 409 `allocation_exceeded`, the committed total is exactly the allocation, and
 * the log verifies.
 */
export function expectAllocationHeld(race: Race, report: RaceReport): void {
  const allocation = parseCents(race.allocation)
  const fits = Number(allocation / parseCents(race.amount))
  const statuses = report.awards.map((answer) => answer.status)
  expect(statuses.filter((status) => status === 201)).toHaveLength(fits)
  const refused = report.awards.filter((answer) => answer.status !== 201)
  expect(refused).toHaveLength(race.requests - fits)
  for (const answer of refused) {
    expect(answer.status).toBe(409)
    expect(answer.body).toMatchObject({ code: 'allocation_exceeded', replayed: false })
  }
  expect(formatCents(report.committed)).toBe(formatCents(allocation))
  expect(report.verify.status).toBe(200)
  expect(report.verify.body).toMatchObject({ ok: true, events: report.events })
}
