import { createLedger, type Ledger } from '@plafond/core'
import { createSqliteStore } from '@plafond/store-sqlite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  expectAllocationHeld,
  raceAward,
  runAwardRace,
  SIXTY_AWARDS,
  type RaceReport,
} from './test-support/award-race.js'
import { TEST_CLOCK } from './test-support/ministry-fixture.js'
import { startService, type RunningService } from './test-support/running-service.js'
import { temporaryDirectory } from './test-support/temporary-directory.js'

const directory = temporaryDirectory('race')
let ledger: Ledger
let service: RunningService
let report: RaceReport

beforeAll(async () => {
  ledger = createLedger({
    store: createSqliteStore({ path: directory.file('ministry.db'), synchronous: 'NORMAL' }),
    clock: TEST_CLOCK,
  })
  service = await startService(ledger)
  report = await runAwardRace(service, SIXTY_AWARDS)
})

afterAll(async () => {
  await service.stop()
  await ledger.close()
  directory.remove()
})

describe('60 concurrent awards of 5 000 € against an allocation of 100 000 €, over SQLite', () => {
  it('accepts exactly 20 with 201, refuses 40 with 409 allocation_exceeded, commits exactly 100 000 €, and verifies', () => {
    expectAllocationHeld(SIXTY_AWARDS, report)
  })

  it('answers a resent award with its first outcome, 200 and replayed, and writes nothing', async () => {
    const index = report.awards.findIndex((answer) => answer.status === 201)
    const first = report.awards[index]!
    const head = await ledger.head()

    const again = await raceAward(service, SIXTY_AWARDS, index)

    expect(again.status).toBe(200)
    expect(again.headers.get('Idempotent-Replayed')).toBe('true')
    expect(again.body).toEqual({ replayed: true, events: first.body.events })
    expect(await ledger.head()).toEqual(head)
  })

  it('answers a resent refused award with the same 409, replayed, even though nothing changed since', async () => {
    const index = report.awards.findIndex((answer) => answer.status === 409)
    const head = await ledger.head()

    const again = await raceAward(service, SIXTY_AWARDS, index)

    expect(again.status).toBe(409)
    expect(again.body).toEqual({ ...report.awards[index]!.body, replayed: true })
    expect(await ledger.head()).toEqual(head)
  })
})
