import {
  createLedger,
  verifyLog,
  type Actor,
  type CommandInput,
  type EventStore,
  type RecordedEvent,
} from '@plafond/core'
import {
  SIRETS,
  awardContractCommand,
  contractFixture,
  coordinator,
  openedFrameworkCommands,
} from '@plafond/testing'
import { afterAll, describe, expect, it } from 'vitest'
import { createSqliteStore } from './create-sqlite-store.js'
import {
  bundleCommandRunner,
  startCommandProcess,
  type CommandUnit,
} from './test-support/command-process.js'
import { temporaryDirectory } from './test-support/temporary-directory.js'

const ROUNDS = 24
const UNITS_PER_ROUND = 200
/** Kills land after up to this many units reported done, then up to this many ms into the rest. */
const MAX_UNITS_BEFORE_KILL = 12
const MAX_KILL_DELAY_MS = 15
const SEED = Number(process.env.PLAFOND_CRASH_SEED ?? Date.now() % 2 ** 31)

/** mulberry32: a small seeded generator, so that a failing run can be repeated with its seed. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32
  }
}

const actor: Actor = {
  id: 'crash-writer',
  roles: [
    { role: 'buyer', beneficiaryId: SIRETS.beneficiaryB },
    { role: 'accountant', beneficiaryId: SIRETS.beneficiaryB },
  ],
}

function award(contractId: string): CommandInput {
  return awardContractCommand(contractFixture({ contractId, amount: '100.00' }))
}

function certify(contractId: string): CommandInput {
  return {
    type: 'CertifyService',
    commandId: `certify:${contractId}`,
    contractId,
    serviceId: `S-${contractId}`,
    amount: '50.00',
    certifiedOn: '2025-03-02',
  }
}

function pay(contractId: string): CommandInput {
  return {
    type: 'RecordPayment',
    commandId: `pay:${contractId}`,
    contractId,
    paymentId: `P-${contractId}`,
    amount: '50.00',
    paidOn: '2025-03-03',
  }
}

/**
 * What the child of round `r` executes: single awards (two streams each), certifications and
 * payments (one stream), and batches of two awards and a payment (one transaction).
 */
function roundPlan(round: number): CommandUnit[] {
  return Array.from({ length: UNITS_PER_ROUND }, (_, i): CommandUnit => {
    const id = `R${round}-${i}`
    switch (i % 4) {
      case 0:
      case 1:
        return { commands: [award(id)], actor, batch: false }
      case 2:
        return { commands: [certify(`R${round}-${i - 2}`)], actor, batch: false }
      default:
        return {
          commands: [award(`${id}a`), award(`${id}b`), pay(`R${round}-${i - 3}`)],
          actor,
          batch: true,
        }
    }
  })
}

async function readLog(store: EventStore): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = []
  for await (const event of store.readAll()) events.push(event)
  return events
}

/** Every award is on both streams or on neither, once, from one command. */
function expectWholeAwards(events: readonly RecordedEvent[], context: string): void {
  const framework = new Map<string, string>()
  const contract = new Map<string, string>()
  for (const event of events) {
    const data = event.data as { readonly contractId?: string }
    const side =
      event.type === 'CommitmentAwarded'
        ? framework
        : event.type === 'ContractAwarded'
          ? contract
          : undefined
    if (!side || data.contractId === undefined) continue
    expect(side.has(data.contractId), `${context}: ${data.contractId} awarded twice`).toBe(false)
    side.set(data.contractId, event.meta.commandId)
  }
  expect(contract, `${context}: half-written award`).toEqual(framework)
}

/** The index of the first unit without an outcome; units are all-or-nothing and a prefix. */
async function committedUnits(
  store: EventStore,
  plan: readonly CommandUnit[],
  context: string,
): Promise<number> {
  const done: boolean[] = []
  for (const unit of plan) {
    const found = await Promise.all(unit.commands.map((c) => store.findOutcome(c.commandId)))
    const recorded = found.filter((outcome) => outcome !== undefined).length
    expect([0, unit.commands.length], `${context}: a batch half recorded`).toContain(recorded)
    done.push(recorded > 0)
  }
  const first = done.indexOf(false)
  const prefix = first < 0 ? plan.length : first
  expect(done.slice(prefix).includes(true), `${context}: a later unit committed`).toBe(false)
  return prefix
}

const directory = temporaryDirectory('crash')
afterAll(() => directory.remove())

describe('crash recovery', () => {
  it(`a writer killed with SIGKILL ${ROUNDS} times leaves an intact, whole, idempotent log (seed ${SEED})`, async () => {
    const random = seededRandom(SEED)
    const path = directory.file('ledger.db')
    const runner = await bundleCommandRunner(directory.path)
    const setup = createLedger({ store: createSqliteStore({ path }) })
    for (const command of openedFrameworkCommands()) {
      expect((await setup.execute(command, { actor: coordinator() })).ok).toBe(true)
    }
    await setup.close()

    let next = startCommandProcess(runner, { path, units: roundPlan(0), waitForGo: true })
    try {
      for (let round = 0; round < ROUNDS; round++) {
        const context = `seed ${SEED}, round ${round}`
        const plan = roundPlan(round)
        const child = next
        await child.ready
        child.go()
        // Kill after a random number of committed units, plus a random part of the next one.
        const units = Math.floor(random() * (MAX_UNITS_BEFORE_KILL + 1))
        await child.reached(units)
        await new Promise((resolve) => setTimeout(resolve, random() * MAX_KILL_DELAY_MS))
        child.child.kill('SIGKILL')
        const { signal } = await child.exited
        expect(signal, `${context}: the child finished its plan before the kill`).toBe('SIGKILL')
        // The next child boots while this round is checked; it waits for its go.
        if (round + 1 < ROUNDS) {
          next = startCommandProcess(runner, { path, units: roundPlan(round + 1), waitForGo: true })
        }

        // What a restarted process finds: an intact chain, whole awards, a prefix of whole units.
        const store = createSqliteStore({ path })
        const verified = await verifyLog(store)
        expect(verified, context).toMatchObject({ ok: true })
        expectWholeAwards(await readLog(store), context)
        const committed = await committedUnits(store, plan, context)
        // What the child reported done before it died is there: nothing acknowledged was lost.
        expect(committed, context).toBeGreaterThanOrEqual(units)

        // Running the last committed unit and the interrupted one again: one effect each.
        const ledger = createLedger({ store })
        const rerun = plan.slice(Math.max(committed - 1, 0), committed + 1)
        for (const [offset, unit] of rerun.entries()) {
          const replay = Math.max(committed - 1, 0) + offset < committed
          const results = unit.batch
            ? await ledger.executeBatch(unit.commands, { actor: unit.actor })
            : [await ledger.execute(unit.commands[0]!, { actor: unit.actor })]
          for (const result of results) {
            expect(result.replayed, `${context}: replayed`).toBe(replay)
            expect(result.ok, `${context}: ${JSON.stringify(result)}`).toBe(true)
          }
        }
        const events = await readLog(store)
        expectWholeAwards(events, `${context}, after the rerun`)
        for (const unit of rerun) {
          for (const command of unit.commands) {
            const outcome = await store.findOutcome(command.commandId)
            const written = outcome?.result.ok === true ? outcome.result.written : []
            const positions = events
              .filter((e) => e.meta.commandId === command.commandId)
              .map((e) => `${e.stream}@${e.version}`)
              .sort()
            const expected = written.flatMap((range) =>
              Array.from(
                { length: range.toVersion - range.fromVersion + 1 },
                (_, k) => `${range.stream}@${range.fromVersion + k}`,
              ),
            )
            expected.sort()
            expect(positions, `${context}: ${command.commandId}`).toEqual(expected)
            expect(positions.length, `${context}: ${command.commandId}`).toBeGreaterThan(0)
          }
        }
        expect(await ledger.verify(), context).toMatchObject({ ok: true })
        await ledger.close()
      }
    } finally {
      // A failed round leaves the next child waiting for its go.
      next.child.kill('SIGKILL')
    }
  })
})
